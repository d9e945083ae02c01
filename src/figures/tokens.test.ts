// The tokenizer reads digit runs (ASCII, Arabic-Indic, Persian, and mixed) into Western digits,
// and remembers words by their units in the text: a word met again, in this sentence or another,
// is the same word. mayHoldFigure answers in one pass over digits, Han and the words' walks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findFigures, findFiguresUnfiltered, mayHoldFigure, mayHoldUnit, normalizedSlice } from "./index.js";
import { normalize, normalizeTransient } from "../text/normalize.js";
import type { Lang } from "../types.js";

function figures(text: string, lang: Lang): Array<[string, number, string, string | null]> {
  return findFigures(text, { start: 0, end: text.length }, lang, 2024).map((f) => [text.slice(f.start, f.end), f.value, f.unit, f.what]);
}

test("digit runs in every script, and mixed, read as Western digits", () => {
  assert.deepEqual(figures("They shipped 1٢3 tonnes of wheat and 4,500 tonnes of rice.", "en"), [
    ["1٢3 tonnes", 123, "tonnes", "wheat"],
    ["4,500 tonnes", 4500, "tonnes", "rice"],
  ]);
  assert.deepEqual(figures("ایران ۱۲ میلیارد دلار سرمایه‌گذاری کرد", "fa"), [["۱۲ میلیارد دلار", 12e9, "USD", "investment"]]);
  assert.deepEqual(figures("Товарооборот достиг 146,9 млрд долларов, а поставки — 52 тонны.", "ru"), [
    ["146,9 млрд долларов", 146.9e9, "USD", "trade turnover"],
    ["52 тонны", 52, "tonnes", null],
  ]);
  assert.deepEqual(figures("Il a promis 3 milliards d'euros d'aide et l'envoi de 1 500 soldats.", "fr"), [
    ["3 milliards d'euros", 3e9, "EUR", "aid"],
    ["1 500 soldats", 1500, "persons", "soldats"],
  ]);
});

test("a word met again is the same word, in one sentence and the next", () => {
  const t = "The two sides signed 16 documents and pledged $5 billion, then $5 billion more.";
  const first = figures(t, "en");
  assert.deepEqual(first, [
    ["16 documents", 16, "count", "documents"],
    ["$5 billion", 5e9, "USD", null],
    ["$5 billion", 5e9, "USD", null],
  ]);
  assert.deepEqual(figures(t, "en"), first);
  // The same letters in another case or with a letter more are other words (what a measure is
  // of is the word as written).
  assert.deepEqual(figures("They sent 5 tonnes of Wheat, 6 tonnes of wheat and 7 tonnes of wheats.", "en"), [
    ["5 tonnes", 5, "tonnes", "Wheat"],
    ["6 tonnes", 6, "tonnes", "wheat"],
    ["7 tonnes", 7, "tonnes", "wheats"],
  ]);
});

test("mayHoldFigure: a digit or a Chinese number anywhere, or a word that can open a quantity", () => {
  const yes = (t: string, lang: Lang) => mayHoldFigure(t, 0, t.length, lang);
  assert.equal(yes("No numbers here at all, only words about talks.", "en"), false);
  assert.equal(yes("Ninety delegates", "en"), true);
  assert.equal(yes("Words first, and a digit at the very end 7", "en"), true);
  // Han text: only with a number (Chinese numerals, full-width digits, a point) before its units.
  assert.equal(yes("会谈", "zh"), false);
  assert.equal(yes("会谈三次", "zh"), true);
  assert.equal(yes("增长５", "zh"), true);
  assert.equal(yes("Talks in 北京 went well", "en"), false);
  // Only the range is read.
  const t = "Talks went on. 16 documents";
  assert.equal(mayHoldFigure(t, 0, 14, "en"), false);
  assert.equal(mayHoldFigure(t, 0, t.length, "en"), true);
  assert.deepEqual(figures("Twenty-five delegations attended, and one million people watched.", "en"), [
    ["Twenty-five delegations", 25, "count", "delegations"],
    ["one million people", 1e6, "persons", "people"],
  ]);
});

