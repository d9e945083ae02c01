import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, foldStretch, normalize, normalizeTransient, tokenize } from "./normalize.js";

test("Arabic letter variants, harakat and tatweel fold together", () => {
  assert.equal(fold("إيرانُ"), fold("ايران"));
  assert.equal(fold("مـدرسة"), fold("مدرسه"));
  assert.equal(fold("مصطفى"), fold("مصطفي"));
  assert.equal(fold("أمس"), "امس");
});

test("Persian yeh/kaf and ZWNJ fold onto one form", () => {
  assert.equal(fold("ایران"), fold("ايران"));
  assert.equal(fold("کشور"), fold("كشور"));
  assert.equal(fold("می\u200cکند"), fold("میکند"));
});

test("Tajik and Kazakh letters fold onto Russian look-alikes, ё onto е", () => {
  assert.equal(fold("Раҳмон"), fold("Рахмон"));
  assert.equal(fold("Тоҷикистон"), "точикистон");
  assert.equal(fold("Қазақстан"), "казакстан");
  assert.equal(fold("Королёв"), "королев");
});

test("Latin diacritics, Turkish dotted I and Uzbek apostrophes", () => {
  assert.equal(fold("Erdoğan"), "erdogan");
  assert.equal(fold("İstanbul"), "istanbul");
  assert.equal(fold("Oʻzbekiston"), "ozbekiston");
  assert.equal(fold("O'zbekiston"), "ozbekiston");
});

test("Eastern Arabic and Persian digits become ASCII", () => {
  assert.equal(fold("١٥ مليار"), "15 مليار");
  assert.equal(fold("۱۴۰۲"), "1402");
});

test("offsets map every normalised character back to the original", () => {
  const text = "Раҳмон وَزِيرُ Oʻzbekiston";
  const nt = normalize(text);
  const tokens = tokenize(text, nt);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), ["Раҳмон", "وَزِيرُ", "Oʻzbekiston"]);
  assert.deepEqual(tokens.map((t) => t.capitalized), [true, false, true]);
});

test("short and long texts fold the same way, lone surrogates included", () => {
  const piece = "Ёлка \ud800 İstanbul Straße 𝐀 ";
  const long = piece.repeat(40);
  assert.equal(normalize(long).norm, normalize(piece).norm.repeat(40));
  assert.equal(normalize(piece).norm.includes("\ufffd"), true);
  assert.equal(fold("Straße"), "strasse");
  assert.equal(fold("USA"), "usa");
  assert.equal(fold("usa"), "usa");
});

test("tokens: letters and digits of every plane, capitals and acronyms", () => {
  const text = "NATO and Nato met 𝐀𝐁 at 10:30, l'ONU";
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.norm), ["nato", "and", "nato", "met", "𝐀𝐁", "at", "10", "30", "l", "onu"]);
  assert.deepEqual(tokens.filter((t) => t.upper).map((t) => text.slice(t.start, t.end)), ["NATO", "ONU"]);
  assert.deepEqual(tokens.filter((t) => t.capitalized).map((t) => text.slice(t.start, t.end)), ["NATO", "Nato", "ONU"]);
  const offset = tokenize("ab cd", normalize("ab cd"), 100);
  assert.deepEqual(offset.map((t) => [t.start, t.end]), [[100, 102], [103, 105]]);
});

test("tokens record the punctuation before them and an English possessive", () => {
  const text = "Talks, (brief) ended; the UK’s envoy and U.S. ones";
  const toks = tokenize(text);
  assert.deepEqual(toks.map((t) => t.pause), [0, 1, 1, 2, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(toks.filter((t) => t.possessive).map((t) => t.norm), ["uks"]);
  assert.equal(toks.find((t) => t.norm === "uks")?.upper, true);
});

test("normalizeTransient folds as normalize does, its offset map a view read before the next fold", () => {
  for (const s of ["Foreign Minister Lavrov's visit", "Сергей Лавров прибыл в Душанбе", "وزير الخارجية الإيراني", "Straße – ß", "聯(lián)合國"]) {
    const a = normalize(s);
    const b = normalizeTransient(s);
    assert.equal(b.norm, a.norm, s);
    assert.deepEqual([...b.origin], [...a.origin], s);
  }
});

test("foldStretch folds as fold does", () => {
  for (const s of ["", "The 75th Anniversary", "к 30-летию установления", "بمناسبة الذكرى", "Rusya'nın yıldönümü", "İstanbul"]) assert.equal(foldStretch(s), fold(s), s);
});

test("long texts fold unit for unit: a leading byte-order mark stays, a lone surrogate reads as U+FFFD", () => {
  const body = "Министр встретился с послом. ".repeat(20);
  const withBom = normalize("\ufeff" + body);
  assert.equal(withBom.norm[0], "\ufeff");
  assert.equal(withBom.norm.length, body.length + 1);
  assert.equal(withBom.norm.slice(1), body.toLowerCase().replace(/ё/g, "е").replace(/й/g, "и"));
  const lone = normalize(body + "\ud800" + body);
  assert.equal(lone.norm.length, body.length * 2 + 1);
  assert.equal(lone.norm[body.length], "\ufffd");
});

test("a long fold is read out the same way as its short words' folds (one-byte, two-byte and surrogate texts)", () => {
  const texts = [
    "The Minister of Foreign Affairs held talks in Geneva with his counterpart on Monday morning",
    "Déclaration commune à Genève: coopération économique élargie entre les deux États voisins",
    "Die Außenminister trafen sich in Straße und Größe wurden besprochen und beschlossen heute",
    "Министр иностранных дел Таджикистана провёл встречу с послом Ирана в Душанбе сегодня",
    "وزير الخارجية أجرى محادثات مع نظيره الإيراني في طهران حول التعاون الاقتصادي والأمني",
    "外交部长 王毅 在北京 会见了 來訪的 越南 國家主席 双方 讨论了 双边关系 和 地区局势 以及 經濟合作 与 安全 问题 的 进展 情况",
    "Astral letters 𝐁𝐨𝐥𝐝 and 𠀋 and an emoji 😀 among plain words in one long sentence here",
    "A lone \ud800 high and a lone \udc00 low surrogate inside an otherwise plain long sentence",
  ];
  for (const t of texts) {
    assert.ok(t.length > 48, t);
    assert.equal(fold(t), t.split(" ").map((w) => fold(w)).join(" "), t);
    assert.equal(normalize(t).norm, fold(t), t);
  }
  // Lone surrogates come out as U+FFFD, in short texts and long ones.
  const lone = texts[texts.length - 1];
  assert.equal(fold(lone), fold(lone.replace(/[\ud800\udc00]/g, "\ufffd")));
  assert.equal(fold("a \ud800 b"), "a \ufffd b");
});

test("tokens are plain records: the same own fields, in the same order, as the object literal they were", () => {
  const tokens = tokenize("The UK's envoy, Mr. Brown: talks");
  for (const t of tokens) assert.deepEqual(Object.keys(t), ["upper", "norm", "start", "end", "capitalized", "pause", "possessive"]);
  assert.deepEqual(JSON.parse(JSON.stringify(tokens[1])), { upper: true, norm: "uks", start: 4, end: 8, capitalized: true, pause: 0, possessive: true });
  assert.deepEqual({ ...tokens[3] }, { upper: false, norm: "mr", start: 16, end: 18, capitalized: true, pause: 1, possessive: false });
});
