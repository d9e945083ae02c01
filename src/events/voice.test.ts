// Who acts in a directed act (voice.ts), on sentences the team wrote: an agent marker, the envoy
// a protest or summons is aimed at, and passive wording, in several languages; and the cases the
// rules leave alone.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string): EventRecord[] {
  return extractText({ name: "voice", origin: "voice", text, encoding: "UTF-8" }, { fallbackDate: "2024-05-15" }).events.filter((e) => !e.status);
}

/** "TYPE A>B" for each event of a type: who acts, then who is acted on. */
const directed = (evs: EventRecord[], type: string) => evs.filter((e) => e.type === type).map((e) => `${e.actors[0]?.country}>${e.actors.slice(1).map((a) => a.country).join("+")}`).sort();

test("a summoned or protested envoy's country is the target, whatever the voice", () => {
  const cases: [string, string][] = [
    ["Belarus's ambassador was summoned to the Lithuanian foreign ministry on Monday.", "LTU>BLR"],
    ["The Russian foreign ministry said the Latvian ambassador was handed a protest note.", "RUS>LVA"],
    ["МИД России сообщил, что послу Латвии вручена нота протеста.", "RUS>LVA"],
    ["Yunanistan'ın Ankara Büyükelçisi Dışişleri Bakanlığına çağrıldı.", "TUR>GRC"],
    ["L'ambassadeur de Belgique a été convoqué au ministère marocain des Affaires étrangères.", "MAR>BEL"],
    ["سفیر دانمارک در تهران به وزارت امور خارجه ایران احضار شد.", "IRN>DNK"],
    // Active wording stays as it was.
    ["Kazakhstan's foreign ministry handed a protest note to the Kyrgyz ambassador in Astana on Friday.", "KAZ>KGZ"],
  ];
  for (const [text, want] of cases) assert.deepEqual(directed(eventsOf(text), "ACCUSE"), [want], text);
});

test("a country joined to a title by 'to' is not the envoy's", () => {
  // The protest is Iran's, conveyed to the Saudi chargé: «به کاردار», "to the chargé".
  const evs = eventsOf("سخنگوی وزارت امور خارجه گفت: مراتب اعتراض شدید جمهوری اسلامی ایران به کاردار عربستان سعودی ابلاغ شد.");
  assert.deepEqual(directed(evs, "ACCUSE"), ["IRN>SAU"]);
});

test("an agent marker names who acts", () => {
  const cases: [string, string, string][] = [
    ["Two Moldovan diplomats were expelled by Russia on Friday.", "SANCTION", "RUS>MDA"],
    ["Moldovalı iki diplomat Rusya tarafından sınır dışı edildi.", "SANCTION", "RUS>MDA"],
    ["Lithuanian officials were accused by Belarus of organising the border incident.", "ACCUSE", "BLR>LTU"],
  ];
  for (const [text, type, want] of cases) assert.deepEqual(directed(eventsOf(text), type), [want], text);
  // "Condemned the attack by Israel": the marker belongs to another event word, not to the
  // condemnation, so it names the one condemned, not the one who condemns.
  const evs = eventsOf("Egypt condemned the attack by Israel on the convoy, the ministry said.");
  assert.deepEqual(directed(evs, "ACCUSE"), ["EGY>ISR"]);
});

test("a passive accusation is aimed at what its clause names; who acts stands outside it", () => {
  // A list in brackets inside the clause, the accuser in the main clause: one act towards each.
  const es = eventsOf("Ante la reacción de los gobiernos acusados de apoyar el golpe (Perú, Bolivia y Ecuador), el gobierno de Nicaragua calificó las declaraciones como inaceptables.");
  assert.deepEqual(directed(es, "ACCUSE"), ["NIC>BOL", "NIC>ECU", "NIC>PER"]);
  // No accuser in the sentence: the side the report is about.
  const en = eventsOf("Belarus has stepped up its rhetoric against its neighbours.\nLithuania and Latvia were accused of provoking the crisis on the border.");
  assert.deepEqual(directed(en, "ACCUSE"), ["BLR>LTU", "BLR>LVA"]);
  // The active form keeps its subject as the accuser.
  const active = eventsOf("Nicaragua acusó a los gobiernos de Perú, Bolivia y Ecuador de apoyar el golpe.");
  assert.deepEqual(directed(active, "ACCUSE"), ["NIC>BOL", "NIC>ECU", "NIC>PER"]);
});

