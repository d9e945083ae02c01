import assert from "node:assert/strict";
import { test } from "node:test";
import { normalize, tokenize } from "../text/normalize.js";
import { longestNonOverlapping, PhraseMatcher, type Match } from "./matcher.js";

function find(m: PhraseMatcher<string>, text: string): string[] {
  const nt = normalize(text);
  const hits = [...m.matchTokens(tokenize(text, nt)), ...m.matchHan(nt)];
  return longestNonOverlapping(hits).map((h) => `${h.payload}:${text.slice(h.start, h.end)}`);
}

test("stems match Russian case endings within the allowance", () => {
  const m = new PhraseMatcher<string>();
  m.add("Рахмон", "ru", "TJK-person", { capitalized: true });
  m.add("переговор", "ru", "talks");
  assert.deepEqual(find(m, "Переговоры с Рахмоном прошли в Душанбе"), ["talks:Переговоры", "TJK-person:Рахмоном"]);
  // Too long a continuation is another word.
  assert.deepEqual(find(m, "переговорщиками"), []);
});

test("open prefixes with * and exact short tokens", () => {
  const m = new PhraseMatcher<string>();
  m.add("встре*", "ru", "meet");
  m.add("ООН", "ru", "UN");
  assert.deepEqual(find(m, "встретился в ООН"), ["meet:встретился", "UN:ООН"]);
  assert.deepEqual(find(m, "ООНовский"), []);
});

test("Arabic proclitics and article are stripped before matching", () => {
  const m = new PhraseMatcher<string>();
  m.add("روسيا", "ar", "RUS");
  m.add("الأمم المتحدة", "ar", "UN");
  assert.deepEqual(find(m, "وروسيا وللأمم المتحدة"), ["RUS:وروسيا", "UN:وللأمم المتحدة"]);
});

test("capitalised proper names do not match lower-case words", () => {
  const m = new PhraseMatcher<string>();
  m.add("Того", "ru", "TGO", { capitalized: true });
  assert.deepEqual(find(m, "после того как"), []);
  assert.deepEqual(find(m, "в Того"), ["TGO:Того"]);
});

test("Han phrases are found as substrings", () => {
  const m = new PhraseMatcher<string>();
  m.add("习近平", "zh", "xi");
  m.add("视频会晤", "zh", "video");
  assert.deepEqual(find(m, "国家主席习近平同美国总统举行视频会晤。"), ["xi:习近平", "video:视频会晤"]);
});

test("the longest of overlapping phrases wins", () => {
  const m = new PhraseMatcher<string>();
  m.add("Security", "en", "word");
  m.add("Collective Security Treaty Organization", "en", "CSTO");
  assert.deepEqual(find(m, "the Collective Security Treaty Organization met"), ["CSTO:Collective Security Treaty Organization"]);
});

test("acronyms that are also words match in upper case only", () => {
  const m = new PhraseMatcher<string>();
  m.add("UN", "fr", "UN", { capitalized: true, upper: true });
  m.add("ONU", "fr", "UN");
  assert.deepEqual(find(m, "Un accord a été signé"), []);
  assert.deepEqual(find(m, "le UN et l'ONU"), ["UN:UN", "UN:ONU"]);
});

test("English proper names take only a plural or possessive s; the closer of two names wins", () => {
  const m = new PhraseMatcher<string>();
  m.add("Mali", "en", "MLI", { capitalized: true });
  m.add("Russia", "en", "RUS", { capitalized: true });
  m.add("Нигер", "ru", "NER", { capitalized: true });
  m.add("Нигери", "ru", "NGA", { capitalized: true }); // the loader adds such stems (cyrillicStem)
  assert.deepEqual(find(m, "Malik spoke of Russia's role"), ["RUS:Russia's"]);
  assert.deepEqual(find(m, "в Нигерии и Нигере"), ["NGA:Нигерии", "NER:Нигере"]);
});

test("language-bound phrases only match documents of their language", () => {
  const m = new PhraseMatcher<string>();
  m.add("emir", "tr", "order", { langBound: true });
  const text = "The emir arrived";
  const nt = normalize(text);
  assert.equal(m.matchTokens(tokenize(text, nt), "en").length, 0);
  assert.equal(m.matchTokens(tokenize(text, nt), "tr").length, 1);
});

test("a proclitic on a later word of a phrase is stripped too", () => {
  const m = new PhraseMatcher<string>();
  m.add("وزارة الخارجية", "ar", "MFA");
  assert.deepEqual(find(m, "أعلنت وزارة للخارجية"), ["MFA:وزارة للخارجية"]);
  assert.deepEqual(find(m, "أعلنت وزارة الدفاع"), []);
});

test("phrases sharing a first word are told apart by the next word", () => {
  const m = new PhraseMatcher<string>();
  m.add("the United States", "en", "USA");
  m.add("the United Kingdom", "en", "GBR");
  m.add("the United Nations", "en", "UN");
  assert.deepEqual(find(m, "the United Kingdom and the United Nations"), ["GBR:the United Kingdom", "UN:the United Nations"]);
  // A phrase longer than the rest of the text is not tried past its end.
  assert.deepEqual(find(m, "talks with the United"), []);
});

test("Han phrases: every occurrence, phrases in the order they were added", () => {
  const m = new PhraseMatcher<string>();
  m.add("会谈", "zh", "talks");
  m.add("习近平", "zh", "xi");
  const nt = normalize("习近平会谈后再次会谈");
  assert.deepEqual(m.matchHan(nt).map((h) => `${h.payload}@${h.start}`), ["talks@3", "talks@8", "xi@0"]);
  assert.deepEqual(m.matchHan(normalize("no Han here")), []);
});

test("longestNonOverlapping keeps the first of equal matches and leaves its input alone", () => {
  const a = { payload: "a", extra: 0, start: 0, end: 5, tokenStart: 0, tokenEnd: 1, surface: "a" };
  const b = { payload: "b", extra: 0, start: 0, end: 5, tokenStart: 0, tokenEnd: 1, surface: "b" };
  const c = { payload: "c", extra: 1, start: 3, end: 9, tokenStart: 1, tokenEnd: 2, surface: "c" };
  const input = [b, a, c];
  assert.deepEqual(longestNonOverlapping(input).map((m) => m.payload), ["c"]);
  assert.deepEqual(longestNonOverlapping([b, a]).map((m) => m.payload), ["b"]);
  assert.deepEqual(input.map((m) => m.payload), ["b", "a", "c"]);
  const single = [a];
  assert.notEqual(longestNonOverlapping(single), single);
});

test("longestNonOverlapping keeps what a stable sort of the matches keeps, for few and for many", () => {
  // The reference: the built-in sort, as the function first did it.
  const reference = <T>(matches: Match<T>[]) => {
    if (matches.length <= 1) return matches.slice();
    const sorted = matches.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.extra - b.extra || a.start - b.start);
    const taken: Match<T>[] = [];
    for (const m of sorted) if (!taken.some((t) => m.start < t.end && t.start < m.end)) taken.push(m);
    return taken.sort((a, b) => a.start - b.start);
  };
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  for (const count of [2, 5, 12, 16, 17, 40]) {
    for (let round = 0; round < 20; round++) {
      const matches: Match<number>[] = [];
      for (let k = 0; k < count; k++) {
        const start = next(60);
        matches.push({ payload: k, extra: next(3), start, end: start + 1 + next(8), tokenStart: 0, tokenEnd: 0, surface: "" });
      }
      assert.deepEqual(longestNonOverlapping(matches).map((m) => m.payload), reference(matches).map((m) => m.payload));
    }
  }
});
