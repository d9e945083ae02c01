import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, foldByTable, foldForDates, normalizeDigits, type DateMatch } from "./index.js";
import type { Lang } from "../types.js";

/** [matched text, value] pairs, in document order. */
function found(text: string, lang: Lang | "und", ref: string | null): Array<[string, string]> {
  return findDates(text, lang, ref).map((d: DateMatch) => [text.slice(d.start, d.end), d.value]);
}

function has(text: string, lang: Lang | "und", ref: string | null, phrase: string, value: string): void {
  const hits = found(text, lang, ref);
  assert.ok(hits.some(([t, v]) => t === phrase && v === value), `${phrase} -> ${value} not in ${JSON.stringify(hits)}`);
}

test("normalizeDigits keeps length and converts Eastern digits", () => {
  const s = "١٥ فبراير ٢٠٢٤ و ۱۴۰۲";
  const n = normalizeDigits(s);
  assert.equal(n.length, s.length);
  assert.equal(n, "15 فبراير 2024 و 1402");
});

test("numeric and ISO dates", () => {
  assert.deepEqual(found("Signed on 03.04.2021 and filed 2021-05-06, reviewed 07/08/2021.", "en", null), [
    ["03.04.2021", "2021-04-03"], ["2021-05-06", "2021-05-06"], ["07/08/2021", "2021-08-07"],
  ]);
  // month field over 12: the US order
  assert.deepEqual(found("Dated 09/25/2021.", "en", null), [["09/25/2021", "2021-09-25"]]);
});

test("English month names, with and without a year", () => {
  const t = "LONDON, April 2 (Agency) — The ministers met on 14 January 2019 and again on February 20, 2020.";
  assert.deepEqual(found(t, "en", "2021-04-02"), [
    ["April 2", "2021-04-02"], ["14 January 2019", "2019-01-14"], ["February 20, 2020", "2020-02-20"],
  ]);
  // without a reference date a year-less date is skipped
  assert.deepEqual(found("LONDON, April 2 (Agency)", "en", null), []);
  // a count after an abbreviation-like word is not a date
  assert.deepEqual(found("They reached 2 separate deals.", "en", "2021-04-02"), []);
});

test("year-less date takes the latest year not far after the reference", () => {
  has("The talks began on 20 December.", "en", "2022-01-05", "20 December", "2021-12-20");
  has("The talks will open on 10 February.", "en", "2022-01-05", "10 February", "2022-02-10");
});

test("Russian inflected months, year phrases and relative words", () => {
  const t = "Казань, 3 октября. Переговоры прошли в ноябре 2019 года, а соглашение подписано в 2015 году. " +
    "Вчера министр прибыл, а в прошлый вторник провёл встречу; в пятницу он улетит. В прошлом году объём вырос.";
  const ref = "2021-10-03"; // a Sunday
  has(t, "ru", ref, "3 октября", "2021-10-03");
  has(t, "ru", ref, "ноябре 2019 года", "2019-11");
  has(t, "ru", ref, "2015 году", "2015");
  has(t, "ru", ref, "Вчера", "2021-10-02");
  has(t, "ru", ref, "в прошлый вторник", "2021-09-28");
  has(t, "ru", ref, "в пятницу", "2021-10-01");
  has(t, "ru", ref, "В прошлом году", "2020");
  has("Встреча прошла в октябре прошлого года.", "ru", ref, "октябре прошлого года", "2020-10");
});

test("a bare number is not a year", () => {
  assert.deepEqual(found("Экспорт составил 2001 тонну, 1998 человек.", "ru", "2021-10-03"), []);
});

