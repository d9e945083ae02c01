// Nationality adjectives on the real lexicon: news names a country by its adjective ("le
// ministre colombien", «ганский посол»). Sentences written for this test.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fold } from "../text/normalize.js";
import { mentionsIn } from "../mentions/index.js";
import { DATA_DIR, loadLexicon } from "./index.js";

const lex = loadLexicon();
const countries = (text: string, lang: string) =>
  mentionsIn(text, { start: 0, end: text.length }, lex, lang).entities
    .filter((e) => e.payload.kind === "country").map((e) => e.payload.id);

const CASES: [string, string, string][] = [
  ["fr", "le ministre colombien des Affaires étrangères", "COL"],
  ["fr", "la délégation ghanéenne est arrivée", "GHA"],
  ["fr", "les autorités guatémaltèques ont protesté", "GTM"],
  ["fr", "le président sud-africain a reçu son homologue", "ZAF"],
  ["fr", "les diplomates tanzaniens ont quitté la salle", "TZA"],
  ["es", "el canciller venezolano se reunió con el ministro paraguayo", "PRY"],
  ["es", "la delegación hondureña llegó ayer", "HND"],
  ["es", "los diplomáticos senegaleses firmaron el acuerdo", "SEN"],
  ["es", "el embajador irlandés fue convocado", "IRL"],
  ["de", "der kolumbianische Außenminister traf seinen Amtskollegen", "COL"],
  ["de", "die kroatische Regierung protestierte", "HRV"],
  ["de", "mit dem südafrikanischen Präsidenten", "ZAF"],
  ["ru", "гватемальский посол был вызван в министерство", "GTM"],
  ["ru", "переговоры с хорватской делегацией", "HRV"],
  ["ru", "глава парагвайского МИД", "PRY"],
  ["uk", "ганський посол прибув до Києва", "GHA"],
  ["uk", "зустріч з колумбійською делегацією", "COL"],
  ["uk", "президент південноафриканської республіки", "ZAF"],
  ["uk", "міністр португальського уряду", "PRT"],
  ["ar", "وزير الخارجية الغاني", "GHA"],
  ["ar", "السفير الكولومبي في القاهرة", "COL"],
  ["ar", "الحكومة الكرواتية", "HRV"],
  ["fa", "وزیر امور خارجه کلمبیایی", "COL"],
  ["fa", "هیئت دانمارکی وارد شد", "DNK"],
  ["tr", "Kolombiyalı bakan Ankara'ya geldi", "COL"],
  ["tr", "Hırvat heyeti ile görüştü", "HRV"],
  ["tr", "Kenyalı mevkidaşı ile bir araya geldi", "KEN"],
  ["kk", "бразилиялық делегациямен кездесті", "BRA"],
  ["kk", "мексикалық әріптесімен келіссөз", "MEX"],
  ["ky", "норвегиялык тарап менен сүйлөштү", "NOR"],
  ["uz", "braziliyalik hamkasbi bilan uchrashdi", "BRA"],
  ["tg", "ҳайати юнонӣ ба Душанбе омад", "GRC"],
];

test("a nationality adjective in a sentence names its country", () => {
  for (const [lang, text, code] of CASES) {
    const found = countries(text, lang);
    assert.ok(found.includes(code), `${lang}: ${text} -> ${found.join(",")}`);
  }
});

test("neighbouring adjectives keep their countries apart", () => {
  assert.deepEqual(countries("السفير الليبيري", "ar"), ["LBR"]);
  assert.deepEqual(countries("le ministre guinéen", "fr"), ["GIN"]);
  assert.ok(!countries("die sudanesische Regierung", "de").includes("SSD"));
  assert.ok(!countries("la delegación ecuatoguineana", "es").includes("GIN"));
});

test("no adjective form belongs to two countries in one language", () => {
  const data = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "countries.json"), "utf8")) as
    Record<string, Record<string, { adj?: string[] }>>;
  // Congolese names either Congo in Russian; left as written before.
  const known = new Set(["ru:конголезск"]);
  const owner = new Map<string, string>();
  for (const [code, langs] of Object.entries(data)) {
    for (const [lang, entry] of Object.entries(langs)) {
      for (const form of entry.adj ?? []) {
        const key = `${lang}:${fold(form).replace(/\*$/, "")}`;
        const prev = owner.get(key);
        assert.ok(prev === undefined || prev === code || known.has(key), `${key} is both ${prev} and ${code}`);
        owner.set(key, code);
      }
    }
  }
});

test("French and Spanish nationality adjectives match in the feminine and plural", async () => {
  const { adjectiveForms } = await import("./index.js");
  assert.deepEqual(adjectiveForms(["israélien", "marocain", "russe"], "fr").sort(), ["israélien", "israélienne", "marocain", "marocaine", "russe"]);
  assert.deepEqual(adjectiveForms(["chino", "francés"], "es").sort(), ["china", "chino", "francesa", "francés"]);
  const { extractText } = await import("../pipeline/index.js");
  const r = extractText({ name: "t", origin: "t", text: "Titre\n\n2024-05-14\n\nL'Égypte a condamné les frappes israéliennes sur Rafah.\n", encoding: "UTF-8" });
  assert.ok(r.events.some((e) => e.type === "ACCUSE" && e.actors.some((a) => a.country === "ISR")), JSON.stringify(r.events.map((e) => e.actors.map((a) => a.country))));
});
