import { test } from "node:test";
import assert from "node:assert/strict";
import { findFigures, parseChineseNumber, type FigureMatch } from "./index.js";
import type { Lang } from "../types.js";

/** Figures of a whole sentence, as compact records with the surface they cover. */
function figs(text: string, lang: Lang, refYear: number | null = 2024) {
  return findFigures(text, { start: 0, end: text.length }, lang, refYear).map((f: FigureMatch) => ({
    value: f.value, unit: f.unit, year: f.year, what: f.what, surface: text.slice(f.start, f.end),
  }));
}

function one(text: string, lang: Lang, refYear: number | null = 2024) {
  const all = figs(text, lang, refYear);
  assert.equal(all.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(all)}`);
  return all[0];
}

test("en: money with symbol, scale word, explicit year and what", () => {
  const f = one("Trade between the two countries reached $2.5 billion in 2022.", "en");
  assert.equal(f.value, 2_500_000_000);
  assert.equal(f.unit, "USD");
  assert.equal(f.year, 2022);
  assert.equal(f.what, "trade turnover");
  assert.equal(f.surface, "$2.5 billion");
});

test("en: counted documents and a target with 'by 2030'", () => {
  const all = figs("The sides signed 12 agreements and agreed to raise trade to USD 5 bn by 2030.", "en");
  assert.equal(all.length, 2);
  assert.deepEqual([all[0].value, all[0].unit, all[0].what], [12, "count", "agreements"]);
  assert.deepEqual([all[1].value, all[1].unit, all[1].year], [5_000_000_000, "USD", 2030]);
  assert.equal(all[1].what, "trade turnover target");
});

test("en: tonnes and doses with what they are of; grouped thousands", () => {
  const all = figs("India shipped 40,000 tonnes of wheat and 200,000 doses of vaccine to the country.", "en");
  assert.deepEqual(all.map((f) => [f.value, f.unit, f.what]), [[40000, "tonnes", "wheat"], [200000, "doses", "vaccine"]]);
});

test("en: number words, 'a billion', persons", () => {
  assert.deepEqual(figs("Nine people were injured and two soldiers were killed.", "en").map((f) => [f.value, f.unit]), [[9, "persons"], [2, "persons"]]);
  const f = one("Tokyo pledged a billion dollars in loans.", "en");
  assert.equal(f.value, 1e9);
  assert.equal(f.unit, "USD");
});

test("en: relative years resolve against the reference year; comparison years are skipped", () => {
  const f = one("Exports to the bloc grew to $3 million last year.", "en", 2024);
  assert.equal(f.year, 2023);
  assert.equal(f.what, "exports");
  const g = one("Exports rose to $40 million, compared with the same period last year.", "en", 2024);
  assert.equal(g.year, 2024, "a comparison year is not the figure's year; the reporting year is");
});

test("en: running totals and targets get no default year", () => {
  assert.equal(one("The countries have already signed more than 150 documents.", "en").year, null);
  assert.equal(one("The goal is to bring trade to $10 billion.", "en").year, null);
});

test("en: dates, times, years, percentages, ordinals and article numbers are not figures", () => {
  assert.deepEqual(figs("On 14 March 2023 at 10:30 the 14th package cut growth by 5% under Article 5 of the 2019 treaty.", "en"), []);
  assert.deepEqual(figs("The talks lasted 3 hours and the two leaders met for the 22nd time in 30 years.", "en"), []);
  assert.deepEqual(figs("Call +7 495 123 45 67 or visit on 07/02/2023.", "en"), []);
});

test("offsets index the whole text and the range is respected", () => {
  const text = "Headline 99 agreements. Body: the sides signed 7 agreements.";
  const start = text.indexOf("Body");
  const found = findFigures(text, { start, end: text.length }, "en", 2024);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), "7 agreements");
});

test("ru: decimal comma with scale, currency word, year; space-grouped thousands", () => {
  const f = one("В 2023 году объем торговли достиг 12,4 млрд долларов США.", "ru");
  assert.deepEqual([f.value, f.unit, f.year, f.what], [12_400_000_000, "USD", 2023, "trade turnover"]);
  assert.deepEqual(figs("Стороны подписали 8 документов.", "ru").map((x) => [x.value, x.unit]), [[8, "count"]]);
  const t = one("В страну доставили 1,5 тыс. тонн муки.", "ru");
  assert.deepEqual([t.value, t.unit, t.what], [1500, "tonnes", "муки"]);
  assert.equal(one("На границу прибыли 2\u00a0500 человек.", "ru").value, 2500);
  assert.equal(one("Лондон выделит 2 млрд фунтов стерлингов.", "ru").unit, "GBP");
  assert.deepEqual(figs("Договорились о встрече 15 декабря, 14-й раунд пройдет в 10:00.", "ru"), []);
});

test("ar: Eastern Arabic digits, decimal separator, number words, dual scale, tonnes", () => {
  const f = one("بلغ حجم التبادل التجاري ٣٫٥ مليار دولار في عام ٢٠٢٢.", "ar");
  assert.deepEqual([f.value, f.unit, f.year, f.what], [3_500_000_000, "USD", 2022, "trade turnover"]);
  assert.equal(one("قدمت الحكومة ثلاثة ملايين دولار للمتضررين.", "ar").value, 3_000_000);
  assert.equal(one("خصصت الدولة ملياري دولار للمشروع.", "ar").value, 2_000_000_000);
  const t = one("وصلت شحنة من 50 ألف طن من القمح.", "ar");
  assert.deepEqual([t.value, t.unit, t.what], [50000, "tonnes", "القمح"]);
  assert.equal(one("قدمت الإمارات 20 مليون درهم.", "ar").unit, "AED");
});

test("fa: Persian digits, slash decimal, tonnes vs persons for تن, rial", () => {
  const f = one("صادرات ایران به ۱/۲ میلیارد دلار رسید.", "fa");
  assert.deepEqual([f.value, f.unit, f.what], [1_200_000_000, "USD", "exports"]);
  assert.deepEqual(figs("۵۰۰ هزار تن گندم صادر شد.", "fa").map((x) => [x.value, x.unit]), [[500000, "tonnes"]]);
  assert.equal(one("۱۵ تن از شهروندان آزاد شدند.", "fa").unit, "persons");
  assert.equal(one("قیمت آن ۵۰۰ میلیون ریال است.", "fa").unit, "IRR");
  assert.deepEqual(figs("این نشست در ۳۰ دی ۱۳۹۳ برگزار شد.", "fa"), []);
});

test("tg, uz, kk: Cyrillic and Latin Central Asian phrasing", () => {
  const tg = one("Ҳаҷми гардиши мол дар соли 2023 ба 1,2 миллиард доллар расид.", "tg");
  assert.deepEqual([tg.value, tg.unit, tg.year], [1_200_000_000, "USD", 2023]);
  assert.deepEqual(figs("Тарафҳо 14 санади ҳамкорӣ имзо карданд.", "tg").map((x) => [x.value, x.unit]), [[14, "count"]]);
  const uz = one("Joriy yilda savdo hajmi 2,3 milliard dollarga yetdi.", "uz", 2024);
  assert.deepEqual([uz.value, uz.unit, uz.year, uz.what], [2_300_000_000, "USD", 2024, "trade turnover"]);
  assert.deepEqual(figs("Tashrif davomida 15 ta hujjat imzolandi.", "uz").map((x) => [x.value, x.unit]), [[15, "count"]]);
  assert.equal(one("Ikki davlat o'rtasida 300 milliard so'm miqdorida kelishuv bor.", "uz").unit, "UZS");
  assert.deepEqual(figs("Тараптар 11 құжатқа қол қойды.", "kk").map((x) => [x.value, x.unit]), [[11, "count"]]);
  assert.equal(one("Сауда көлемі 3,1 миллиард долларға жетті.", "kk").value, 3_100_000_000);
  assert.equal(one("Кеденде 40 мың тонна жүк тіркелді.", "kk").value, 40000);
});

test("tr: inflected currency, composite numbers, relative years", () => {
  const f = one("İki ülke arasındaki ticaret hacmi geçen yıl 8,5 milyar dolara ulaştı.", "tr", 2024);
  assert.deepEqual([f.value, f.unit, f.year], [8_500_000_000, "USD", 2023]);
  const t = one("Türkiye bu yıl 3 milyon 400 bin Alman turist ağırladı.", "tr", 2024);
  assert.deepEqual([t.value, t.unit, t.year], [3_400_000, "persons", 2024]);
  assert.equal(one("Proje için 250 milyon TL ayrıldı.", "tr").unit, "TRY");
  const n = one("Ziyaretçi sayısı 2,1 milyona ulaştı.", "tr");
  assert.deepEqual([n.value, n.unit], [2_100_000, "persons"]);
});

test("fr, de, es: elision, grouping dots, 'mil millones'", () => {
  const fr = one("Les échanges ont atteint 4,2 milliards d'euros en 2021.", "fr");
  assert.deepEqual([fr.value, fr.unit, fr.year], [4_200_000_000, "EUR", 2021]);
  assert.deepEqual(figs("Quelque 2 000 soldats seront retirés.", "fr").map((x) => [x.value, x.unit]), [[2000, "persons"]]);
  const de = one("Der Handel erreichte 2022 rund 1,8 Mrd. Euro.", "de");
  assert.deepEqual([de.value, de.unit, de.year], [1_800_000_000, "EUR", 2022]);
  assert.equal(one("Insgesamt 3.500 Soldaten sind stationiert.", "de").value, 3500);
  assert.equal(one("Das Paket umfasst 50 Mio. €.", "de").unit, "EUR");
  const es = one("El comercio bilateral alcanzó 5 mil millones de dólares.", "es");
  assert.deepEqual([es.value, es.unit], [5_000_000_000, "USD"]);
  assert.equal(one("Se firmaron 9 acuerdos.", "es").unit, "count");
});

test("zh: 亿/万 scales, classifiers with counted nouns, no figure for 两人", () => {
  const f = one("2023年双边贸易额达到2400亿美元。", "zh");
  assert.deepEqual([f.value, f.unit, f.year], [240_000_000_000, "USD", 2023]);
  const c = one("双方签署了12项合作文件。", "zh");
  assert.deepEqual([c.value, c.unit], [12, "count"]);
  assert.deepEqual(figs("两人举行了会谈，时间持续三个半小时。", "zh"), []);
  assert.equal(one("中方提供了1.5万吨粮食。", "zh").value, 15000);
});

test("parseChineseNumber", () => {
  assert.equal(parseChineseNumber("三千五百"), 3500);
  assert.equal(parseChineseNumber("1.5万"), 15000);
  assert.equal(parseChineseNumber("两千亿"), 200_000_000_000);
  assert.equal(parseChineseNumber("十二"), 12);
  assert.equal(parseChineseNumber("年"), null);
});

test("model names and code-like numbers are not counts", () => {
  assert.deepEqual(figs("Russia delivered Su-35 aircraft and S-400 systems; COVID-19 vaccines and G20 leaders were discussed.", "en"), []);
  assert.deepEqual(figs("", "en"), []);
  assert.deepEqual(findFigures("short", { start: 3, end: 100 }, "en", null), []);
});

test("what after a sum of money; gas volumes in cubic metres", () => {
  assert.equal(one("The EU allocated €50 million in humanitarian aid.", "en").what, "aid");
  assert.equal(one("2023 yılında 10 milyar dolarlık yatırım yapıldı.", "tr").what, "investment");
  const gas = one("Russland liefert 20 Milliarden Kubikmeter Gas.", "de");
  assert.deepEqual([gas.value, gas.unit], [20_000_000_000, "m3"]);
  assert.equal(one("Поставки составят 5 млрд кубометров газа.", "ru").unit, "m3");
});

test("number words are read in the sentence's language, whichever language came before", () => {
  const text = "They signed twelve documents and five agreements.";
  const values = (lang: Lang) => findFigures(text, { start: 0, end: text.length }, lang, null).map((f) => f.value);
  assert.deepEqual(values("en"), [12, 5]);
  assert.deepEqual(values("fr"), []);
  assert.deepEqual(values("en"), [12, 5]);
});
