// Titles and the foreign ministry named without a country belong to the report's home country:
// the dateline's, else the publisher's (not a world wire's), else the language's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "./index.js";

const doc = (origin: string, text: string) => extractText({ name: "t", origin, text, encoding: "UTF-8" });
const sides = (e: { actors: { country: string; role: string | null; name: string | null }[] }) => e.actors.map((a) => `${a.country}/${a.role ?? "-"}/${a.name ?? "-"}`).sort().join(" ");

const PM = [
  " date 2025-02-03 PM meets the NATO Secretary General",
  "",
  "The Prime Minister met NATO Secretary General Mark Rutte in Brussels this afternoon.",
].join("\n");

test("an unnamed title on an official site is its country's holder on the date", () => {
  const r = doc("https://www.gov.uk/government/news/pm-meeting", PM);
  assert.equal(r.publisher?.country, "GBR");
  assert.equal(r.publisher?.from, "origin");
  const meeting = r.events.find((e) => e.type === "CONSULT" && !e.status);
  assert.ok(meeting, JSON.stringify(r.events.map(sides)));
  assert.equal(sides(meeting), "GBR/head_of_government/Keir Starmer NATO/org_head/Mark Rutte");
  // A world wire's country is not the home of what it reports: the title stays unresolved.
  const wire = doc("https://www.afp.com/en/news/1", PM);
  assert.equal(wire.publisher?.international, true);
  assert.ok(!wire.events.some((e) => e.actors.some((a) => a.country === "FRA")), JSON.stringify(wire.events.map(sides)));
});

test("the foreign ministry without a country is the publisher's (named in the dateline or the page's host)", () => {
  const ru = doc("t.txt", [
    "МИД вызвал посла",
    "",
    "МОСКВА, 6 августа. /ТАСС/. МИД вызвал посла Молдавии в связи с высылкой российского дипломата.",
  ].join("\n"));
  const summons = ru.events.find((e) => e.type === "ACCUSE");
  assert.ok(summons, JSON.stringify(ru.events.map(sides)));
  assert.deepEqual(summons.actors.map((a) => a.country).sort(), ["MDA", "RUS"]);

  const ar = doc("https://www.spa.gov.sa/news/1", " date 2024-03-10 استقبل وزير الخارجية في الرياض اليوم سفير اليابان لدى المملكة.");
  const reception = ar.events.find((e) => e.type === "CONSULT");
  assert.ok(reception, JSON.stringify(ar.events.map(sides)));
  assert.ok(reception.actors.some((a) => a.country === "SAU" && a.role === "foreign_minister"), sides(reception));
  assert.ok(reception.actors.some((a) => a.country === "JPN"), sides(reception));
});

test("a title another country, a person or an earlier sentence already gives is left alone", () => {
  // Bound to a country beside it.
  const bound = doc("https://www.gov.uk/news/1", " date 2025-02-03 The Prime Minister of Japan met NATO Secretary General Mark Rutte in Brussels.");
  assert.ok(!bound.events.some((e) => e.actors.some((a) => a.country === "GBR")), JSON.stringify(bound.events.map(sides)));
  // "The President" after another country's president was named is that president.
  const named = doc("https://www.gov.uk/news/2", [
    " date 2025-02-03 President of Kazakhstan Kassym-Jomart Tokayev arrived in London on an official visit.",
    "",
    "The President met NATO Secretary General Mark Rutte on Monday.",
  ].join("\n"));
  assert.ok(!named.events.some((e) => e.actors.some((a) => a.country === "GBR" && a.role === "head_of_state")), JSON.stringify(named.events.map(sides)));
  // Once the home country's holder is the referent, another country's holder met later does not change it.
  const kept = doc("https://www.gov.uk/news/4", [
    " date 2025-02-03 The Prime Minister met NATO Secretary General Mark Rutte in Brussels.",
    "",
    "Prime Minister of India Narendra Modi also attended the dinner.",
    "",
    "The Prime Minister held talks with President of Finland Alexander Stubb on Tuesday.",
  ].join("\n"));
  const talks = kept.events.find((e) => e.actors.some((a) => a.country === "FIN"));
  assert.ok(talks, JSON.stringify(kept.events.map(sides)));
  assert.ok(talks.actors.some((a) => a.country === "GBR" && a.role === "head_of_government"), sides(talks));
  // Several holders ("the presidents") are not the home country's one.
  const plural = doc("https://www.gov.uk/news/3", " date 2025-02-03 The presidents met NATO Secretary General Mark Rutte in Brussels.");
  assert.ok(!plural.events.some((e) => e.actors.some((a) => a.country === "GBR")), JSON.stringify(plural.events.map(sides)));
});

