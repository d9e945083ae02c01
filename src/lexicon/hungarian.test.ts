// Hungarian endings on the project's real lexicon, on phrases written for these tests: case
// endings after a lengthened final vowel, the doubled consonant of -val/-vel, possessives, and
// words that only look like a form of a listed one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadLexicon } from "./index.js";
import { mentionsIn } from "../mentions/index.js";

const lex = loadLexicon();
const found = (text: string) =>
  mentionsIn(text, { start: 0, end: text.length }, lex, "hu").entities.map((e) => `${e.payload.kind}:${e.payload.id}=${text.slice(e.start, e.end)}`);

test("country names and capitals take case endings, a final a/e lengthened", () => {
  const got = found("Moszkvában, Szlovákiával, Oroszországba, Ukrajnáról, Kínának, Iránnal, Magyarországon, Pozsonyból.");
  for (const want of ["country:RUS=Moszkvában", "country:SVK=Szlovákiával", "country:RUS=Oroszországba", "country:UKR=Ukrajnáról", "country:CHN=Kínának", "country:IRN=Iránnal", "country:HUN=Magyarországon", "country:SVK=Pozsonyból"])
    assert.ok(got.includes(want), `${want} in ${got.join(" | ")}`);
});

test("foreign names in their English spelling take Hungarian endings in Hungarian text", () => {
  const got = found("Lavrovval és Washingtonban tárgyaltak.");
  assert.ok(got.includes("person:lavrov=Lavrovval"), got.join(" | "));
  assert.ok(got.includes("country:USA=Washingtonban"), got.join(" | "));
});

test("titles take possessive and case endings; the ministry is not the minister", () => {
  const offices = (text: string) => found(text).filter((x) => x.startsWith("office:"));
  assert.deepEqual(offices("a külügyminiszterrel"), ["office:foreign_minister=külügyminiszterrel"]);
  assert.deepEqual(offices("Oroszország nagykövetét"), ["office:ambassador=nagykövetét"]);
  assert.deepEqual(offices("a miniszterelnökkel"), ["office:prime_minister=miniszterelnökkel"]);
  assert.deepEqual(offices("a külügyminisztérium"), []);
});

test("Hungarian names apply to Hungarian documents only", () => {
  // "román" + ce is not Romania, "albán" + y is not Albania, "dán" is not Denmark.
  const en = (text: string) => mentionsIn(text, { start: 0, end: text.length }, lex, "en").entities.map((e) => e.payload.id);
  assert.deepEqual(en("a romance novel"), []);
  assert.deepEqual(en("Dan arrived in Albany"), []);
  assert.ok(found("a román és az albán kormány").length >= 2);
});
