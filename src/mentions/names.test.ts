// Persons the text introduces: a title with its country and a name, in several languages and
// scripts, their Latin spelling, and later mentions by surname resolved to the same person.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadLexicon } from "../lexicon/index.js";
import { extractText } from "../pipeline/index.js";
import { findDocumentMentions } from "./index.js";
import { nominative, surnameKeys, transliterate } from "./names.js";

const lex = loadLexicon();

/** Sentences split at ". " / "。" for the test texts. */
function doc(text: string, lang: string) {
  const sentences: { start: number; end: number; index: number; paragraph: number }[] = [];
  const re = /[^.。!?]+[.。!?]?/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) sentences.push({ start: m.index!, end: m.index! + m[0].length, index: sentences.length, paragraph: 0 });
  return findDocumentMentions(text, sentences, lex, lang);
}
const introduced = (text: string, lang: string) => [...doc(text, lang).persons.values()].map((p) => `${p.terms[0].country}:${p.terms[0].role}:${p.name}`);

test("a title with its country and an unknown name makes a person of that country and role", () => {
  assert.deepEqual(introduced("Ghanaian Foreign Minister Kwabena Osei-Tutu met the press.", "en"), ["GHA:foreign_minister:Kwabena Osei-Tutu"]);
  assert.deepEqual(introduced("The President of Malawi Dr Lazarus Mvula opened the fair.", "en"), ["MWI:head_of_state:Lazarus Mvula"]);
  assert.deepEqual(introduced("Глава МИД Словении Марко Жужек прибыл в Минск.", "ru"), ["SVN:foreign_minister:Marko Zhuzhek"]);
  assert.deepEqual(introduced("استقبل وزير الخارجية الليبي سالم بوزيد الوفد.", "ar"), ["LBY:foreign_minister:Salem Bouzid"]);
  assert.deepEqual(introduced("وزیر امور خارجه تاجیکستان سیروس نوروزی وارد شد.", "fa"), ["TJK:foreign_minister:Siros Norozi"]);
  assert.deepEqual(introduced("越南外交部长陈文明会见了代表团。", "zh"), ["VNM:foreign_minister:Chen Wenming"]);
});

test("a name before a comma and its title", () => {
  assert.deepEqual(introduced("Kwabena Osei-Tutu, the Ghanaian ambassador, laid a wreath.", "en"), ["GHA:ambassador:Kwabena Osei-Tutu"]);
  // A date phrase before the comma is no name.
  assert.deepEqual(introduced("Last Monday, the Ghanaian ambassador laid a wreath.", "en"), []);
});

test("later mentions by surname, inflected, are the same person", () => {
  const ru = doc("Глава МИД Словении Марко Жужек прибыл в Минск. С Жужеком встретился министр. Жужеку вручили орден.", "ru");
  const ids = ru.mentions.slice(1).map((sm) => sm.entities.filter((e) => e.payload.kind === "person").map((e) => e.payload.kind === "person" && e.payload.id));
  assert.deepEqual(ids, [["doc:marko zhuzhek"], ["doc:marko zhuzhek"]]);
  const ar = doc("استقبل وزير الخارجية الليبي سالم بوزيد الوفد. وقال بوزيد إن اللقاء مثمر.", "ar");
  assert.ok(ar.mentions[1].entities.some((e) => e.payload.kind === "person" && e.payload.id.startsWith("doc:")));
  const zh = doc("越南外交部长陈文明会见了代表团。陈文明表示合作良好。", "zh");
  assert.ok(zh.mentions[1].entities.some((e) => e.payload.kind === "person" && e.payload.id === "doc:chen wenming"));
  // Two introduced persons with one surname: the surname alone is neither.
  const two = doc("Ghanaian Ambassador Kofi Mensah met Togolese Ambassador Ama Mensah. Mensah spoke first.", "en");
  assert.equal(two.persons.size, 2);
  assert.ok(!two.mentions[1].entities.some((e) => e.payload.kind === "person"));
});

test("a lexicon person named in full is meant by the surname alone later in the document", () => {
  const known = [...lex.persons.values()].find((p) => p.name === "Fuad Hussein")!;
  assert.ok(known && !Object.values(known.names).flat().includes("Hussein"), "the lexicon lists no bare 'Hussein'");
  const d = doc("Fuad Hussein arrived in Ankara on Monday. Hussein then met the press.", "en");
  assert.ok(d.mentions[1].entities.some((e) => e.payload.kind === "person" && e.payload.id === known.id));
  // Named in full again and again: still that person; with another person of that surname
  // introduced before, the surname alone names neither.
  const again = doc("Fuad Hussein arrived in Ankara. Fuad Hussein met the press. Hussein left.", "en");
  assert.ok(again.mentions[2].entities.some((e) => e.payload.kind === "person" && e.payload.id === known.id));
  const both = doc("Ghanaian Ambassador Kofi Hussein arrived. Fuad Hussein met him. Fuad Hussein left. Hussein spoke first.", "en");
  assert.ok(both.persons.has("doc:kofi hussein"));
  assert.ok(both.mentions[1].entities.some((e) => e.payload.kind === "person" && e.payload.id === known.id));
  assert.ok(!both.mentions[3].entities.some((e) => e.payload.kind === "person"));
  // Without the full name first, the bare surname stays unresolved.
  const bare = doc("Hussein then met the press.", "en");
  assert.ok(!bare.mentions[0].entities.some((e) => e.payload.kind === "person"));
});

