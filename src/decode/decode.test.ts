import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { decode, plausibility } from "./index.js";
import { InputError } from "../types.js";

const raw = (bytes: Uint8Array | Buffer, declaredCharset?: string) => ({
  name: "doc", origin: "test/doc.txt", bytes: new Uint8Array(bytes), declaredCharset,
});

// Sentences written for these tests.
const RU_SHORT = "Министр иностранных дел провёл переговоры с коллегой.";
const RU_LONG =
  "Министр иностранных дел провёл переговоры с коллегой из соседней страны. Стороны обсудили " +
  "торговлю, транспорт и безопасность на общей границе, а также подписали меморандум о сотрудничестве.\r\n" +
  "Встреча прошла в Москве 16.09.2022 в дружественной атмосфере.";
const AR =
  "استقبل وزير الخارجية اليوم سفير الدولة الشقيقة، وبحث معه سبل تعزيز التعاون الثنائي في مجالات التجارة والطاقة.";
const FA =
  "وزیر امور خارجه امروز با سفیر کشور همسایه دیدار و گفتگو کرد و دو طرف درباره گسترش همکاری‌های اقتصادی رایزنی کردند.";
const FR = "Le ministre des Affaires étrangères a reçu l'ambassadeur à Paris pour évoquer la coopération économique et énergétique.";
const DE = "Der Außenminister empfing heute den Botschafter und sprach über die wirtschaftliche Zusammenarbeit beider Länder.";
const TR = "Dışişleri Bakanı bugün Ankara'da mevkidaşıyla görüştü ve iki ülke arasındaki ticaret ilişkilerini değerlendirdi.";

function roundTrip(text: string, enc: string, expected: string | RegExp, declared?: string) {
  const out = decode(raw(iconv.encode(text, enc), declared));
  assert.equal(out.text, text, `${enc} round trip`);
  if (typeof expected === "string") assert.equal(out.encoding, expected);
  else assert.match(out.encoding, expected);
}

test("UTF-8 is taken as is, CRLF kept", () => {
  const out = decode(raw(Buffer.from(RU_LONG, "utf8")));
  assert.equal(out.text, RU_LONG);
  assert.equal(out.encoding, "UTF-8");
  assert.equal(out.name, "doc");
  assert.equal(out.origin, "test/doc.txt");
});

test("windows-1251 round trip, short and long", () => {
  roundTrip(RU_LONG, "windows-1251", "windows-1251");
  roundTrip(RU_SHORT, "windows-1251", "windows-1251");
});

test("KOI8-R round trip, short and long", () => {
  roundTrip(RU_LONG, "koi8-r", "KOI8-R");
  roundTrip(RU_SHORT, "koi8-r", "KOI8-R");
});

test("ISO-8859-5 and Mac Cyrillic round trip", () => {
  roundTrip(RU_LONG, "iso-8859-5", "ISO-8859-5");
  roundTrip(RU_LONG, "maccyrillic", "x-mac-cyrillic");
});

test("windows-1256 round trip for Arabic and Persian", () => {
  roundTrip(AR, "windows-1256", "windows-1256");
  // Persian ی and ک are outside windows-1256; legacy Persian pages use Arabic ي and ك.
  const faLegacy = FA.replace(/ی/g, "ي").replace(/ک/g, "ك").replace(/\u200c/g, "\u200c");
  roundTrip(faLegacy, "windows-1256", "windows-1256");
});

test("ISO-8859-6 Arabic round trip", () => {
  roundTrip(AR, "iso-8859-6", /ISO-8859-6|windows-1256/);
});

test("Latin-1 family round trip (French, German, Turkish)", () => {
  roundTrip(FR + " Coût: 5 €.", "windows-1252", "windows-1252");
  roundTrip(DE, "windows-1252", /windows-1252|ISO-8859-1/);
  roundTrip(TR, "windows-1254", /windows-1254|ISO-8859-9/);
});

test("declared charset is honoured when it decodes cleanly", () => {
  roundTrip(RU_SHORT, "koi8-r", "KOI8-R", "koi8-r");
  roundTrip(RU_SHORT, "windows-1251", "windows-1251", "cp1251");
  // A wrong declaration that reads as nonsense is overridden.
  roundTrip(RU_LONG, "koi8-r", "KOI8-R", "windows-1251");
});

test("HTML meta charset is used as a declaration", () => {
  const html = `<html><head><meta charset="windows-1251"></head><body>${RU_SHORT}</body></html>`;
  const out = decode(raw(iconv.encode(html, "windows-1251")));
  assert.equal(out.text, html);
  assert.equal(out.encoding, "windows-1251");
});

