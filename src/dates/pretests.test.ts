// The cheap tests that decide where a pattern's regex runs must let through every place where it
// matches: sentences with what each test looks for (a relative year after "of"/"de", a four-digit
// year, a one- or two-digit day, a multi-word Persian ordinal, a lone month after a preposition)
// and near misses that must stay no date. Conversions from the Hijri calendars are memoised: the
// same date read twice gives the same value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates } from "./index.js";
import type { Lang } from "../types.js";

function found(text: string, lang: Lang | "und", ref: string | null): Array<[string, string, string]> {
  return findDates(text, lang, ref).map((d) => [text.slice(d.start, d.end), d.value, d.kind]);
}

test("a month before a relative year, also after 'of' or 'de'", () => {
  assert.deepEqual(found("The talks began in October of last year and ended.", "en", "2024-05-01"), [["October of last year", "2023-10", "relative"]]);
  assert.deepEqual(found("Les pourparlers ont commencé en octobre de l'année dernière.", "fr", "2024-05-01"), [["octobre de l'année dernière", "2023-10", "relative"]]);
  assert.deepEqual(found("It reopened in September this year.", "en", "2024-10-01"), [["September this year", "2024-09", "relative"]]);
  // A month before another word is a lone month after "in", not a month of a relative year.
  assert.deepEqual(found("It reopened in September thereafter.", "en", "2024-10-01"), [["September", "2024-09", "relative"]]);
});

test("a month before a year of exactly four digits; a day of one or two", () => {
  assert.deepEqual(found("Signed in September 2022 in Geneva.", "en", "2024-10-01"), [["September 2022", "2022-09", "absolute"]]);
  assert.deepEqual(found("Signed in September,  2022 in Geneva.", "en", null), [["September,  2022", "2022-09", "absolute"]]);
  assert.deepEqual(found("Ticket September 20221 was issued.", "en", "2024-10-01"), []);
  assert.deepEqual(found("Met on Jul 9, 2024 and Jul 123 later.", "en", "2024-10-01"), [["Jul 9, 2024", "2024-07-09", "absolute"]]);
  assert.deepEqual(found("Met on March 3rd and on March 15.", "en", "2024-10-01"), [["March 3rd", "2024-03-03", "absolute"], ["March 15", "2024-03-15", "absolute"]]);
});

test("Persian ordinal days of one or several words, and a ZWNJ inside one", () => {
  assert.deepEqual(found("در سی‌ام خرداد و بیست و یکم تیر امسال", "fa", "2024-08-01"), [
    ["سی‌ام خرداد", "2024-06-19", "relative"],
    ["بیست و یکم تیر امسال", "2024-07-11", "relative"],
  ]);
  assert.deepEqual(found("قرار شد در بیست و یکم  تیر امسال", "fa", "2024-08-01"), [["بیست و یکم  تیر امسال", "2024-07-11", "relative"]]);
  // An ordinal glued to the word before it is none: only the "first" after "and" stands alone.
  assert.deepEqual(found("قرار شد دربیست و یکم تیر", "fa", "2024-08-01"), [["یکم تیر", "2024-06-21", "relative"]]);
});

test("lone months after several prepositions, at the text start and after punctuation", () => {
  assert.deepEqual(found("In March the talks resumed.", "en", "2024-05-01"), [["March", "2024-03", "relative"]]);
  assert.deepEqual(found("(in early May) and mid-June", "en", "2024-07-01"), [["May", "2024-05", "relative"], ["June", "2024-06", "relative"]]);
  assert.deepEqual(found("inMarch the talks resumed.", "en", "2024-05-01"), []);
});

test("the same lunar Hijri date read twice has the same value", () => {
  const t = "وقع الاتفاق في 15 رمضان 1445 ثم في 15 رمضان 1445 مرة أخرى";
  assert.deepEqual(found(t, "ar", "2024-05-01"), [["15 رمضان 1445", "2024-03-25", "absolute"], ["15 رمضان 1445", "2024-03-25", "absolute"]]);
  assert.deepEqual(found(t, "ar", "2024-05-01"), found(t, "ar", "2024-05-01"));
  // A year-less Hijri date takes the Hijri year of the reference date (memoised per reference).
  assert.deepEqual(found("في 15 رمضان", "ar", "2024-05-01"), [["15 رمضان", "2024-03-25", "absolute"]]);
});

test("a month word ends at its first unit that no month group holds: what follows is read there", () => {
  // Inflected months (suffix letters), an abbreviation with its period, a comma before the year.
  assert.deepEqual(found("Переговоры прошли в сентябре прошлого года и 5 сентября 2023 года.", "ru", "2024-05-01"), [
    ["сентябре прошлого года", "2023-09", "relative"],
    ["5 сентября 2023 года", "2023-09-05", "absolute"],
  ]);
  assert.deepEqual(found("Signed Sept. 16, 2022 and in Jan., 2023 again.", "en", "2024-05-01"), [
    ["Sept. 16, 2022", "2022-09-16", "absolute"],
    ["Jan., 2023", "2023-01", "absolute"],
  ]);
  assert.deepEqual(found("Les pourparlers de mars de l'an dernier ont repris en mars 2024.", "fr", "2024-05-01").map((d) => d[0]), ["mars de l'an dernier", "mars 2024"]);
  // A word that only begins like a month ("declined", "marching") starts nothing, whatever follows.
  assert.deepEqual(found("They declined 12 offers, marching 2024 metres last year.", "en", "2024-05-01"), [["last year", "2023", "relative"]]);
  // A month name of two words (Hijri) is still read whole.
  assert.deepEqual(found("وقع الاتفاق في 10 ذو القعدة 1444", "ar", "2024-05-01").map((d) => d[0]), ["10 ذو القعدة 1444"]);
});