test("a summons and an accusation told in another sentence are two acts", () => {
  const evs = eventsOf("Azerbaijan summoned the French ambassador on Monday over the remarks.\nIn recent months Baku has accused Paris of arming Armenia.");
  assert.equal(evs.filter((e) => e.type === "ACCUSE").length, 2, JSON.stringify(directed(evs, "ACCUSE")));
  // The same summons told twice stays one.
  const twice = eventsOf("Azerbaijan summoned the French ambassador on Monday over the remarks.\nThe French ambassador was summoned to the Azerbaijani foreign ministry, the ministry said.");
  assert.deepEqual(directed(twice, "ACCUSE"), ["AZE>FRA"]);
});

test("a joint subject condemns together; the one condemned is one more side", () => {
  const cases: [string, string][] = [
    ["Iran and Iraq condemned Israel over the blockade of Gaza.", "IRN+IRQ+ISR"],
    ["Россия и Китай осудили действия США в регионе.", "CHN+RUS+USA"],
    // The country the condemned attack was aimed at is not a side of the condemnation.
    ["La France et l'Allemagne ont condamné l'attaque de la Russie contre l'Ukraine.", "DEU+FRA+RUS"],
    ["وزرای امور خارجه ایران و عراق با محکوم‌کردن جنایات اسرائیل بر ضرورت اقدام تاکید کردند.", "IRN+IRQ+ISR"],
  ];
  for (const [text, want] of cases) {
    const accuse = eventsOf(text).filter((e) => e.type === "ACCUSE");
    assert.deepEqual(accuse.map((e) => e.actors.map((a) => a.country).sort().join("+")), [want], text);
  }
  // One subject: two sides, the condemner first ("by" goes with the shelling, not the verb).
  const one = eventsOf("Armenia condemned the shelling by Azerbaijan of its border villages.");
  assert.deepEqual(directed(one, "ACCUSE"), ["ARM>AZE"]);
});

test("one protest told again with more or fewer of its sides stays one", () => {
  const evs = eventsOf("Iran summoned the Portuguese ambassador on Tuesday.\nIran's foreign minister summoned the ambassador of Portugal and the head of the EU delegation over the decision.\nIran's foreign minister also condemned the European Union for the decision.");
  const accuse = evs.filter((e) => e.type === "ACCUSE");
  assert.deepEqual(accuse.map((e) => e.actors.map((a) => a.country).join("+")), ["IRN+PRT+EU"]);
  // Another protester is another act.
  const other = eventsOf("Iran summoned the Portuguese ambassador on Tuesday.\nSeparately, Iraq condemned the European Union for the decision.");
  assert.deepEqual(directed(other, "ACCUSE"), ["IRN>PRT", "IRQ>EU"]);
});

test("sanctions told as a noun with their agent go from the agent to the one sanctioned", () => {
  const cases: [string, string][] = [
    ["وزارت خارجه اعلام کرد درپی تحریم مقامات ایرانی از سوی اتحادیه اروپا، سفیر پرتغال احضار شد.", "EU>IRN"],
    ["Москва осудила новые санкции со стороны ЕС против российских компаний.", "EU>RUS"],
    ["AB tarafından uygulanan yaptırımlar İranlı yetkilileri kapsıyor.", "EU>IRN"],
  ];
  for (const [text, want] of cases) assert.deepEqual(directed(eventsOf(text), "SANCTION"), [want], text);
});

test("a protest note announced and then handed to the envoy is one protest", () => {
  const evs = eventsOf("Peru presented a protest note to Bolivia after the Bolivian government linked Peruvian diplomats to an attack on President Luis Arce.\nThat morning a senior Peruvian official handed the protest note to the Bolivian ambassador, Carlos Aparicio Vedia.");
  assert.deepEqual(directed(evs, "ACCUSE"), ["PER>BOL"]);
  // A note from the other side is another act.
  const back = eventsOf("Peru presented a protest note to Bolivia on Monday.\nBolivia handed a protest note to the Peruvian ambassador.");
  assert.deepEqual(directed(back, "ACCUSE"), ["BOL>PER", "PER>BOL"]);
});

test("rejections and threats told in the passive go from the agent to the one acted on", () => {
  const cases: [string, string, string][] = [
    ["The proposal of Armenia was rejected by Azerbaijan.", "REJECT", "AZE>ARM"],
    ["Le projet français a été rejeté par la Russie.", "REJECT", "RUS>FRA"],
    ["Moldova was threatened by Russia with retaliation.", "THREATEN", "RUS>MDA"],
  ];
  for (const [text, type, want] of cases) assert.deepEqual(directed(eventsOf(`Today.\n${text}`), type), [want], text);
});
