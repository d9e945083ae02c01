// Where an event took place (where.ts): sentences written by the team for each kind of place
// the first pass missed on real news.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle } from "../pipeline/index.js";
import type { Article, EventRecord } from "../types.js";

function eventsOf(text: string, lang = "en", published = "2024-05-15"): EventRecord[] {
  const paragraphs: Article["paragraphs"] = [];
  let at = 0;
  for (const p of text.split("\n")) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 1;
  }
  const article = { name: "where", origin: "where", text, title: null, titleSpan: null, published, publishedSpan: null, dateline: null, source: null, paragraphs, lang } as Article;
  return extractArticle(article, "UTF-8").events.filter((e) => !e.status);
}
const place = (e: EventRecord | undefined) => `${e?.location?.city ?? "-"}/${e?.location?.country ?? "-"}`;

test("a summons is made at the seat of the government that summons", () => {
  const [en] = eventsOf("The Estonian Foreign Ministry on Monday summoned the Belarusian ambassador over an unfriendly step by Minsk.").filter((e) => e.type === "ACCUSE");
  assert.equal(place(en), "Tallinn/EST");
  const [ru] = eventsOf("МИД Латвии вызвал посла Белоруссии после недружественного шага Минска.", "ru").filter((e) => e.type === "ACCUSE");
  assert.equal(place(ru), "Riga/LVA");
  // A place in the summoning country that the text names stays.
  const [named] = eventsOf("The Lithuanian Foreign Ministry summoned the Russian charge d'affaires in Vilnius on Monday.").filter((e) => e.type === "ACCUSE");
  assert.equal(place(named), "Vilnius/LTU");
});

test("a capital word next to a country names its capital", () => {
  const [en] = eventsOf("Jordanian Foreign Minister Ayman Safadi arrived in the Egyptian capital on Monday for talks with Egyptian Foreign Minister Sameh Shoukry.");
  assert.equal(place(en), "Cairo/EGY");
  const ru = eventsOf("Министр иностранных дел Армении Арарат Мирзоян прибыл в казахстанскую столицу с официальным визитом.", "ru", "2024-05-15");
  assert.equal(place(ru.find((e) => e.mode === "visit")), "Astana/KAZ");
});

test("a capital that stands for its government is no place", () => {
  const evs = eventsOf("A Kremlin spokesman said the meeting of Russian President Vladimir Putin with Indian Prime Minister Narendra Modi on Tuesday was important.");
  const talks = evs.find((e) => e.type === "CONSULT");
  assert.ok(talks, JSON.stringify(evs));
  assert.notEqual(talks?.location?.city, "Moscow");
});

test("talks on the day of a visit happen where the visit went, even told before it", () => {
  const evs = eventsOf("On the sidelines of the summit on Tuesday, Russian President Vladimir Putin held talks with Indian Prime Minister Narendra Modi.\nPutin arrived in Kazan on Tuesday.");
  const talks = evs.find((e) => e.mode === "meeting");
  assert.equal(place(talks), "Kazan/RUS");
});

test("talks placed in a country only are in its capital", () => {
  const [visit] = eventsOf("Tajik President Emomali Rahmon paid a state visit to Iran on Monday.").filter((e) => e.mode === "visit");
  assert.equal(place(visit), "Tehran/IRN");
  const [meeting] = eventsOf("Russian Foreign Minister Sergey Lavrov met Hungarian Foreign Minister Peter Szijjarto in Malta on Thursday.").filter((e) => e.mode === "meeting");
  assert.equal(place(meeting), "Valletta/MLT");
  // A strike in a country is not placed in its capital.
  const strikes = eventsOf("Turkish drones struck targets in Syria on Monday.").filter((e) => e.type === "ASSAULT");
  for (const s of strikes) assert.equal(s.location?.city ?? null, null);
});

test("a place nearer to another meeting of the sentence is not the visit's", () => {
  const evs = eventsOf("The visit of President Recep Tayyip Erdogan to Egypt on Wednesday follows a handshake with President Abdel Fattah el-Sisi in Doha.");
  const visit = evs.find((e) => e.mode === "visit");
  assert.equal(visit?.location?.country, "EGY", JSON.stringify(evs.map((e) => [e.mode, e.location])));
  assert.ok(!evs.some((e) => e.mode === "visit" && e.actors.some((a) => a.country === "QAT")));
});

