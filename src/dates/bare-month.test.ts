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

test("a part of a month ('early May', «в начале мая», «охири моҳи апрел») is that month", () => {
  const any = (text: string, lang: string, ref: string) => findDates(text, lang as "en", ref).map((d) => [text.slice(d.start, d.end), d.value]);
  assert.deepEqual(any("The minister visited Kyiv in early May.", "en", "2024-05-06"), [["May", "2024-05"]]);
  assert.deepEqual(any("Переговоры прошли в конце апреля.", "ru", "2024-05-06"), [["апреля", "2024-04"]]);
  assert.deepEqual(any("Talks resumed in mid-March.", "en", "2024-05-06"), [["March", "2024-03"]]);
  assert.deepEqual(any("Вазир дар охири моҳи апрел ба Маскав сафар кард.", "tg", "2024-05-06"), [["апрел", "2024-04"]]);
  assert.deepEqual(any("وصل الوفد في أوائل مايو.", "ar", "2024-05-06"), [["مايو", "2024-05"]]);
});

test("a month marked as coming ('next April', «в апреле следующего года», 'أبريل المقبل') is the next one", () => {
  const any = (text: string, lang: string, ref: string) => findDates(text, lang as "en", ref).map((d) => d.value);
  assert.deepEqual(any("He invited her to visit Turkey next April.", "en", "2024-05-06"), ["2025-04"]);
  assert.deepEqual(any("Визит состоится в апреле следующего года.", "ru", "2024-05-06"), ["2025-04"]);
  assert.deepEqual(any("دعاه لزيارة الأردن في يونيو المقبل.", "ar", "2024-02-15"), ["2024-06"]);
});

test("a Persian ordinal day before a Solar Hijri month, with 'this year', 'last year' or a year", () => {
  const any = (text: string, ref: string) => findDates(text, "fa" as "en", ref).map((d) => [text.slice(d.start, d.end), d.value]);
  assert.deepEqual(any("دو وزیر دوازدهم تیر امسال تلفنی گفت‌وگو کردند.", "2024-08-05"), [["دوازدهم تیر امسال", "2024-07-02"]]);
  assert.deepEqual(any("نشست در بیست و دوم بهمن ۱۴۰۲ برگزار شد.", "2024-08-05"), [["بیست و دوم بهمن ۱۴۰۲", "2024-02-11"]]);
  assert.deepEqual(any("توافق سوم اسفند سال گذشته امضا شد.", "2024-08-05"), [["سوم اسفند سال گذشته", "2024-02-22"]]);
});

test("a Chinese month alone is the latest such month, or in the year named before it", () => {
  const any = (text: string, ref: string) => findDates(text, "zh" as "en", ref).map((d) => [text.slice(d.start, d.end), d.value]);
  assert.deepEqual(any("两国外长已于3月和8月两次通电话。", "2021-11-16"), [["3月", "2021-03"], ["8月", "2021-08"]]);
  assert.deepEqual(any("去年12月双方会晤。", "2021-11-16"), [["12月", "2020-12"]]);
  assert.deepEqual(any("2021年9月10日", "2021-11-16"), [["2021年9月10日", "2021-09-10"]]);
});
