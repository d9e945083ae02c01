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