test("Ukrainian, Turkish, French, German, Spanish", () => {
  has("Зустріч відбулася 5 травня 2021 року у Києві.", "uk", null, "5 травня 2021 року", "2021-05-05");
  has("Bakan 12 Mart 2021'de Ankara'da konuştu; geçen cuma ise Bakü'deydi.", "tr", "2021-03-15", "12 Mart 2021", "2021-03-12");
  has("Bakan geçen cuma Bakü'deydi.", "tr", "2021-03-15", "geçen cuma", "2021-03-12");
  has("Anlaşma 2018 yılında imzalandı.", "tr", null, "2018 yılında", "2018");
  has("Le ministre a déclaré mercredi dernier que l'accord du 2 juin 2020 tenait.", "fr", "2021-06-09", "mercredi dernier", "2021-06-02");
  has("Le ministre a déclaré que l'accord du 2 juin 2020 tenait.", "fr", null, "2 juin 2020", "2020-06-02");
  has("Die Gespräche fanden am 4. März 2020 statt, gestern folgte eine Erklärung.", "de", "2021-01-10", "4. März 2020", "2020-03-04");
  has("Die Gespräche fanden am 4. März 2020 statt, gestern folgte eine Erklärung.", "de", "2021-01-10", "gestern", "2021-01-09");
  has("El acuerdo se firmó el 7 de julio de 2019 y el año pasado se amplió.", "es", "2021-02-01", "7 de julio de 2019", "2019-07-07");
  has("El acuerdo se firmó el 7 de julio de 2019 y el año pasado se amplió.", "es", "2021-02-01", "el año pasado", "2020");
  // Spanish weekday words are lower case; "Domingo" is a name
  assert.deepEqual(found("Domingo Pérez habló.", "es", "2021-02-01"), []);
});

test("Tajik, Uzbek, Kazakh and the Dushanbe ambiguity", () => {
  has("Рӯзи 3 феврал дар шаҳри Душанбе вохӯрӣ баргузор шуд.", "tg", "2021-02-05", "3 феврал", "2021-02-03");
  // "Душанбе" is the capital here, not Monday
  assert.ok(!found("Рӯзи 3 феврал дар шаҳри Душанбе вохӯрӣ баргузор шуд.", "tg", "2021-02-05").some(([t]) => t.includes("Душанбе")));
  has("Рӯзи душанбе ҳайат омад.", "tg", "2021-02-05", "Рӯзи душанбе", "2021-02-01");
  has("Toshkent, 14-aprel (Agentlik). Kecha vazir keldi.", "uz", "2021-04-14", "14-aprel", "2021-04-14");
  has("Toshkent, 14-aprel (Agentlik). Kecha vazir keldi.", "uz", "2021-04-14", "Kecha", "2021-04-13");
  has("Shartnoma 2019-yil 5-mart kuni imzolangan.", "uz", null, "2019-yil 5-mart", "2019-03-05");
  has("Келісім 2020 жылғы 12 наурызда жасалды.", "kk", null, "2020 жылғы 12 наурызда", "2020-03-12");
  has("Президент бүгін Астанада.", "kk", "2021-06-01", "бүгін", "2021-06-01");
});

test("Arabic Gregorian, Levantine and lunar Hijri months", () => {
  const t = "الرياض 27 رمضان 1442 هـ الموافق 9 مايو 2021 م. وكان الوزير قد زار دمشق في 3 آذار 2020 وأمس التقى نظيره.";
  has(t, "ar", "2021-05-09", "27 رمضان 1442 هـ", "2021-05-09");
  has(t, "ar", "2021-05-09", "9 مايو 2021 م", "2021-05-09");
  has(t, "ar", "2021-05-09", "3 آذار 2020", "2020-03-03");
  has(t, "ar", "2021-05-09", "وأمس", "2021-05-08");
  has("وصل الوفد يوم الثلاثاء ١١ مايو ٢٠٢١.", "ar", "2021-05-12", "يوم الثلاثاء", "2021-05-11");
  has("وصل الوفد يوم الثلاثاء ١١ مايو ٢٠٢١.", "ar", "2021-05-12", "١١ مايو ٢٠٢١", "2021-05-11");
  has("ارتفع التبادل العام الماضي.", "ar", "2021-05-12", "العام الماضي", "2020");
});

test("Solar Hijri (Jalali) dates", () => {
  has("وزیر روز ۲۵ اردیبهشت ۱۴۰۰ وارد شد.", "fa", null, "۲۵ اردیبهشت ۱۴۰۰", "2021-05-15");
  // year-less: the reference's Jalali year; "سال گذشته" the previous Jalali year
  has("این توافق ۱۰ خرداد امضا شد.", "fa", "2021-06-05", "۱۰ خرداد", "2021-05-31");
  has("این توافق ۱۲ بهمن ماه سال گذشته امضا شد.", "fa", "2021-06-05", "۱۲ بهمن ماه سال گذشته", "2021-01-31");
  // a Jalali month with a year straddles two Gregorian months: no value rather than a guess
  assert.deepEqual(found("در دی ۱۳۹۴ روابط قطع شد.", "fa", null), []);
  // a Jalali year alone never maps to one Gregorian year
  assert.deepEqual(found("در سال ۱۳۹۳ روابط قطع شد.", "fa", null), []);
  has("دیروز وزیر در روز دوشنبه سفر کرد.", "fa", "2021-06-05", "روز دوشنبه", "2021-05-31");
  has("دیروز وزیر در روز دوشنبه سفر کرد.", "fa", "2021-06-05", "دیروز", "2021-06-04");
  has("در سال ۲۰۱۹ میلادی", "fa", null, "در سال ۲۰۱۹", "2019");
});

