// Regression tests of the event stage on sentences the team wrote (src/events/cases.ts), in
// every supported language, including the traps: negation, future, hypothetical, third-country
// datelines, two meetings in one text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "../pipeline/index.js";
import type { Article } from "../types.js";
import { eventCases } from "./cases.js";
import { languageCases } from "./cases-langs.js";

function articleOf(text: string, i: number): Article {
  return {
    name: `case_${i}`, origin: `case_${i}`, text, title: null, titleSpan: null,
    published: "2024-05-15", publishedSpan: null, dateline: null, source: null,
    paragraphs: [{ start: 0, end: text.length }],
  };
}

const key = (e: { type: string; mode: string | null; countries: string[]; status?: string }) =>
  `${e.status ?? "event"} ${e.type}/${e.mode ?? "-"} ${[...e.countries].sort().join("-")}`;

[...eventCases, ...languageCases].forEach((c, i) => {
  test(`[${c.lang}] ${c.note ?? c.text.slice(0, 60)}`, () => {
    const r = extractArticle(articleOf(c.text, i), "UTF-8");
    const got = r.events.map((e) => key({ type: e.type, mode: e.mode, countries: [...new Set(e.actors.map((a) => a.country))], status: e.status }));
    for (const want of c.expect) {
      const k = key(want);
      assert.ok(got.includes(k), `expected ${k}\n  in: ${c.text}\n  got: ${got.join(" | ") || "nothing"}`);
    }
    // Every event carries evidence that points at its own sentence.
    for (const e of r.events) assert.equal(c.text.slice(e.evidence.start, e.evidence.end), e.evidence.sentence);
  });
});