test("BOMs are stripped and decide the encoding", () => {
  const u8 = decode(raw(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(AR, "utf8")])));
  assert.equal(u8.text, AR);
  assert.equal(u8.encoding, "UTF-8");
  const le = decode(raw(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RU_SHORT, "utf-16le")])));
  assert.equal(le.text, RU_SHORT);
  assert.equal(le.encoding, "UTF-16LE");
  const be = decode(raw(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(FA, "utf-16be")])));
  assert.equal(be.text, FA);
  assert.equal(be.encoding, "UTF-16BE");
});

test("BOM-less UTF-16 is recognised rather than refused as binary", () => {
  const out = decode(raw(iconv.encode("Talks held in Dushanbe on Monday.", "utf-16le")));
  assert.equal(out.text, "Talks held in Dushanbe on Monday.");
  assert.equal(out.encoding, "UTF-16LE");
});

test("empty input is refused", () => {
  assert.throws(() => decode(raw(new Uint8Array(0))), (e: unknown) => e instanceof InputError && /empty/.test(e.message) && e.origin === "test/doc.txt");
  assert.throws(() => decode(raw(Buffer.from(" \n\t\r\n"))), /empty/);
  assert.throws(() => decode(raw(Buffer.from([0xef, 0xbb, 0xbf]))), /empty/);
});

test("binary input is refused, naming known formats", () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  assert.throws(() => decode(raw(png)), /binary input \(PNG image\)/);
  assert.throws(() => decode(raw(Buffer.from("PK\x03\x04\x14\x00\x00\x00\x08\x00", "latin1"))), /ZIP/);
  assert.throws(() => decode(raw(Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1"))), /PDF/);
  const junk = Buffer.alloc(400);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
  assert.throws(() => decode(raw(junk)), (e: unknown) => e instanceof InputError && /binary input/.test(e.message));
  const controls = Buffer.from("abc\x01\x02\x03\x04def\x05\x06\x07\x08ghi\x0e\x0f\x10", "latin1");
  assert.throws(() => decode(raw(controls)), /control bytes/);
});

test("input over maxBytes is refused", () => {
  assert.throws(() => decode(raw(Buffer.from("x".repeat(100))), { maxBytes: 50 }), /too large \(100 bytes; limit 50\)/);
  assert.equal(decode(raw(Buffer.from("x".repeat(50))), { maxBytes: 50 }).text.length, 50);
});

test("plausibility prefers real Cyrillic over a mis-decoding", () => {
  const bytes = iconv.encode(RU_SHORT, "koi8-r");
  const right = iconv.decode(bytes, "koi8-r");
  const wrong = iconv.decode(bytes, "windows-1251");
  assert.ok(plausibility(right) > plausibility(wrong) + 1);
});

test("very short and all-caps Cyrillic legacy text decodes right", () => {
  roundTrip("Да.", "windows-1251", "windows-1251");
  roundTrip("Да, мир.", "koi8-r", "KOI8-R");
  const caps = "ПРЕЗИДЕНТЫ ОБСУДИЛИ СОТРУДНИЧЕСТВО\nМосква, 12 мая. Стороны договорились.";
  roundTrip(caps, "windows-1251", "windows-1251");
  roundTrip(caps, "koi8-r", "KOI8-R");
});

test("Chinese GB18030 round trip", () => {
  roundTrip("外交部长今天在北京会见了来访的外长，双方就双边关系交换了意见。", "gb18030", "GB18030");
});

test("large legacy input is ranked on its head and decoded whole", () => {
  const big = (RU_LONG + "\n").repeat(2000);
  const out = decode(raw(iconv.encode(big, "koi8-r")));
  assert.equal(out.encoding, "KOI8-R");
  assert.equal(out.text, big);
});

test("a few stray NUL bytes in a long text page are tolerated; many are binary", () => {
  const page = Buffer.from("<p>" + "Президент провёл переговоры. ".repeat(400) + "</p>");
  // Two NULs where spaces were (single-byte positions, so the UTF-8 stays valid).
  page[page.indexOf(0x20, 5000)] = 0;
  page[page.indexOf(0x20, 9000)] = 0;
  assert.ok(decode(raw(page)).text.includes("переговоры"));
  const many = Buffer.from("x".repeat(8000));
  for (let i = 0; i < many.length; i += 50) many[i] = 0;
  assert.throws(() => decode(raw(many)), /NUL/);
});