test("a part of a sentence without context-dependent units normalises as that part of the sentence's form", () => {
  const sentences = [
    "Russia pledged €50 million in humanitarian aid — 146,9 млрд долларов, İstanbulda değil.",
    "Straße, ÆØ, Ёлка: товарооборот достиг 52 тонны; وافقت الحكومة على ۱۲ میلیارد دلار",
    "وجّه صاحب السمو بتقديم 100 مليون دولار لإغاثة، ایران ۱۲ میلیارد دلار سرمایه‌گذاری کرد",
    "習近平指出，中美作為世界前兩大經濟體 1000亿美元",
    "Ударение and soft\u00adhyphen, tatweel عـــربي, ZWNJ سرمایه\u200cگذاری",
  ];
  let checked = 0;
  for (const s of sentences) {
    const whole = normalize(s);
    for (let a = 0; a <= s.length; a++) {
      for (let b = a; b <= s.length; b++) {
        const part = s.slice(a, b);
        // Where a part holds an apostrophe, a stress accent or "(", the caller folds the part itself.
        if (/['`\u2019\u2018\u02bb\u02bc\u00b4\u0301(\ud800-\udfff]/.test(s)) continue;
        assert.equal(normalizedSlice(whole, a, b), normalizeTransient(part).norm, `${JSON.stringify(part)} of ${JSON.stringify(s)}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 10000);
  assert.equal(normalizedSlice(normalize("abc"), 2, 1), "");
});

test("money cues read in a clause whose sentence holds apostrophes are the same as elsewhere", () => {
  assert.deepEqual(figures("Russia's government pledged $50 million in humanitarian aid.", "en"), [["$50 million", 50e6, "USD", "aid"]]);
  assert.deepEqual(figures("The government pledged $50 million in humanitarian aid.", "en"), [["$50 million", 50e6, "USD", "aid"]]);
});

test("Chinese figures are found whatever number they are written with, and Han text without a number holds none", () => {
  const zh = (t: string) => findFigures(t, { start: 0, end: t.length }, "zh", 2024).map((f) => [t.slice(f.start, f.end), f.value, f.unit]);
  assert.deepEqual(zh("中方向叙利亚提供了五千万美元人道主义援助。"), [["五千万美元", 5e7, "USD"]]);
  assert.deepEqual(zh("双方签署了１２项合作协议。"), [["１２项合作协议", 12, "count"]]);
  assert.deepEqual(zh("援助物资共计3000吨。"), [["3000吨", 3000, "tonnes"]]);
  assert.deepEqual(zh("贸易额达到1.5万亿美元。"), [["1.5万亿美元", 1.5e12, "USD"]]);
  assert.deepEqual(zh("两国元首举行了视频会晤，就双边关系交换了意见。"), []);
  assert.deepEqual(zh("习近平同拜登举行视频会晤。"), []);
});

test("mayHoldUnit: a figure needs a currency symbol or code, a unit word or a Chinese unit after a number; a sentence without one is skipped", () => {
  const unit = (t: string) => mayHoldUnit(t, 0, t.length);
  assert.equal(unit("The talks lasted 3 hours and ended at 5 o'clock on 12 May 2024."), false);
  assert.equal(unit("Forty years after the 1991 accord"), true); // accord* counts agreements
  assert.equal(unit("They raised $5"), true);
  assert.equal(unit("Sales reached 5 bn USD"), true);
  assert.equal(unit("He told us 5 times"), false); // "us" is never read as a currency code
  assert.equal(unit("3 milliards d'euros"), true);
  assert.equal(unit("قدمت السعودية 5 ملايين بالدولار"), true); // a proclitic before the unit
  assert.equal(unit("۱۰ تن از"), true);
  assert.equal(unit("会谈三次"), false); // 次 is no unit of chineseFigures
  assert.equal(unit("中德建交40年来"), false); // Han alone is no unit
  assert.equal(unit("援助物资共计3000吨"), true);
  assert.equal(unit("五千万美元"), true);
  assert.equal(unit("1.5万亿美元"), true);
  assert.equal(unit("三百多人"), true);
  assert.equal(unit("美元"), false); // a unit with no number before it
  assert.equal(unit("中国和EU达成5 billion euros"), true); // words after Han are walked
  // Only the range is read.
  const t = "Talks lasted 3 hours. 16 documents";
  assert.equal(mayHoldUnit(t, 0, 21), false);
  assert.equal(mayHoldUnit(t, 21, t.length), true);
});

test("the prefilters change nothing: every part of these sentences yields the same figures with and without them", () => {
  const sentences: Array<[string, Lang]> = [
    ["In 2023 they shipped 1٢3 tonnes of wheat, and $5 million in aid went to 300 refugees.", "en"],
    ["Il a promis 3 milliards d'euros d'aide et l'envoi de 1 500 soldats en 2024.", "fr"],
    ["Товарооборот в 2023 году достиг 146,9 млрд долларов, поставки — 52 тонны.", "ru"],
    ["قدمت السعودية ملياري دولار و500 مليون لإغاثة ۱۰ تن از الأطفال", "fa"],
    ["Twenty-five delegations attended, and one million people watched; USD 65 bn was pledged.", "en"],
    ["2023 yilda savdo 5 milyon 230 bin dollarga yetdi va 16 ta hujjat imzolandi.", "uz"],
    ["中方提供了五千万美元援助，12日签署１２项协议，三百多人出席，贸易额1.5万亿美元。", "zh"],
    ["中国和EU达成5 billion euros协议，两国元首12日会谈三次。", "zh"],
    // Words before the first place a quantity may start: a "one" before a scale, a "number of" phrase.
    ["The number of visitors reached 2 million; a billion dollars and an extra 3 tonnes were sent.", "en"],
    ["Rus ziyaretçi sayısı 3,5 milyona ulaştı, bir milyar dolar yatırım yapıldı.", "tr"],
  ];
  let checked = 0;
  for (const [s, lang] of sentences) {
    for (let a = 0; a < s.length; a += 3) {
      for (let b = a + 1; b <= s.length; b += 2) {
        const range = { start: a, end: b };
        assert.deepEqual(findFigures(s, range, lang, 2024), findFiguresUnfiltered(s, range, lang, 2024), `${JSON.stringify(s.slice(a, b))}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});

test("a cue of several words is read only where every pair of units in it occurs, and then as before", () => {
  // "intercambio comercial" and "trade turnover" (money cues), "so far" (a running total), "same period" (a comparison).
  assert.deepEqual(figures("El intercambio comercial alcanzó 5 mil millones de dólares.", "es").map((f) => f[3]), ["trade turnover"]);
  assert.deepEqual(figures("Trade turnover reached $5 billion, up from the same period of 2023.", "en"), [["$5 billion", 5e9, "USD", "trade turnover"]]);
  // The first pair of a cue ("tr", "in") alone lets nothing through: "transit" and "intern" are no cue.
  assert.deepEqual(figures("Transit via the intern port reached $5 billion in May.", "en"), [["$5 billion", 5e9, "USD", null]]);
  const years = (t: string) => findFigures(t, { start: 0, end: t.length }, "en", 2024).map((f) => f.year);
  assert.deepEqual(years("They have sent 500 tonnes of wheat so far."), [null]);
  assert.deepEqual(years("They have sent 500 tonnes of wheat to the port."), [2024]);
});
