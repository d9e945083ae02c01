import assert from "node:assert/strict";
import { test } from "node:test";
import { findDates } from "./index.js";

const found = (text: string, lang: "en" | "ru" | "fr", ref: string) => findDates(text, lang, ref).map((d) => [text.slice(d.start, d.end), d.value]);

test("a lone month after 'in' is the latest such month not after the reference date", () => {
  assert.deepEqual(found("They met in February and again in September.", "en", "2022-12-21"), [["February", "2022-02"], ["September", "2022-09"]]);
  assert.deepEqual(found("Они встречались в ноябре.", "ru", "2023-03-01"), [["ноябре", "2022-11"]]);
  assert.deepEqual(found("Il s'est rendu en mars à Paris.", "fr", "2024-05-10"), [["mars", "2024-03"]]);
});

test("a month with its year stays a month-year; 'may' the verb is not a month", () => {
  assert.deepEqual(found("in June 2025 they may meet", "en", "2024-01-01"), [["June 2025", "2025-06"]]);
  assert.deepEqual(found("They said they may meet soon.", "en", "2024-01-01"), []);
});

const inRange = (text: string, from: number, to: number) =>
  findDates(text, "en", "2024-06-30", { start: from, end: to }).map((d) => [text.slice(d.start, d.end), d.value]);

test("a lone month is found only inside the range, and only after a whole preposition", () => {
  const text = "Talks began in March. The summit is planned in May.";
  const cut = text.indexOf(".") + 1;
  assert.deepEqual(inRange(text, 0, cut), [["March", "2024-03"]]);
  assert.deepEqual(inRange(text, cut, text.length), [["May", "2024-05"]]);
  // "within"/"begin" end in "in" but are not the preposition.
  assert.deepEqual(found("They will report within March or begin April.", "en", "2024-06-30"), []);
  // After a symbol outside the Basic Multilingual Plane, and at the very start of the text.
  assert.deepEqual(found("📅 in April", "en", "2024-06-30"), [["April", "2024-04"]]);
  assert.deepEqual(found("in April", "en", "2024-06-30"), [["April", "2024-04"]]);
});