test("an HTML page's URL or site name says who published it", () => {
  const page = (url: string | null, siteName: string | null) =>
    extractText({
      name: "p", origin: "p.html", encoding: "UTF-8",
      text: "Foreign Minister receives ambassador\n\nThe Foreign Minister received the Ambassador of Brazil on Monday.",
      page: { title: "Foreign Minister receives ambassador", published: "2024-06-03", author: null, siteName, url, lang: "en", image: null },
    });
  const byUrl = page("https://www.mofa.go.jp/press/1.html", null);
  assert.equal(byUrl.publisher?.country, "JPN");
  assert.equal(byUrl.publisher?.from, "page");
  const reception = byUrl.events.find((e) => e.type === "CONSULT");
  assert.ok(reception, JSON.stringify(byUrl.events.map(sides)));
  assert.ok(reception.actors.some((a) => a.country === "JPN" && a.role === "foreign_minister"), sides(reception));
  assert.equal(page(null, "Kazinform").publisher?.country, "KAZ");
  assert.equal(page("https://example.com/x", null).publisher ?? null, null);
});

// A government's readout with neither dateline nor publisher: the narrative's "our" and the one
// country named as neither a place nor another actor's make the unnamed title that country's.
const READOUT = [
  " date 2023-05-10 Readout",
  "",
  "The Prime Minister spoke with President of Kenya William Ruto today.",
  "The Prime Minister underlined Canada's support for the African Union and our shared commitment to food security.",
  "The Prime Minister also spoke of his coming visit to Nigeria.",
].join("\n");

test("with no dateline or publisher, a readout in the first person plural is of the one country it names as its own", () => {
  const r = doc("t.txt", READOUT);
  const call = r.events.find((e) => e.type === "CONSULT" && !e.status);
  assert.ok(call, JSON.stringify(r.events.map(sides)));
  assert.deepEqual(call.actors.map((a) => a.country).sort(), ["CAN", "KEN"]);
  assert.ok(call.actors.some((a) => a.country === "CAN" && a.role === "head_of_government" && a.name), JSON.stringify(call.actors));
});

test("no first person plural, or two countries of its own, or 'our' only inside a quote: the title stays unresolved", () => {
  const no = (text: string) => {
    const r = doc("t.txt", text);
    assert.ok(!r.events.some((e) => e.actors.some((a) => a.country === "CAN")), JSON.stringify(r.events.map(sides)));
  };
  no(READOUT.replace("our shared", "a shared"));
  no(READOUT.replace("Canada's support", "Canada's and Australia's support"));
  no(READOUT.replace("our shared commitment to food security.", "what Mr Ruto called “our shared commitment”."));
});

test("'agreed to stay in close contact' is a promise to keep talking, not an agreement", () => {
  const r = doc("t.txt", " date 2024-02-01 Call\n\nPresident of France Emmanuel Macron held a phone call with President of Kenya William Ruto. The two leaders agreed to stay in close contact.");
  assert.ok(r.events.some((e) => e.type === "CONSULT"), JSON.stringify(r.events.map(sides)));
  assert.ok(!r.events.some((e) => e.type === "AGREE"), JSON.stringify(r.events.map((e) => e.type)));
  const ru = doc("t.txt", " date 2024-02-01 Звонок\n\nПрезидент России Владимир Путин провёл телефонный разговор с Президентом Казахстана Касым-Жомартом Токаевым. Лидеры договорились оставаться на связи.");
  assert.ok(!ru.events.some((e) => e.type === "AGREE"), JSON.stringify(ru.events.map((e) => e.type)));
});

test("'spoke with' a counterpart is talks; speaking to reporters is not", () => {
  const r = doc("t.txt", " date 2024-05-14 Talks\n\nUS Secretary of State Antony Blinken spoke with Chinese Foreign Minister Wang Yi on Friday. President of France Emmanuel Macron later spoke to reporters.");
  assert.deepEqual(r.events.map((e) => `${e.type} ${e.actors.map((a) => a.country).sort().join("-")}`), ["CONSULT CHN-USA"]);
});
