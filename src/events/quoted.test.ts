// Who acts when a statement is quoted in the first person, in tit-for-tat acts told in one
// sentence, when two accusations are two, and "these two countries", on sentences the team wrote
// (discourse.ts withQuotedSpeaker and withReferencedSides, sides.ts withBareSides, split.ts
// sameInteraction).
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string, fallbackDate = "2024-05-15"): EventRecord[] {
  return extractText({ name: "quoted", origin: "quoted", text, encoding: "UTF-8" }, { fallbackDate }).events.filter((e) => !e.status);
}

/** "TYPE A>B" for each event: who acts, then who is acted on. */
const acts = (evs: EventRecord[]) => evs.map((e) => `${e.type} ${e.actors[0]?.country}>${e.actors.slice(1).map((a) => a.country).join("+")}`).sort();

test("the first person of a quotation is whoever the quotation is attributed to", () => {
  const cases: [string, string[]][] = [
    // Named after the closing mark.
    ['"We strongly condemn the attack by Armenia on Azerbaijani positions," the Turkish foreign ministry said.', ["ACCUSE TUR>ARM"]],
    ["« J'exprime ma gratitude à l'Algérie pour son accueil », a déclaré le président tunisien.", ["SUPPORT TUN>DZA"]],
    // Named before the opening mark.
    ['Turkey said in a statement: "We condemn Armenia\'s shelling of Azerbaijani villages and we stand by Azerbaijan."', ["ACCUSE TUR>ARM", "SUPPORT TUR>AZE"]],
    // Named alone in the sentence before; Turkish marks the first person on the verb.
    ['Konuya ilişkin bir açıklama Avrupa Birliği\'nden geldi.\nAçıklamada, "Rusya\'nın Ukrayna\'ya saldırmasını kınıyoruz ve Ukrayna\'nın yanında yer alıyoruz" denildi.', ["ACCUSE EU>RUS", "SUPPORT EU>UKR"]],
    ['A statement came from the European Union.\n"We condemn Russia\'s strikes on Ukraine and we stand with Ukraine," it said.', ["ACCUSE EU>RUS", "SUPPORT EU>UKR"]],
  ];
  for (const [text, want] of cases) assert.deepEqual(acts(eventsOf(text)), want, text);
});

test("a quotation in the third person keeps its own subject; an unplaced speaker is no speaker", () => {
  assert.deepEqual(acts(eventsOf('"Azerbaijan condemned the attack by Armenia," a spokesman said.')), ["ACCUSE AZE>ARM"]);
  // "It said" after a sentence that names one side: that side speaks.
  const it = "Tunisia hosted the conference on Monday.\n\"We thank Algeria for its support,\" it said.";
  assert.deepEqual(acts(eventsOf(it)), ["SUPPORT TUN>DZA"]);
  // "A spokesman said": someone the text does not place, not the side of the sentence before.
  assert.deepEqual(acts(eventsOf(it.replace("it said", "a spokesman said"))), []);
});

test("in tit-for-tat acts each clause's own subject acts", () => {
  const cases: [string, string[]][] = [
    ["Après avoir appris que Moscou expulsait trois diplomates allemands lundi, Berlin a décidé d'expulser trois diplomates russes mardi.", ["SANCTION DEU>RUS", "SANCTION RUS>DEU"]],
    ["After Moscow expelled two German diplomats on Monday, Berlin expelled two Russian diplomats on Tuesday.", ["SANCTION DEU>RUS", "SANCTION RUS>DEU"]],
    ["Moskova'nın iki Alman diplomatı sınır dışı etmesinin ardından Berlin de iki Rus diplomatı sınır dışı etti.", ["SANCTION DEU>RUS", "SANCTION RUS>DEU"]],
    ["Después de que Caracas expulsara a dos diplomáticos peruanos, Lima expulsó a dos diplomáticos venezolanos.", ["SANCTION PER>VEN", "SANCTION VEN>PER"]],
  ];
  for (const [text, want] of cases) assert.deepEqual(acts(eventsOf(text)), want, text);
});

test("two accusations that say different things are two, one told again is one", () => {
  const two: [string, number][] = [
    ["Ces derniers mois, l'Azerbaïdjan a accusé la France de déstabiliser la région.\nEn novembre, le président azerbaïdjanais avait accusé Paris de préparer de nouvelles guerres.", 2],
    ["In recent months Azerbaijan has accused France of destabilising the region.\nIn November the Azerbaijani president accused Paris of preparing new wars.", 2],
    ["In recent months Azerbaijan has accused France of destabilising the region.\nIn November the Azerbaijani president again accused France of destabilising the region.", 1],
  ];
  for (const [text, n] of two) assert.equal(eventsOf(text, "2023-12-20").filter((e) => e.type === "ACCUSE").length, n, text);
});

test("'these two countries' are the two last named together; a mediation between them has its mediator too", () => {
  const sides = (text: string, type: string) => eventsOf(text).filter((e) => e.type === type && e.trigger.start > text.lastIndexOf("\n")).map((e) => e.actors.map((a) => a.country).join(">"));
  assert.deepEqual(sides("La France a signé un accord avec l'Italie lundi.\nL'Arménie et l'Azerbaïdjan entretiennent des relations difficiles.\nLa France s'est impliquée dans la médiation entre ces deux pays.", "CONSULT"), ["FRA>ARM>AZE"]);
  assert.deepEqual(sides("Qatar signed a trade agreement with Turkey on Monday.\nEthiopia and Egypt have long disputed the dam.\nQatar has been involved in the mediation between these two countries.", "CONSULT"), ["QAT>ETH>EGY"]);
  assert.deepEqual(sides("Qatar signed a trade agreement with Turkey on Monday.\nEthiopia and Egypt have long disputed the dam.\nThese two countries held talks in Cairo on Tuesday.", "CONSULT"), ["ETH>EGY"]);
});