test("introduced persons become the actors of events, with their country and role", () => {
  const text = "Accra, 12 March 2024\n\nGhanaian Foreign Minister Kwabena Osei-Tutu held talks with Togolese Foreign Minister Robert Dussey. Osei-Tutu thanked Togo for its support.";
  const r = extractText({ text, encoding: "utf-8", name: "t", origin: "t" });
  const actors = r.events.flatMap((e) => e.actors.map((a) => `${a.country}:${a.name}:${a.role}`));
  assert.ok(actors.includes("GHA:Kwabena Osei-Tutu:foreign_minister"), actors.join(" "));
  const support = r.events.find((e) => e.type === "SUPPORT");
  assert.ok(support?.actors.some((a) => a.name === "Kwabena Osei-Tutu"), JSON.stringify(support?.actors));
});

test("a known person whose terms ended is still the titled name of a later report", () => {
  // A minister of the PETRARCH2 data (terms up to 2014) named with a title in a 2024 report.
  const p = [...lex.persons.values()].find((x) => x.id.startsWith("pt_") && x.terms.every((t) => t.role === "minister" && t.country === "KEN" && t.to && t.to < "2015") && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(x.name))!;
  const text = `Nairobi, 12 March 2024\n\nKenyan Minister ${p.name} met the Ugandan Ambassador on Monday.`;
  const r = extractText({ text, encoding: "utf-8", name: "t", origin: "t" });
  const actor = r.events.flatMap((e) => e.actors).find((a) => a.country === "KEN");
  assert.equal(actor?.name, p.name, JSON.stringify(r.events.map((e) => e.actors)));
  assert.equal(actor?.role, "minister");
});

test("transliteration to Latin", () => {
  assert.equal(transliterate("Камчыбек Ташиев"), "Kamchybek Tashiev");
  assert.equal(transliterate("王毅"), "Wang Yi");
  assert.equal(transliterate("欧阳娜娜"), "Ouyang Nana");
  assert.equal(transliterate("عبد العزيز"), "Abdulaziz");
  assert.equal(transliterate("محمد بن سلمان"), "Mohammed bin Salman");
  assert.equal(nominative("Сергеем Лавровым"), "Сергей Лавров");
  assert.equal(nominative("Петером Сийярто"), "Петер Сийярто");
  assert.equal(nominative("Мария Захарова"), "Мария Захарова");
  // Genitive and accusative, dative, prepositional: the surname's ending says the case.
  assert.equal(nominative("Алексея Федотова", "посла"), "Алексей Федотов");
  assert.equal(nominative("Андрея Вишневского"), "Андрей Вишневский");
  assert.equal(nominative("Сергея Викторовича Лаврова"), "Сергей Викторович Лавров");
  assert.equal(nominative("Сергею Лаврову"), "Сергей Лавров");
  assert.equal(nominative("Сергее Лаврове"), "Сергей Лавров");
  assert.equal(nominative("Роберта Ондрейчака"), "Роберт Ондрейчак");
  assert.equal(nominative("Петера Сийярто", "министра"), "Петер Сийярто");
  // -а is a woman's nominative unless the title before the name is in an oblique case.
  assert.equal(nominative("Александра Петрова", "посла"), "Александр Петров");
  assert.equal(nominative("Александра Петрова", "министр"), "Александра Петрова");
  assert.equal(nominative("Мария Захарова", "представителя"), "Мария Захарова");
  assert.equal(nominative("Петер Сийярто", "министра"), "Петер Сийярто");
  assert.ok(surnameKeys("лавровым").includes("лавров"));
  assert.ok(surnameKeys("وبوزيد").includes("بوزيد"));
});

test("a Chinese name under a title is the office holder of that date when the lexicon knows one", () => {
  // Taiwan's characters for a name the lexicon knows in the mainland's: the holder on the date.
  const text = "美國國務卿魯比歐抵達吉隆坡。魯比歐表示會談富有建設性。";
  const sentences = [{ start: 0, end: 14, index: 0, paragraph: 0 }, { start: 14, end: text.length, index: 1, paragraph: 0 }];
  const on = findDocumentMentions(text, sentences, lex, "zh", "2025-07-11");
  assert.equal(on.mentions[0].names[0]?.name, "Marco Rubio");
  const later = on.mentions[1].entities.find((e) => e.payload.kind === "person");
  assert.equal(later && lex.persons.get(later.payload.id)?.name, "Marco Rubio");
  // Before his term the same words name a person of the document's own.
  const before = findDocumentMentions(text, sentences, lex, "zh", "2019-07-11");
  assert.notEqual(before.mentions[0].names[0]?.name, "Marco Rubio");
});

test("a Russian name after a title in the instrumental is introduced in its nominative", () => {
  assert.deepEqual(introduced("Лавров встретился с министром иностранных дел Словении Марко Жужеком.", "ru"), ["SVN:foreign_minister:Marko Zhuzhek"]);
  // A name that does not decline stays as written.
  assert.deepEqual(introduced("Лавров встретился с министром иностранных дел Словении Марко Жужеку.", "ru"), ["SVN:foreign_minister:Marko Zhuzheku"]);
});

test("after a title's country only a posting may stand before the name", () => {
  // «в связи с заявлениями Виктора Орбана»: the statements' author, not the ambassador.
  assert.deepEqual(introduced("МИД Латвии вызвал посла Грузии в связи с заявлениями Ираклия Мамаладзе.", "ru"), []);
  assert.deepEqual(introduced("Посол Грузии в Латвии Ираклий Мамаладзе встретился с министром.", "ru"), ["GEO:ambassador:Irakliy Mamaladze"]);
});