test("a country's second city is named as itself, not as the capital", () => {
  const [fr] = eventsOf("Le président ghanéen est arrivé lundi à Abidjan pour une visite officielle en Côte d'Ivoire.", "fr").filter((e) => e.mode === "visit");
  assert.equal(place(fr), "Abidjan/CIV");
  const [en] = eventsOf("Dutch Prime Minister Mark Rutte met Belgian Prime Minister Alexander De Croo in The Hague on Monday.").filter((e) => e.mode === "meeting");
  assert.equal(place(en), "The Hague/NLD");
});

test("a reception with no place named is held in the receiver's country", () => {
  const ar = eventsOf("استقبل وزير الخارجية المصري سامح شكري نظيره السوري فيصل المقداد في مقر الوزارة.", "ar", "2024-05-14");
  assert.equal(place(ar.find((e) => e.type === "CONSULT")), "Cairo/EGY");
  const en = eventsOf("Egyptian Foreign Minister Sameh Shoukry received his Syrian counterpart Faisal Mekdad at the ministry.", "en", "2024-05-14");
  assert.equal(place(en.find((e) => e.type === "CONSULT")), "Cairo/EGY");
  // A place the sentence names wins.
  const named = eventsOf("Egyptian Foreign Minister Sameh Shoukry received his Syrian counterpart Faisal Mekdad in Alexandria.", "en", "2024-05-14");
  assert.notEqual(place(named.find((e) => e.type === "CONSULT")), "Cairo/EGY");
});

test("Arabic: the capital after the visitor is where a visit goes", () => {
  const ar = eventsOf("زار وزير الخارجية المصري سامح شكري موسكو يوم الاثنين.", "ar", "2024-05-14");
  assert.equal(place(ar.find((e) => e.type === "CONSULT")), "Moscow/RUS");
  // A capital after a visit noun with no visitor between is no destination («الزيارة تتويجًا لتقارب بين القاهرة وأنقرة»).
  const noun = eventsOf("وتأتي الزيارة تتويجا لمسار تقارب بين القاهرة وأنقرة.", "ar", "2024-05-14");
  assert.ok(!noun.some((e) => e.location?.city === "Ankara" || e.location?.city === "Cairo"), noun.map(place).join(" "));
});

test("a phone call has no place, even after a meeting in a named city", () => {
  const evs = eventsOf("US Secretary of State Antony Blinken met Indian Foreign Minister Subrahmanyam Jaishankar in Washington on Monday. Earlier, Blinken spoke by phone with Turkish Foreign Minister Hakan Fidan.", "en", "2024-01-10");
  assert.equal(place(evs.find((e) => e.mode === "meeting")), "Washington/USA");
  const call = evs.find((e) => e.mode === "phone");
  assert.ok(call, evs.map((e) => e.mode).join(" "));
  assert.equal(call.location, null);
});

test("the day's scene is not the place of an event between other countries", () => {
  const evs = eventsOf("Spanish Foreign Minister José Manuel Albares met Moroccan Foreign Minister Nasser Bourita in Rabat on Monday. Venezuela expelled the Argentine ambassador on Monday.", "en", "2024-05-14");
  assert.equal(place(evs.find((e) => e.type === "CONSULT")), "Rabat/MAR");
  const expulsion = evs.find((e) => e.type === "SANCTION");
  assert.ok(expulsion, evs.map(place).join(" "));
  assert.notEqual(expulsion.location?.city, "Rabat");
});

test("aid 'au Liban' goes to Lebanon", () => {
  const evs = eventsOf("La France a annoncé l'envoi de 50 tonnes d'aide humanitaire au Liban.", "fr", "2024-05-14");
  assert.ok(evs.some((e) => e.type === "AID" && e.actors.map((a) => a.country).sort().join("-") === "FRA-LBN"), JSON.stringify(evs.map((e) => e.actors)));
});

test("a condemnation does not take the place of the attack it condemns", () => {
  const evs = eventsOf("España condenó el ataque ruso contra Kiev.", "es", "2024-05-14");
  const condemn = evs.find((e) => e.type === "ACCUSE");
  assert.ok(condemn, JSON.stringify(evs));
  assert.notEqual(condemn.location?.city, "Kyiv");
  const cairo = eventsOf("In Cairo, Egypt condemned the Israeli strikes on Rafah.", "en", "2024-05-14");
  assert.equal(place(cairo.find((e) => e.type === "ACCUSE")), "Cairo/EGY");
});
