// The stage's shortcuts keep its answers: what a document run remembers (memo.ts) is what the
// passes compute without it, whatever the callers then do to the sides they get; the phrase tests
// that skip a list by its first or last words find what a full scan finds; the clause breaks read
// character by character are the punctuation the boundary list names. Sentences written for
// these tests.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadLexicon } from "../lexicon/index.js";
import { mentionsIn, type SentenceMentions } from "../mentions/index.js";
import { clauseBreaks } from "./clauses.js";
import { isWordOf, phraseEndingAt, phraseStartingAt } from "./cues.js";
import { withDocumentMemo } from "./memo.js";
import type { EventContext, Side } from "./model.js";
import { type SideOptions, isCounterpart, mentionRole, sidesInSentence } from "./sides.js";

const lex = loadLexicon();

function sentenceOf(text: string, lang: string): { ctx: EventContext; sm: SentenceMentions } {
  const sm: SentenceMentions = { sentence: { start: 0, end: text.length, index: 0, paragraph: 0 }, ...mentionsIn(text, { start: 0, end: text.length }, lex, lang), names: [] };
  return { ctx: { document: "memo", text, lang, refDate: "2024-05-15", datelinePlace: null, title: null, lex }, sm };
}

const SENTENCES: [string, string][] = [
  ["Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi and the ambassadors of Germany, Japan and Egypt in Moscow on the sidelines of the SCO summit, the Kremlin said.", "en"],
  ["Iran and Iraq condemned the attack on the Saudi embassy in Tehran, and the UN Secretary-General called on Israel and Lebanon to hold talks with France.", "en"],
  ["Министр иностранных дел России Сергей Лавров провёл переговоры со своим таджикским коллегой в Душанбе и посетил Узбекистан.", "ru"],
];

/** The option sets the passes ask with (plain sides, a trigger's, hostile, multilateral, a visit, aid). */
function optionsFor(text: string): SideOptions[] {
  const at = Math.max(0, text.indexOf("condemned"));
  return [
    { orgsAsSides: false },
    { orgsAsSides: true, type: "CONSULT" },
    { orgsAsSides: true, type: "ACCUSE", near: { start: at, end: at + 9 } },
    { orgsAsSides: true, type: "CONSULT", multilateral: true },
    { orgsAsSides: true, type: "CONSULT", visit: true },
    { orgsAsSides: true, type: "AID" },
  ];
}
const DATES = ["2024-05-15", "2012-03-01", "2019", null];

const asText = (x: unknown) => JSON.stringify(x);

test("sides computed inside a document run are those computed without one, however callers change them", () => {
  for (const [text, lang] of SENTENCES) {
    const { ctx, sm } = sentenceOf(text, lang);
    const want: string[] = [];
    for (const date of DATES)
      for (const opts of optionsFor(text)) {
        const others: Side[] = [];
        want.push(asText([sidesInSentence(ctx, sm, date, { ...opts, sameCountryCounterparts: others }), others]));
      }
    assert.ok(want.some((x) => x.includes('"rank":3')), `a named person in: ${text}`);
    withDocumentMemo(ctx, () => {
      // Twice over: the second round is answered from what the first kept.
      for (let round = 0; round < 2; round++) {
        let k = 0;
        for (const date of DATES)
          for (const opts of optionsFor(text)) {
            const others: Side[] = [];
            const got = sidesInSentence(ctx, sm, date, { ...opts, sameCountryCounterparts: others });
            assert.equal(asText([got, others]), want[k++], `${text} ${date} ${asText(opts)}`);
            // Callers change the sides they get (markCoordinatedCounterparts, withBareSides): no
            // later answer may see it.
            for (const x of [...got, ...others]) Object.assign(x, { counterpart: !x.counterpart, host: true, start: x.start + 1000, name: "changed" });
          }
      }
    });
  }
});

test("mention roles and counterpart spans kept in a document run are those computed without one", () => {
  for (const [text, lang] of SENTENCES) {
    const { ctx, sm } = sentenceOf(text, lang);
    const roles = sm.entities.map((e) => mentionRole(ctx, sm, e));
    const counterparts = sm.entities.map((e) => isCounterpart(ctx, sm, e.start, e.end));
    assert.ok(roles.includes("place") || roles.includes("topic") || roles.includes("direction"), `a role other than party in: ${text}`);
    withDocumentMemo(ctx, () => {
      for (let round = 0; round < 2; round++) {
        assert.deepEqual(sm.entities.map((e) => mentionRole(ctx, sm, e)), roles);
        assert.deepEqual(sm.entities.map((e) => isCounterpart(ctx, sm, e.start, e.end)), counterparts);
      }
    });
  }
});

test("phrase tests that skip by first or last word find what a full scan finds", () => {
  const tokens = (s: string) => s.split(" ").map((norm) => ({ norm }));
  const full = (toks: { norm: string }[], from: number, phrases: string[][], ending: boolean) =>
    phrases.find((ph) => {
      const base = ending ? from - ph.length + 1 : from;
      if (base < 0 || base + ph.length > toks.length) return false;
      return ph.every((w, j) => toks[base + j].norm === w || (toks[base + j].norm.length === w.length + 1 && /^[وفبل][\u0600-\u06ff]{2,}/.test(toks[base + j].norm) && toks[base + j].norm.startsWith(w, 1)));
    });
  const phrases = [["on", "the", "sidelines", "of"], ["sidelines"], ["بحضور"], ["في", "إطار"], ["of"]];
  for (const s of ["talks on the sidelines of the summit", "وبحضور الوزير", "وفي إطار القمة", "فبحضور", "of of of", "nothing here at all"]) {
    const toks = tokens(s);
    for (let k = -1; k <= toks.length; k++) {
      assert.deepEqual(phraseStartingAt(toks, k, phrases), k < 0 ? undefined : full(toks, k, phrases, false), `${s} @${k} start`);
      if (k < toks.length) assert.deepEqual(phraseEndingAt(toks, k, phrases), k < 0 ? undefined : full(toks, k, phrases, true), `${s} @${k} end`);
    }
  }
  // A proclitic is read off Arabic words only, and a list with an empty phrase matches anywhere.
  assert.equal(phraseStartingAt(tokens("وبحضور"), 0, [["بحضور"]])?.[0], "بحضور");
  assert.equal(phraseStartingAt(tokens("xsidelines"), 0, [["sidelines"]]), undefined);
  assert.deepEqual(phraseStartingAt(tokens("any word"), 1, [["sidelines"], []]), []);
  assert.deepEqual(phraseEndingAt(tokens("any word"), 0, [["sidelines"], []]), []);
  assert.ok(isWordOf("والمطار", ["المطار"]) && isWordOf("airports", ["airport*"]) && !isWordOf("lairport", ["airport"]));
});

test("clause breaks are the listed punctuation, not a comma inside a number", () => {
  const text = "Intro. In 2023, exports rose to 1,000 tonnes; imports fell (sharply) — by half: so it went، وكذلك؛ 又，好；和：中、文 – end,9";
  const sm = { sentence: { start: 7, end: text.length, index: 0, paragraph: 0 } } as SentenceMentions;
  const breaks = clauseBreaks(text, sm);
  assert.equal(breaks.map((b) => text[b]).join(""), ",;()—:،؛，；：、–,");
  assert.ok(!breaks.includes(text.indexOf("1,000") + 1), "the comma of 1,000");
  assert.ok(breaks.every((b) => b >= 7), "only inside the sentence");
});
