// The matcher's shortcuts (a word's many candidates split by the next word, the first-unit test of
// a small matcher, the Han second-unit test) must find what trying every phrase finds, in the
// same order: these tests pin the raw matches, before any de-overlapping.
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalize, tokenize } from "../text/normalize.js";
import { PhraseMatcher } from "./matcher.js";

function raw(m: PhraseMatcher<string>, text: string, lang?: string): string[] {
  return m.matchTokens(tokenize(text), lang).map((h) => `${h.payload}:${text.slice(h.start, h.end)}`);
}

function theMatcher(): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  // More phrases start with "the" than a word's list is tried whole for.
  m.add("the", "en", "the");
  m.add("the kingdom", "en", "kingdom");
  m.add("the sides", "en", "sides");
  m.add("the kingdom of Saudi Arabia", "en", "KSA");
  m.add("the two sides", "en", "two-sides");
  m.add("the sultanate", "en", "sultanate");
  m.add("the talks", "en", "talks", { gaps: true });
  m.add("the kingdoms", "en", "kingdoms");
  m.add("the two*", "en", "tw-prefix");
  m.add("the emirate", "en", "emirate");
  return m;
}

test("a word starting many phrases: every phrase that matches, in the order they were added", () => {
  const m = theMatcher();
  assert.deepEqual(raw(m, "The Kingdom of Saudi Arabia and the two sides"), [
    "the:The", "kingdom:The Kingdom", "KSA:The Kingdom of Saudi Arabia",
    "the:the", "two-sides:the two sides", "tw-prefix:the two",
  ]);
  // A phrase that may skip words is tried whatever the next word ("the long talks").
  assert.deepEqual(raw(m, "after the long talks"), ["the:the", "talks:the long talks"]);
  // The next word shorter than the second token, or the text ending after the first word.
  assert.deepEqual(raw(m, "the kin"), ["the:the"]);
  assert.deepEqual(raw(m, "of the"), ["the:the"]);
});

test("a word starting many phrases before an Arabic-script word: its proclitics come off first", () => {
  const m = new PhraseMatcher<string>();
  for (const [phrase, id] of [["وزير الخارجية", "fm"], ["وزير الدفاع", "dm"], ["وزير الداخلية", "im"], ["وزير المالية", "finm"],
    ["وزير العدل", "jm"], ["وزير الصحة", "hm"], ["وزير النفط", "om"], ["وزير", "minister"]] as const) m.add(phrase, "ar", id);
  assert.deepEqual(raw(m, "قال وزير للخارجية"), ["fm:وزير للخارجية", "minister:وزير"]);
  assert.deepEqual(raw(m, "وزير الدفاع ووزير العدل"), ["dm:وزير الدفاع", "minister:وزير", "jm:ووزير العدل", "minister:ووزير"]);
});

test("a small matcher skips words whose first letter starts no phrase, and still strips proclitics", () => {
  const m = new PhraseMatcher<string>();
  m.add("الخارجية", "ar", "mfa", { langBound: true });
  m.add("UK", "en", "GBR", { capitalized: true });
  m.add("Foreign Office", "en", "fco", { langBound: true });
  assert.deepEqual(raw(m, "أعلنت وللخارجية", "ar"), ["mfa:وللخارجية"]);
  assert.deepEqual(raw(m, "the UK's Foreign Office said", "en"), ["GBR:UK's", "fco:Foreign Office"]);
  assert.deepEqual(raw(m, "the Foreign Office", "fr"), []);
  // A phrase added later is found (the first-letter table is rebuilt).
  m.add("Whitehall", "en", "wh");
  assert.deepEqual(raw(m, "Whitehall said"), ["wh:Whitehall"]);
});

