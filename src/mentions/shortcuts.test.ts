// The mentions stage's shortcuts must answer as the long way does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hasHan } from "../text/normalize.js";
import { textHasHan, transliterate } from "./index.js";

test("textHasHan answers as hasHan, also for texts that change between calls", () => {
  const texts = ["Talks in Beijing", "会谈在北京举行", "Kangxi radical ⼀ alone", "ひらがなとカタカナ", "عربي and Русский", "", "mixed 中 text", "Talks in Beijing"];
  for (const t of texts) assert.equal(textHasHan(t), hasHan(t), t);
  // The same text asked twice, and a text of the same length that differs.
  assert.equal(textHasHan("abc中"), true);
  assert.equal(textHasHan("abc中"), true);
  assert.equal(textHasHan("abcd"), false);
});

test("a Chinese name's pinyin is the same when asked again", () => {
  const first = transliterate("王毅");
  assert.equal(first, "Wang Yi");
  assert.equal(transliterate("王毅"), first);
  assert.equal(transliterate("杨洁篪"), "Yang Jiechi");
});

test("later mentions by surname: found by the table of first units, and a word sharing a surname's entry names no one", async () => {
  const { loadLexicon } = await import("../lexicon/index.js");
  const { findDocumentMentions } = await import("./index.js");
  const lex = loadLexicon();
  // «ж» (U+0436) and "6" (U+0036) share their bit of the table (the low six bits).
  const text = "Глава МИД Словении Марко Жужек прибыл в Минск. Жужек принял 6 делегаций и Жужека поблагодарили.";
  const at = text.indexOf(". ") + 2;
  const sentences = [{ start: 0, end: at - 1, index: 0, paragraph: 0 }, { start: at, end: text.length, index: 1, paragraph: 0 }];
  const { mentions } = findDocumentMentions(text, sentences, lex, "ru");
  const persons = mentions[1].entities.filter((e) => e.payload.kind === "person").map((e) => `${e.payload.kind === "person" && e.payload.id}:${text.slice(e.start, e.end)}`);
  assert.deepEqual(persons, ["doc:marko zhuzhek:Жужек", "doc:marko zhuzhek:Жужека"]);
  // A document that introduces no one marks no one.
  const plain = findDocumentMentions("Жужек принял 6 делегаций.", [{ start: 0, end: 25, index: 0, paragraph: 0 }], lex, "ru");
  assert.deepEqual(plain.mentions[0].entities.filter((e) => e.payload.kind === "person"), []);
});

test("a word without Cyrillic or Arabic letters is its only surname form", async () => {
  const { hasNoSurnameForms, surnameKeys } = await import("./names.js");
  const words = ["okafor", "osei", "tutu", "жужеком", "жужек", "ли", "وبوزيد", "بوزيد", "lindqvist", "王毅", "x", "mixedж", "اب"];
  for (const w of words) if (hasNoSurnameForms(w)) assert.deepEqual(surnameKeys(w), [w], w);
  assert.equal(hasNoSurnameForms("okafor"), true);
  assert.equal(hasNoSurnameForms("mixedж"), false);
  assert.equal(hasNoSurnameForms("وبوزيد"), false);
});

test("each layer of a sentence's mentions is what keeping the longest of overlapping matches gives", async () => {
  const { loadLexicon, longestNonOverlapping } = await import("../lexicon/index.js");
  const { mentionsIn } = await import("./index.js");
  const { normalize, tokenize } = await import("../text/normalize.js");
  const lex = loadLexicon();
  const sentences: [string, string][] = [
    ["The foreign ministers of Russia and Turkey held talks in Moscow and signed an agreement on trade.", "en"],
    ["President Putin met Turkish President Erdogan; the two leaders discussed Syria and could sign a deal.", "en"],
    ["Министр иностранных дел России Сергей Лавров провел переговоры с министром иностранных дел Турции.", "ru"],
    ["Le ministre des affaires étrangères a rencontré son homologue à Paris.", "fr"],
    ["Talks.", "en"],
  ];
  const show = (list: { start: number; end: number; payload: unknown }[]) => list.map((m) => `${m.start}-${m.end}:${JSON.stringify(m.payload)}`);
  for (const [text, lang] of sentences) {
    const got = mentionsIn(text, { start: 0, end: text.length }, lex, lang, false);
    const raw = lex.matcher.matchTokens(tokenize(text, normalize(text)), lang);
    const layer = (kinds: string[] | null) => raw.filter((m) => (kinds ? kinds.includes(m.payload.kind) : !["trigger", "topic", "modality", "reference"].includes(m.payload.kind)));
    assert.deepEqual(show(got.entities), show(longestNonOverlapping(layer(null))), text);
    assert.deepEqual(show(got.triggers), show(longestNonOverlapping(layer(["trigger"]))), text);
    assert.deepEqual(show(got.topics), show(longestNonOverlapping(layer(["topic"]))), text);
    assert.deepEqual(show(got.references), show(longestNonOverlapping(layer(["reference"]))), text);
    assert.deepEqual(show(got.modality), show(longestNonOverlapping(layer(["modality"])).filter((m) => m.payload.kind === "modality" && m.payload.id !== "none")), text);
  }
  // The shortcut is taken at least once here (a layer of several matches apart) and the long way too.
  const apart = mentionsIn(sentences[0][0], { start: 0, end: sentences[0][0].length }, lex, "en", false);
  assert.ok(apart.entities.length > 1 || apart.triggers.length > 1);
});
