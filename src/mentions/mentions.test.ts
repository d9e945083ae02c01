// Mentions on the project's real lexicon: names in several scripts and inflections, offices
// resolved by date, titled names outside the lexicon, state titles, places vs parties.
import assert from "node:assert/strict";
import { test } from "node:test";
import { holderOf, loadLexicon, termOn } from "../lexicon/index.js";
import { findMentions, mentionsIn, transliterate } from "./index.js";

const lex = loadLexicon();
const ids = (text: string, lang: string) =>
  mentionsIn(text, { start: 0, end: text.length }, lex, lang).entities.map((e) => `${e.payload.kind}:${e.payload.id}`);

test("one person in many scripts, inflected", () => {
  for (const [text, lang] of [
    ["Встреча с Эмомали Рахмоном прошла в Кремле.", "ru"],
    ["Президент Эмомалӣ Раҳмон суханронӣ кард.", "tg"],
    ["التقى إمام علي رحمان بالوفد.", "ar"],
    ["President Rakhmon arrived.", "en"],
  ]) assert.ok(ids(text, lang).includes("person:rahmon") || ids(text, lang).some((x) => x.startsWith("person:") && lex.persons.get(x.slice(7))?.name === "Emomali Rahmon"), `${text} -> ${ids(text, lang)}`);
});

test("countries by name, adjective and case form, in several languages", () => {
  assert.ok(ids("российская делегация прибыла в Таджикистан", "ru").includes("country:RUS"));
  assert.ok(ids("российская делегация прибыла в Таджикистан", "ru").includes("country:TJK"));
  assert.ok(ids("الوفد الروسي", "ar").includes("country:RUS"));
  assert.ok(ids("Rusya'nın Ankara Büyükelçisi", "tr").includes("country:RUS"));
  assert.ok(ids("Oʻzbekiston Respublikasi Prezidenti", "uz").includes("country:UZB"));
  assert.deepEqual(ids("after that the meeting", "en"), []);
});

test("an office resolves to whoever held it on the date", () => {
  assert.equal(holderOf(lex, "RUS", "prime_minister", "2023-05-01")?.name, "Mikhail Mishustin");
  assert.equal(holderOf(lex, "RUS", "prime_minister", "2019-05-01")?.name, "Dmitry Medvedev");
  const medvedev = [...lex.persons.values()].find((p) => p.name === "Dmitry Medvedev")!;
  assert.equal(termOn(medvedev, "2019-09-01")?.role, "head_of_government");
  assert.equal(termOn(medvedev, "2022-12-21")?.role, "official");
});

test("a chamber's speaker resolves by chamber; a bare 'speaker' only where there is one", () => {
  assert.equal(holderOf(lex, "KAZ", "speaker_upper", "2021-09-23")?.name, "Maulen Ashimbayev");
  assert.equal(holderOf(lex, "KAZ", "speaker_lower", "2021-09-23")?.name, "Nurlan Nigmatulin");
  assert.equal(holderOf(lex, "KAZ", "speaker", "2021-09-23"), null);
  assert.equal(holderOf(lex, "RUS", "speaker_upper", "2024-02-01")?.name, "Valentina Matviyenko");
  // Azerbaijan's parliament has one chamber: any speaker title finds its chair.
  assert.equal(holderOf(lex, "AZE", "speaker_lower", "2022-03-01")?.name, "Sahiba Gafarova");
  assert.ok(ids("the Speaker of the Senate of Kazakhstan", "en").includes("office:speaker_upper"));
  assert.ok(ids("Председатель Государственной думы Вячеслав Володин", "ru").includes("office:speaker_lower"));
});

test("a titled person outside the lexicon is found with a Latin spelling", () => {
  const text = "Посол Иван Петренко заявил об этом.";
  const [sm] = findMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], lex, "ru");
  assert.deepEqual(sm.names.map((n) => n.name), ["Ivan Petrenko"]);
  assert.equal(transliterate("Камчыбек Ташиев"), "Kamchybek Tashiev");
});

test("'the Kingdom' after the kingdom's full name refers to it", () => {
  const text = "وصل وفد المملكة العربية السعودية. وأكدت المملكة دعمها.";
  const cut = text.indexOf(".") + 1;
  const sms = findMentions(text, [{ start: 0, end: cut, index: 0, paragraph: 0 }, { start: cut + 1, end: text.length, index: 1, paragraph: 0 }], lex, "ar");
  assert.ok(sms[1].entities.some((e) => e.payload.kind === "country" && e.payload.id === "SAU"));
});

test("a titled name after the title's countries and a courtesy title, hyphenated parts kept", () => {
  const text = "The minister received the Ambassador of the Republic of Korea to Tajikistan Mr. Kim Jong-hoon.";
  const [sm] = findMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], lex, "en");
  assert.deepEqual(sm.names.map((n) => n.name), ["Kim Jong-hoon"]);
});

test("a state word before the title's country is skipped on the way to the name", () => {
  const text = "В МИД вызван посол Республики Молдова в Москве Лилиан Дарий.";
  const [sm] = findMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], lex, "ru");
  assert.deepEqual(sm.names.map((n) => n.name), ["Lilian Dariy"]);
});