test("Han phrases sharing a first character: each found where it occurs, phrases in their order", () => {
  const m = new PhraseMatcher<string>();
  m.add("中国", "zh", "CHN");
  m.add("中", "zh", "zhong");
  m.add("中美", "zh", "CHN-USA");
  m.add("美国", "zh", "USA");
  const text = "中美关系，中国和美国。中";
  const nt = normalize(text);
  assert.deepEqual(m.matchHan(nt).map((h) => `${h.payload}:${h.start}`), ["CHN:5", "zhong:0", "zhong:5", "zhong:11", "CHN-USA:0", "USA:8"]);
});

test("an Arabic-script next word: its variants against the second token and its other forms", () => {
  const m = new PhraseMatcher<string>();
  m.add("استدعى سفير|سفراء", "ar", "summon");
  m.add("استدعى القائم بالأعمال", "ar", "summon-cda", { gaps: true });
  m.add("استدعى", "ar", "summon-verb");
  assert.deepEqual(raw(m, "استدعى والسفراء"), ["summon:استدعى والسفراء", "summon-verb:استدعى"]);
  assert.deepEqual(raw(m, "استدعى سفيرها"), ["summon:استدعى سفيرها", "summon-verb:استدعى"]);
  assert.deepEqual(raw(m, "استدعى وزيرها"), ["summon-verb:استدعى"]);
  // A phrase that may skip words, its second token further on.
  assert.deepEqual(raw(m, "استدعى اليوم القائم بالأعمال"), ["summon-verb:استدعى", "summon-cda:استدعى اليوم القائم بالأعمال"]);
});

test("a word's candidates per document language: each language's own phrases, every phrase for an unknown language", () => {
  const m = new PhraseMatcher<string>();
  m.add("Paris", "en", "paris", { capitalized: true });
  m.add("Paris", "hu", "paris-hu", { capitalized: true, langBound: true });
  m.add("Paris talks", "fr", "talks-fr", { langBound: true });
  m.add("Paris talks", "en", "talks-en", { langBound: true });
  // The same words in documents of several languages, one after another (each language's
  // candidates are remembered apart: none may leak into another's).
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(raw(m, "Paris talks", "en"), ["paris:Paris", "talks-en:Paris talks"]);
    assert.deepEqual(raw(m, "Paris talks", "hu"), ["paris:Paris", "paris-hu:Paris"]);
    assert.deepEqual(raw(m, "Paris talks", "fr"), ["paris:Paris", "talks-fr:Paris talks"]);
    assert.deepEqual(raw(m, "Paris talks", "und"), ["paris:Paris", "paris-hu:Paris", "talks-fr:Paris talks", "talks-en:Paris talks"]);
    assert.deepEqual(raw(m, "Paris talks"), raw(m, "Paris talks", "und"));
    assert.deepEqual(raw(m, "Paris talks", "ru"), ["paris:Paris"]);
  }
  // A phrase added later is found in every language's candidates.
  m.add("Paris", "ru", "paris-ru", { capitalized: true, langBound: true });
  assert.deepEqual(raw(m, "Paris talks", "ru"), ["paris:Paris", "paris-ru:Paris"]);
  assert.deepEqual(raw(m, "Paris talks", "en"), ["paris:Paris", "talks-en:Paris talks"]);
});

test("the candidate caches' word table finds every word added, through its growth, and no other", async () => {
  const { WordTable } = await import("./matcher.js");
  const table = new WordTable<number>(8);
  const words: string[] = [];
  // Words of several scripts and lengths, some differing in one unit only ("ab1" / "ab2", "" and "a").
  for (let i = 0; i < 3000; i++) words.push(`w${i}`, `ж${i}`, `و${i % 100}x${i}`);
  words.push("", "a", "ab1", "ab2", "中文");
  words.forEach((w, i) => table.add(w, i));
  assert.equal(table.size, words.length);
  words.forEach((w, i) => assert.equal(table.get(w), i, w));
  for (const w of ["w3000", "ж-1", "ab3", "b", "中", "W1"]) assert.equal(table.get(w), undefined, w);
  // A word looked up as a fresh string (not the one added) is found all the same.
  assert.equal(table.get(["w", "17"].join("")), words.indexOf("w17"));
});
