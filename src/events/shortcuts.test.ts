// The events stage's skipped work keeps its answers (each test names the shortcut it pins), on
// sentences written for these tests.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadLexicon } from "../lexicon/index.js";
import { mentionsIn, type SentenceMentions } from "../mentions/index.js";
import { foldStretch } from "../text/normalize.js";
import { dayAfterIn, foldRunning } from "./cues.js";
import { mayFoldToOneOf } from "./triggers.js";
import { findEvents } from "./index.js";
import { withDocumentMemo } from "./memo.js";
import type { EventContext } from "./model.js";
import { sidesInSentence, sortByStart } from "./sides.js";
import { batchSize, documentsNamed } from "./split.js";
import { addDays, nearDate } from "./when.js";

const lex = loadLexicon();

function sentencesOf(text: string, lang: string): { ctx: EventContext; sms: SentenceMentions[] } {
  const sms: SentenceMentions[] = [];
  let start = 0;
  text.split(/(?<=\.) /).forEach((s, i) => {
    const span = { start, end: start + s.length };
    sms.push({ sentence: { ...span, index: i, paragraph: 0 }, ...mentionsIn(text, span, lex, lang), names: [] });
    start = span.end + 1;
  });
  return { ctx: { document: "shortcuts", text, lang, refDate: "2024-05-15", datelinePlace: null, title: null, lex }, sms };
}

const TEXTS: [string, string][] = [
  ["Armenia and Azerbaijan resumed talks in Geneva with the mediation of the EU. The Russian side welcomed the agreement. Turkish President Recep Tayyip Erdogan met the Iranian ambassador. The foreign minister of France called Germany.", "en"],
  ["Россия и Китай подписали соглашение в Пекине. Президент России Владимир Путин провёл переговоры с Казахстаном.", "ru"],
];

test("'the two sides' are the countries named most, in sentences with and without an event", () => {
  const text = "Armenia and Azerbaijan are neighbours in the Caucasus. Armenia has long disputed the border with Azerbaijan. Both sides held talks in Geneva on Monday.";
  const { ctx, sms } = sentencesOf(text, "en");
  const events = findEvents(ctx, sms, sms.map(() => []));
  const talks = events.find((e) => e.type === "CONSULT");
  assert.ok(talks, JSON.stringify(events));
  assert.deepEqual(talks.actors.map((x) => x.country).sort(), ["ARM", "AZE"]);
});