test("Chinese dates", () => {
  const t = "新华社上海5月8日电 2019年6月15日，双方签署协议。2018年起合作扩大。昨天，外长会见了客人。";
  has(t, "zh", "2021-05-08", "5月8日", "2021-05-08");
  has(t, "zh", "2021-05-08", "2019年6月15日", "2019-06-15");
  has(t, "zh", "2021-05-08", "2018年", "2018");
  has(t, "zh", "2021-05-08", "昨天", "2021-05-07");
});

test("relative forms: today, tomorrow, day before yesterday, weekdays, this year/month", () => {
  const ref = "2021-03-10"; // a Wednesday
  has("Today the envoy arrived.", "en", ref, "Today", "2021-03-10");
  has("He leaves tomorrow.", "en", ref, "tomorrow", "2021-03-11");
  has("Позавчера посол уехал.", "ru", ref, "Позавчера", "2021-03-08");
  has("The talks on Wednesday ended.", "en", ref, "on Wednesday", "2021-03-10");
  has("Talks last Wednesday ended.", "en", ref, "last Wednesday", "2021-03-03");
  has("Exports grew this year.", "en", ref, "this year", "2021");
  has("The ministers met earlier this month.", "en", ref, "earlier this month", "2021-03");
  has("Relations resumed last year in October.", "en", ref, "last year in October", "2020-10");
  // no reference date: relative expressions are skipped
  assert.deepEqual(found("Today the envoy arrived, on Monday.", "en", null), []);
});

test("range restricts matching but keeps document offsets", () => {
  const t = "Header 01.01.2020. Body: on 05.05.2021 they met.";
  const start = t.indexOf("Body");
  const ds = findDates(t, "en", null, { start, end: t.length });
  assert.equal(ds.length, 1);
  assert.equal(t.slice(ds[0].start, ds[0].end), "05.05.2021");
});

test("overlaps resolve to the longest match", () => {
  const ds = findDates("в сентябре 2022 года", "ru", null);
  assert.equal(ds.length, 1);
  assert.equal(ds[0].value, "2022-09");
});

test("digit runs of the wrong length and prefixes without a weekday start no date", () => {
  const dates = (text: string) => findDates(text, "en", "2024-06-30").map((d) => [text.slice(d.start, d.end), d.value]);
  // A three-digit or five-digit number is neither a day nor a year.
  assert.deepEqual(dates("Route 123 March fund, code 20245 May"), []);
  assert.deepEqual(dates("It ended on 12 March 2024 and on 2024-05-06."), [["12 March 2024", "2024-03-12"], ["2024-05-06", "2024-05-06"]]);
  // "the" before a weekday is part of the date; "the" before anything else is not.
  assert.deepEqual(dates("They met on the Monday after, the meeting was calm."), [["the Monday", "2024-06-24"]]);
  assert.deepEqual(dates("It has held since 2019, in 2020 too."), [["since 2019", "2019"], ["in 2020", "2020"]]);
});

test("a text that opens with U+FEFF keeps its offsets, however long", () => {
  const text = "\ufeff" + "x ".repeat(200) + "on 12 March 2024 the ministers met";
  const hits = findDates(text, "en", "2024-03-20");
  const hit = hits.find((h) => h.value === "2024-03-12");
  assert.ok(hit, JSON.stringify(hits));
  assert.match(text.slice(hit.start, hit.end), /12 March 2024/);
  assert.doesNotThrow(() => findDates("\ufeff \u2c00 " + "中".repeat(400), "zh", "2024-01-01"));
});

test("a given name that is a weekday in a language not read (Turkmen 'Anna', Friday) is no date", () => {
  for (const t of ["Kofi Annan said the talks went well.", "Anna Kovalenko arrived."]) assert.deepEqual(findDates(t, "en", "2012-03-10", { start: 0, end: t.length }), [], t);
  assert.equal(findDates("on Friday", "en", "2012-03-10", { start: 0, end: 9 })[0]?.value, "2012-03-09");
});

