// Reports of a military incident and the protests after it (mostly Turkish), on sentences the
// team wrote: a missile's route, an attack named as background after its noun, a summons and a
// minister's protest told apart, statements "accusing" someone, and attacks on an embassy with
// no attacker named, and subheadings (sides.ts routeCrossed, triggers.ts noEventHere, cues.ts
// demonstrativeBefore, ownsMission and headingLine, split.ts sameInteraction, index.ts eventsAt).
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string): EventRecord[] {
  return extractText({ name: "tr", origin: "tr", text, encoding: "UTF-8" }, { fallbackDate: "2024-05-15" }).events.filter((e) => !e.status);
}

/** "TYPE A>B" for each event: who acts, then who is acted on. */
const acts = (evs: EventRecord[]) => evs.map((e) => `${e.type} ${e.actors[0]?.country}>${e.actors.slice(1).map((a) => a.country).join("+")}`).sort();

const fired = "Yetkililer, gece saatlerinde Suriye'den ateşlenen ve Irak ile İran hava sahasını geçtikten sonra Azerbaycan hava sahasına yönelen bir balistik füzenin imha edildiğini duyurdu.";

test("countries whose airspace a missile crosses are its route, not its sides", () => {
  assert.deepEqual(acts(eventsOf(fired)), ["ASSAULT SYR>AZE"]);
  // Their airspace as the target, not crossed, the same countries are sides.
  const aimed = eventsOf("İran, Irak ve Suriye hava sahasına balistik füzeler fırlattı.").filter((e) => e.type === "ASSAULT");
  assert.deepEqual([...new Set(aimed.flatMap((e) => e.actors.map((a) => a.country)))].sort(), ["IRN", "IRQ", "SYR"]);
});

test("an attack named before a Turkish postposition of time is background", () => {
  const evs = eventsOf(`${fired}\nHava savunmasınca imha edilen balistik füzenin ardından bir parça Nahçıvan'a düştü.`);
  assert.deepEqual(acts(evs), ["ASSAULT SYR>AZE"]);
});

test("a summons and a protest a minister conveys to his counterpart later are two acts", () => {
  const text = "Rusya'nın Ankara Büyükelçisi Dışişleri Bakanlığına çağrıldı.\nOlayın ardından yeni gelişmeler yaşandı.\nBakanlık bir açıklama yaptı.\nOlay yerinde inceleme başlatıldı.\nDışişleri Bakanı Hakan Fidan, Rusya Dışişleri Bakanı Sergey Lavrov ile görüşerek Ankara'nın bu meseledeki tepkisini iletti.";
  const accuse = eventsOf(text).filter((e) => e.type === "ACCUSE");
  assert.equal(accuse.length, 2, JSON.stringify(accuse.map((e) => e.trigger.text)));
  assert.deepEqual(accuse.map((e) => e.actors.find((a) => a.country === "RUS")?.role).sort(), ["ambassador", "foreign_minister"]);
});

test("statements 'accusing' someone are an accusation by whoever made them", () => {
  assert.deepEqual(acts(eventsOf("Rusya'nın resmi medyası, Türkiye'yi terörü desteklemekle itham eden bir haber yayımladı.")), ["ACCUSE RUS>TUR"]);
});

test("attacks on a country's embassy with no attacker named are not coded", () => {
  const cases: [string, string[]][] = [
    ["Türkiye, İran'ın Ankara Büyükelçisini Dışişleri Bakanlığına çağırdı.\nBüyükelçiye, ev sahibi ülkenin sorumluluğu nedeniyle Tahran'daki Suudi Arabistan büyükelçiliğine yönelik saldırıların kabul edilemeyeceği iletildi.", ["ACCUSE TUR>IRN"]],
    ["Turkey summoned the Iranian ambassador on Monday.\nAttacks on the Saudi embassy are unacceptable, the ministry said.", ["ACCUSE TUR>IRN"]],
    ["La Turquie a convoqué l'ambassadeur iranien lundi.\nLes attaques contre l'ambassade d'Arabie saoudite sont inacceptables, a indiqué le ministère.", ["ACCUSE TUR>IRN"]],
    // The attacker named, the attack stays.
    ["Des miliciens iraniens ont attaqué l'ambassade d'Arabie saoudite à Téhéran.", ["ASSAULT IRN>SAU"]],
  ];
  for (const [text, want] of cases) assert.deepEqual(acts(eventsOf(text)), want, text);
});

test("a subheading naming one side of an act takes its other side from the paragraph under it", () => {
  const cases: [string, string[]][] = [
    ["Turkey summoned the Iranian ambassador on Monday.\nCONDEMNATION FROM NATO\nIn a statement, NATO condemned Iran's attack.", ["ACCUSE NATO>IRN", "ACCUSE TUR>IRN"]],
    ["Türkiye, İran'ın Ankara Büyükelçisini Dışişleri Bakanlığına çağırdı.\nNATO'DAN KINAMA MESAJI\nNATO, İran'ın saldırısını kınadı.", ["ACCUSE NATO>IRN", "ACCUSE TUR>IRN"]],
    // A subheading that names both sides is an event of its own.
    ["Turkey summoned the Iranian ambassador on Monday.\nNATO CONDEMNS IRAN\nThe alliance said the attack was unacceptable.", ["ACCUSE NATO>IRN", "ACCUSE TUR>IRN"]],
  ];
  for (const [text, want] of cases) assert.deepEqual(acts(eventsOf(text)), want, text);
});