test("a stretch of text read in lower case where it is plain ASCII is its fold, stretch by stretch", () => {
  const text = "On the 30th ANNIVERSARY of the Treaty, Russia's and China`s leaders (and l'ONU) met; Путин и Си Цзиньпин отметили ГОДОВЩИНУ. 聯(lián)合國 «Ё» Straße İstanbul 𝐀 — done.";
  let ascii = 0;
  for (let a = 0; a < text.length; a++)
    for (let b = a; b <= Math.min(text.length, a + 60); b++) {
      const s = text.slice(a, b);
      if (/^[\x00-\x7f]*$/.test(s) && !/['`]/.test(s)) ascii++;
      assert.equal(foldRunning(s), foldStretch(s), JSON.stringify(s));
    }
  assert.ok(ascii > 100);
});

test("in a sentence without an organisation, whether organisations are sides and whether the event is multilateral change no named or bare side", () => {
  const texts: [string, string][] = [
    ["Russian President Vladimir Putin met the Chinese foreign minister in Moscow and visited Kazakhstan, the Kremlin said.", "en"],
    ["Iran and Iraq condemned the attack on the Saudi embassy in Tehran.", "en"],
    ["Министр иностранных дел России Сергей Лавров провёл переговоры со своим таджикским коллегой в Душанбе.", "ru"],
  ];
  for (const [text, lang] of texts) {
    const { ctx, sms } = sentencesOf(text, lang);
    for (const sm of sms) {
      assert.ok(!sm.entities.some((e) => e.payload.kind === "org"), text);
      for (const type of ["CONSULT", "ACCUSE", "AID"] as const)
        for (const visit of [false, true]) {
          // (A multilateral event takes every bare side: compared before that step, as the memo keeps them.)
          const base = JSON.stringify(sidesInSentence(ctx, sm, "2024-05-15", { orgsAsSides: false, type, visit }));
          assert.equal(JSON.stringify(sidesInSentence(ctx, sm, "2024-05-15", { orgsAsSides: true, type, visit })), base, `${text} ${type}`);
          // In a document run the sides kept for a multilateral event serve the others.
          const got = withDocumentMemo(ctx, () => {
            sidesInSentence(ctx, sm, "2024-05-15", { orgsAsSides: true, type, visit, multilateral: true });
            return JSON.stringify(sidesInSentence(ctx, sm, "2024-05-15", { orgsAsSides: false, type, visit }));
          });
          assert.equal(got, base, `${text} ${type} after a multilateral one`);
        }
    }
  }
});

test("a stretch whose letters cannot spell a word does not fold to a text holding it", () => {
  const text = "Le 30e anniversaire du Traité, l'ONU et l’UE ; the ANNIVERSARIES of relations; 60-летие и годовщина ЮБИЛЕЯ; الذكرى السنوية; سالگرد روابط; 周年 聯(lián)合國; Jahrestag, Jubiläum, yıl dönümü 𝐀.";
  const lists = [...lex.markers.anniversary.values()];
  let skipped = 0, found = 0;
  for (const words of lists)
    for (let a = 0; a < text.length; a += 2)
      for (const n of [6, 12, 40]) {
        const s = text.slice(a, a + n);
        const holds = words.some((w) => foldStretch(s).includes(w));
        if (holds) found++;
        if (!mayFoldToOneOf(s, words)) {
          skipped++;
          assert.ok(!holds, `${JSON.stringify(s)} ${words}`);
        }
      }
  assert.ok(skipped > 100 && found > 10, `${skipped} skipped, ${found} found`);
});

test("the places of a sentence, worked out once, place each of its events", () => {
  const text = "Vladimir Putin held talks with Xi Jinping in Beijing on Monday, and the two leaders signed an agreement on energy in the Chinese capital.";
  const { ctx, sms } = sentencesOf(text, "en");
  const events = findEvents(ctx, sms, sms.map(() => []));
  const talks = events.find((e) => e.type === "CONSULT");
  const signing = events.find((e) => e.type === "AGREE");
  assert.ok(talks && signing, JSON.stringify(events.map((e) => e.type)));
  assert.equal(talks.location?.city, "Beijing");
  assert.equal(signing.location?.city, "Beijing");
});

test("the persons an article names are counted in every sentence, the ones after its last trigger too", () => {
  const thanks = "Uzbekistan thanked Russia for the timely help.";
  const russia = (text: string) => {
    const { ctx, sms } = sentencesOf(text, "en");
    const support = findEvents(ctx, sms, sms.map(() => [])).find((e) => e.type === "SUPPORT");
    return support?.actors.find((a) => a.country === "RUS");
  };
  assert.equal(russia(thanks)?.name, null);
  // (The stage reads no sentence after the last trigger but to count the persons.)
  const text = `${thanks} Russian President Vladimir Putin is in Moscow.`;
  assert.ok(sentencesOf(text, "en").sms.map((sm) => sm.triggers.length).join() === "1,0");
  assert.equal(russia(text)?.name, "Vladimir Putin");
});

test("a document without a trigger has no events, however many sides it names", () => {
  const text = "Armenia and Azerbaijan are neighbours in the Caucasus. Russian President Vladimir Putin is in Moscow.";
  const { ctx, sms } = sentencesOf(text, "en");
  assert.ok(sms.every((sm) => !sm.triggers.length) && sms.every((sm) => sm.entities.length));
  assert.deepEqual(findEvents(ctx, sms, sms.map(() => [])), []);
  // One trigger after them: the sides they named are the two sides of the talks.
  const { ctx: ctx2, sms: sms2 } = sentencesOf(text + " Both sides held talks in Geneva on Monday.", "en");
  const talks = findEvents(ctx2, sms2, sms2.map(() => [])).find((e) => e.type === "CONSULT");
  assert.deepEqual(talks?.actors.map((x) => x.country).sort(), ["ARM", "AZE"]);
});

test("a sentence naming only cities names no side; a capital, an organisation or a title alone still can", () => {
  const sides = (text: string, opts: Parameters<typeof sidesInSentence>[3]) => {
    const { ctx, sms } = sentencesOf(text, "en");
    return sidesInSentence(ctx, sms[0], "2024-05-15", opts).map((x) => x.country);
  };
  const geneva = sentencesOf("The talks were held in Geneva on Monday.", "en").sms[0];
  assert.ok(geneva.entities.length && geneva.entities.every((e) => e.payload.kind === "place"));
  for (const type of ["CONSULT", "ACCUSE"] as const) {
    assert.deepEqual(sides("The talks were held in Geneva on Monday.", { orgsAsSides: true, type, multilateral: true }), []);
    assert.deepEqual(sides("Moscow condemned the strike.", { orgsAsSides: false, type }), ["RUS"]);
    assert.deepEqual(sides("NATO condemned the strike.", { orgsAsSides: true, type }), ["NATO"]);
    assert.deepEqual(sides("The Chairman of the State Duma condemned the strike.", { orgsAsSides: false, type }), ["RUS"]);
  }
});

test("a trigger in a sentence naming no side takes its sides from the event before or from a reference, and tells nothing without them", () => {
  const talks = (text: string) => {
    const { ctx, sms } = sentencesOf(text, "en");
    assert.ok(sms[sms.length - 1].entities.every((e) => e.payload.kind === "place"));
    return findEvents(ctx, sms, sms.map(() => [])).filter((e) => e.type === "CONSULT").map((e) => e.actors.map((x) => x.country).sort().join());
  };
  assert.deepEqual(talks("Armenia condemned Azerbaijan on Sunday. The talks were held in Geneva on Monday."), ["ARM,AZE"]);
  assert.deepEqual(talks("Armenia and Azerbaijan are neighbours. Both sides held talks in Geneva on Monday."), ["ARM,AZE"]);
  assert.deepEqual(talks("The talks were held in Geneva on Monday."), []);
});

test("sortByStart orders sides as a stable sort by start does, Infinity last", () => {
  // Pseudo-random lists with ties and Infinity (sides from the discourse stand at Infinity).
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 200; n++) {
    const list = Array.from({ length: Math.floor(next() * 9) }, (_, i) => ({ id: i, start: next() < 0.15 ? Infinity : Math.floor(next() * 5) }));
    const expected = [...list].sort((a, b) => a.start - b.start).map((x) => x.id);
    assert.deepEqual(sortByStart([...list]).map((x) => x.id), expected);
  }
});

test("a 'day after' cue is found wherever it stands in the sentence, and only whole", () => {
  const day = (text: string) => {
    const { ctx, sms } = sentencesOf(text, "en");
    return dayAfterIn(ctx, sms[0]);
  };
  assert.ok(day("The ministers met again the following day."));
  assert.ok(day("A day later the envoy flew home."));
  assert.ok(day("The envoy flew home the day after."));
  assert.ok(!day("The following week the envoy flew home."));
  assert.ok(!day("The envoy flew home a day."));
});

test("document nouns are counted with their endings and after an Arabic proclitic", () => {
  const named = (text: string, lang: string) => {
    const { ctx, sms } = sentencesOf(text, lang);
    return { documents: documentsNamed(ctx, sms[0]), batch: batchSize(ctx, sms[0]) };
  };
  assert.deepEqual(named("The sides signed a treaty and two memoranda on trade.", "en"), { documents: 2, batch: undefined });
  assert.deepEqual(named("The ministers signed an agreement and a protocols annex.", "en"), { documents: 2, batch: undefined });
  // "and the treaty": the noun after و counts.
  assert.equal(named("وقع الوزيران اتفاقيه ومعاهده في القاهره.", "ar").documents, 2);
  assert.deepEqual(named("The sides signed 13 bilateral agreements.", "en"), { documents: 1, batch: 13 });
});

test("kept date arithmetic answers as computed: across months, years and leap days, asked twice", () => {
  for (let round = 0; round < 2; round++) {
    assert.equal(addDays("2024-02-28", 1), "2024-02-29");
    assert.equal(addDays("2023-02-28", 1), "2023-03-01");
    assert.equal(addDays("2024-12-31", 2), "2025-01-02");
    assert.equal(addDays("2024-05", 1), "2024-05");
    assert.ok(nearDate("2024-12-31", "2025-01-02"));
    assert.ok(!nearDate("2024-12-31", "2025-01-03"));
    assert.ok(nearDate("2024-05", "2024-05") && !nearDate("2024-05", "2024-05-01"));
  }
});