test("a Chinese day alone is the latest such day not after the reference date", () => {
  const at = (t: string) => findDates(t, "zh", "2025-07-13", { start: 0, end: t.length }).map((x) => x.value);
  assert.deepEqual(at("两国外长11日在吉隆坡会晤"), ["2025-07-11"]);
  assert.deepEqual(at("外长25日晚抵达"), ["2025-06-25"]);
  // A span and a full date are not read as a day of this month.
  assert.deepEqual(at("为期3日的访问"), []);
  assert.deepEqual(at("2024年3月5日"), ["2024-03-05"]);
});

test("a range is read alone: the scans after the candidate scan stop at its end", () => {
  const t = "روز هشتم خرداد امسال دیدار شد. گفتگو در بیست و یکم فروردین ۱۴۰۲ ادامه یافت و در ماه مه پایان گرفت.";
  const at = t.indexOf("گفتگو");
  const inFirst = findDates(t, "fa", "2023-06-10", { start: 0, end: at }).map((d) => t.slice(d.start, d.end));
  assert.deepEqual(inFirst, ["هشتم خرداد امسال"]);
  const inSecond = findDates(t, "fa", "2023-06-10", { start: at, end: t.length }).map((d) => t.slice(d.start, d.end));
  assert.ok(inSecond.includes("بیست و یکم فروردین ۱۴۰۲"), JSON.stringify(inSecond));
  assert.ok(!inSecond.includes("هشتم خرداد امسال"));
});

test("a range that starts inside a surrogate pair reads the pair as a search does", () => {
  // The emoji's second unit starts the range: a search steps back to the emoji, a non-letter
  // before the Persian ordinal, so the ordinal date still counts.
  const t = "x\u{1F600}هشتم خرداد امسال";
  const ds = findDates(t, "fa", "2023-05-10", { start: 2, end: t.length });
  assert.deepEqual(ds.map((d) => [t.slice(d.start, d.end), d.value]), [["هشتم خرداد امسال", "2023-05-29"]]);
});

test("lone months after 'in', 'early', 'mid-' and their kin, in several languages", () => {
  const ref = "2023-06-10";
  assert.deepEqual(found("They met in March and again in early May; talks resume mid-September.", "en", ref), [
    ["March", "2023-03"], ["May", "2023-05"], ["September", "2022-09"],
  ]);
  assert.deepEqual(found("Переговоры прошли в марте, а встреча — в начале   мая.", "ru", ref), [["марте", "2023-03"], ["мая", "2023-05"]]);
  // "may" in lower case is a verb; "next" makes the month the coming one
  assert.deepEqual(found("Prices in may rise; the summit is in April next.", "en", ref), [["April", "2024-04"]]);
});

test("the fast fold equals the unit-by-unit fold, over every BMP unit", () => {
  // Every unit but surrogates, in a text of its own (the fast path) and beside Arabic (the table).
  let all = "";
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
  const plain = all.replace(/[\u0600-\u06ff\u03a3]/g, "");
  assert.equal(foldForDates(plain), foldByTable(plain));
  assert.equal(foldForDates(plain).length, plain.length);
  // Capital sigma at a word's end: the unit fold (σ), not the final form toLowerCase gives.
  assert.equal(foldForDates("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
  assert.equal(foldForDates("Kİ ’Ё’ \u{10400}"), "ki 'е' \u{10400}");
  assert.equal(foldForDates("أيلول ١٥ كانون"), "ایلول 15 کانون");
});

test("the table fold of long texts, with and without surrogates, one after another, equals the fold unit by unit", () => {
  // (The table fold reuses its buffer: a shorter text after a longer one must not keep its tail.)
  const unitByUnit = (s: string) => Array.from({ length: s.length }, (_, i) => foldByTable(s[i])).join("");
  const arabic = "استقبل الوزير نظيره في ١٥ أيلول، وقال إنّ المحادثات كانت مثمرة. ";
  const texts = [
    arabic.repeat(40),
    arabic.repeat(3) + "\u{1F600} Σ İ \ud800 " + arabic.repeat(10),
    arabic.repeat(5),
    "plain ascii text without anything to fold ".repeat(10),
    arabic.repeat(200),
    "ك".repeat(300),
  ];
  for (const t of texts) {
    const folded = foldByTable(t);
    assert.equal(folded.length, t.length);
    assert.equal(folded, unitByUnit(t));
  }
});
