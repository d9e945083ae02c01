// Envoys in summons and protests (sides.ts, where.ts): whose ambassador a title is, which
// person speaks for the envoy's country, and where the summons takes place. Sentences written
// by the team.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractArticle, extractText } from "../pipeline/index.js";
import type { Article, EventRecord } from "../types.js";

function eventsOf(text: string, lang = "en"): EventRecord[] {
  const article = { name: "envoy", origin: "envoy", text, title: null, titleSpan: null, published: "2024-05-15", publishedSpan: null, dateline: null, source: null, paragraphs: [{ start: 0, end: text.length }], lang } as Article;
  return extractArticle(article, "UTF-8").events.filter((e) => !e.status);
}
const actor = (e: EventRecord | undefined, country: string) => e?.actors.find((a) => a.country === country);

test("the U.S. ambassador is the United States' envoy: an abbreviation's period ends no phrase", () => {
  const [ev] = eventsOf("The Latvian Foreign Ministry on Monday summoned the U.S. ambassador to Latvia over remarks by President Joe Biden.").filter((e) => e.type === "ACCUSE");
  assert.equal(actor(ev, "USA")?.role, "ambassador", JSON.stringify(ev?.actors));
  assert.equal(actor(ev, "LVA")?.role ?? null, null);
});

test("the country an envoy is posted to is not the envoy's", () => {
  const [ev] = eventsOf("The Lithuanian Foreign Ministry summoned the ambassador of Belarus to Lithuania on Monday over the border incident.").filter((e) => e.type === "ACCUSE");
  assert.equal(actor(ev, "BLR")?.role, "ambassador", JSON.stringify(ev?.actors));
  assert.equal(actor(ev, "LTU")?.role ?? null, null);
  // With no country before the title, the one after "to" is still the posting.
  const evs = eventsOf("Belarus protested after the Lithuanian Foreign Ministry summoned its ambassador to Lithuania on Monday.");
  for (const e of evs) assert.notEqual(actor(e, "LTU")?.role, "ambassador", JSON.stringify(e.actors));
});

test("the envoy the summons names speaks for the country, not a leader named elsewhere in the sentence", () => {
  const [ev] = eventsOf("The Latvian Foreign Ministry on Monday summoned the U.S. ambassador over remarks by President Joe Biden.").filter((e) => e.type === "ACCUSE");
  assert.equal(actor(ev, "USA")?.name ?? null, null, JSON.stringify(ev?.actors));
  // Without an envoy, the person named is the country's side as before.
  const [plain] = eventsOf("The Latvian Foreign Ministry on Monday condemned remarks by President Joe Biden.").filter((e) => e.type === "ACCUSE");
  if (plain) assert.equal(actor(plain, "USA")?.name, "Joe Biden");
});

test("Russian «посла» is an ambassador, «послание» is not; the name after the posting is the envoy's", () => {
  const [ev] = eventsOf("Министерство иностранных дел Латвии вызвало российского посла в Риге Михаила Ванина в связи с публикацией.", "ru").filter((e) => e.type === "ACCUSE");
  const rus = actor(ev, "RUS");
  assert.equal(rus?.role, "ambassador", JSON.stringify(ev?.actors));
  assert.match(rus?.name ?? "", /Vanin/);
  assert.equal(ev?.location?.city, "Riga");
  const msg = eventsOf("Президент России направил послание президенту Казахстана.", "ru");
  assert.ok(!msg.some((e) => e.actors.some((a) => a.role === "ambassador")), JSON.stringify(msg.map((e) => e.actors)));
});

test("Turkish: the envoy's country stands before the capital of the posting; the summons is in that capital", () => {
  const [ev] = eventsOf("Rusya'nın Ankara Büyükelçisi dün Dışişleri Bakanlığı'na çağrıldı ve kendisine tepki iletildi.", "tr").filter((e) => e.type === "ACCUSE");
  assert.equal(actor(ev, "RUS")?.role, "ambassador", JSON.stringify(ev?.actors));
  assert.equal(actor(ev, "TUR")?.role ?? null, null);
  assert.equal(ev?.location?.city, "Ankara");
  // A capital named in another clause, before a comma, is not the posting.
  const [far] = eventsOf("Tahran'daki saldırıların ardından, Rusya'nın büyükelçisi Dışişleri Bakanlığı'na çağrıldı.", "tr").filter((e) => e.type === "ACCUSE");
  if (far) assert.equal(actor(far, "RUS")?.role, "ambassador", JSON.stringify(far.actors));
});

test("a named person with a state's title over an organisation heads it", () => {
  const evs = eventsOf("Kazakh President Kassym-Jomart Tokayev held talks in Brussels on Monday with President of the European Bank for Reconstruction and Development Odile Renaud-Basso.");
  const ebrd = evs.map((e) => actor(e, "EBRD")).find(Boolean);
  assert.equal(ebrd?.name, "Odile Renaud-Basso", JSON.stringify(evs.map((e) => e.actors)));
  assert.equal(ebrd?.role, "org_head");
});

test("the ambassador summoned is the envoy of the country after the title, not a leader named in the cause", () => {
  const r = extractText({ name: "t", origin: "t", text: "Title\n\n2024-05-14\n\nRussia summoned the ambassador of Hungary over remarks by Prime Minister Viktor Orbán.\n", encoding: "UTF-8" });
  const summons = r.events.find((e) => e.type === "ACCUSE");
  assert.ok(summons, JSON.stringify(r.events));
  const hun = summons.actors.find((a) => a.country === "HUN");
  assert.equal(hun?.role, "ambassador");
  assert.equal(hun?.name ?? null, null);
  assert.equal(summons.location?.country, "RUS");
});
