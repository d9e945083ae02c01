// Matching that tolerates real word order and morphology: gaps inside trigger phrases, person
// names in Slavic cases, possessives after short names. Sentences written for these tests.
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalize, tokenize } from "../text/normalize.js";
import { russianImperfective, turkishParticiples } from "./aspect.js";
import { longestNonOverlapping, PhraseMatcher } from "./matcher.js";

type Kind = "trigger" | "neg" | "person" | "country";
const payload = (kind: Kind, id: string) => ({ kind, id });
type P = ReturnType<typeof payload>;

function matcher(): PhraseMatcher<P> {
  return new PhraseMatcher<P>((p) => p.kind === "trigger" || p.kind === "neg" || p.kind === "person");
}

/** Matches of one kind, de-overlapped as the mentions stage does, as "id:surface". */
function find(m: PhraseMatcher<P>, text: string, kind: Kind, lang?: string): string[] {
  const hits = m.matchTokens(tokenize(text, normalize(text)), lang).filter((h) => h.payload.kind === kind);
  return longestNonOverlapping(hits).map((h) => `${h.payload.id}:${text.slice(h.start, h.end)}`);
}

test("a trigger phrase bridges modifiers between its words", () => {
  const m = matcher();
  m.add("вызвал* посла", "ru", payload("trigger", "summon"), { gaps: true });
  m.add("summoned ambassador", "en", payload("trigger", "summon"), { gaps: true });
  m.add("entretien avec", "fr", payload("trigger", "talks"), { gaps: true });
  assert.deepEqual(find(m, "МИД Чехии вызвало российского посла в понедельник", "trigger"), ["summon:вызвало российского посла"]);
  assert.deepEqual(find(m, "The ministry summoned the Iranian ambassador on Friday", "trigger"), ["summon:summoned the Iranian ambassador"]);
  // An inserted phrase between two commas is bridged.
  assert.deepEqual(find(m, "Il a eu un entretien, mardi soir, avec son homologue", "trigger"), ["talks:entretien, mardi soir, avec"]);
  // Too many words in between: no longer one phrase.
  assert.deepEqual(find(m, "The ministry summoned the newly appointed Iranian ambassador", "trigger"), []);
});

test("a gap stops at clause punctuation and at a single comma", () => {
  const m = matcher();
  m.add("entretien avec", "fr", payload("trigger", "talks"), { gaps: true });
  m.add("held talks", "en", payload("trigger", "talks"), { gaps: true });
  assert.deepEqual(find(m, "Un entretien prévu; avec lui rien", "trigger"), []);
  assert.deepEqual(find(m, "L'entretien fut bref, avec des mots durs", "trigger"), []);
  assert.deepEqual(find(m, "They held lengthy talks", "trigger"), ["talks:held lengthy talks"]);
  assert.deepEqual(find(m, "They held firm: talks", "trigger"), []);
});

test("a gap does not swallow another trigger, a negation or a person", () => {
  const m = matcher();
  m.add("held talks", "en", payload("trigger", "talks"), { gaps: true });
  m.add("rejected", "en", payload("trigger", "reject"));
  m.add("not", "en", payload("neg", "not"));
  m.add("Lavrov", "en", payload("person", "lavrov"), { capitalized: true });
  m.add("Iranian", "en", payload("country", "IRN"));
  assert.deepEqual(find(m, "They held rejected talks", "trigger"), ["reject:rejected"]);
  assert.deepEqual(find(m, "They held not talks", "trigger"), []);
  assert.deepEqual(find(m, "They held Lavrov talks", "trigger"), []);
  // A country adjective is a modifier the gap may hold.
  assert.deepEqual(find(m, "They held Iranian talks", "trigger"), ["talks:held Iranian talks"]);
});

test("gaps are for phrases that ask for them, and never before a closing short word", () => {
  const m = matcher();
  m.add("Saudi Arabia", "en", payload("country", "SAU"), { capitalized: true });
  m.add("freed the", "en", payload("trigger", "release"), { gaps: true });
  assert.deepEqual(find(m, "Saudi and Egyptian Arabia", "country"), []);
  assert.deepEqual(find(m, "restored freedom of navigation in the sea", "trigger"), []);
  assert.deepEqual(find(m, "they freed the sailors", "trigger"), ["release:freed the"]);
});

test("Russian and Ukrainian person names decline, adjectival surnames included", () => {
  const m = matcher();
  m.add("Владимир Зеленский", "ru", payload("person", "zelensky"), { capitalized: true, person: true });
  m.add("Зеленский", "ru", payload("person", "zelensky"), { capitalized: true, person: true });
  m.add("Лавров", "ru", payload("person", "lavrov"), { capitalized: true, person: true });
  m.add("Мария Захарова", "ru", payload("person", "zakharova"), { capitalized: true, person: true });
  m.add("Сийярто", "ru", payload("person", "szijjarto"), { capitalized: true, person: true });
  m.add("Зеленський", "uk", payload("person", "zelensky"), { capitalized: true, person: true });
  assert.deepEqual(find(m, "Встреча с Владимиром Зеленским и Лавровым", "person"), ["zelensky:Владимиром Зеленским", "lavrov:Лавровым"]);
  assert.deepEqual(find(m, "визит Зеленского, слова Марии Захаровой", "person"), ["zelensky:Зеленского", "zakharova:Марии Захаровой"]);
  assert.deepEqual(find(m, "Зеленскому позвонил Сийярто", "person"), ["zelensky:Зеленскому", "szijjarto:Сийярто"]);
  assert.deepEqual(find(m, "розмова із Зеленським", "person"), ["zelensky:Зеленським"]);
  // The stem alone takes no foreign ending, and the town is not the man.
  assert.deepEqual(find(m, "Зеленскть и зеленского", "person"), []);
});

test("Cyrillic endings with й match their folded form", () => {
  const m = matcher();
  m.add("Росси", "ru", payload("country", "RUS"), { capitalized: true });
  assert.deepEqual(find(m, "переговоры с Россией", "country"), ["RUS:Россией"]);
});

test("a possessive after a short name: UK's, US's, EU’s", () => {
  const m = matcher();
  m.add("UK", "en", payload("country", "GBR"), { capitalized: true, upper: true });
  m.add("US", "en", payload("country", "USA"), { capitalized: true, upper: true });
  m.add("EU", "en", payload("country", "EU"), { capitalized: true, upper: true });
  m.add("People's Republic of China", "en", payload("country", "CHN"), { capitalized: true });
  assert.deepEqual(find(m, "the UK's envoy, the US's view and the EU’s chief", "country"), ["GBR:UK's", "USA:US's", "EU:EU’s"]);
  assert.deepEqual(find(m, "the People's Republic of China", "country"), ["CHN:People's Republic of China"]);
  // Not a possessive: a plural, or the pronoun.
  assert.deepEqual(find(m, "UKs and us", "country"), []);
});

test("Russian perfective triggers also match their imperfective partners", () => {
  assert.deepEqual(russianImperfective("вызвал"), ["вызывал"]);
  assert.deepEqual(russianImperfective("направили"), ["направляли"]);
  assert.deepEqual(russianImperfective("приехала"), ["приезжала"]);
  assert.deepEqual(russianImperfective("встретил"), ["встрещал", "встречал"]);
  // Already imperfective, or not a past tense: nothing.
  assert.deepEqual(russianImperfective("приветствовал"), []);
  assert.deepEqual(russianImperfective("посла"), []);
  const m = matcher();
  m.add("вызвал* посла", "ru", payload("trigger", "summon"), { gaps: true });
  m.add("направил* ноту", "ru", payload("trigger", "protest"), { gaps: true });
  assert.deepEqual(find(m, "Министерство не раз вызывало посла", "trigger"), ["summon:вызывало посла"]);
  assert.deepEqual(find(m, "Стороны направляли протестную ноту", "trigger"), ["protest:направляли протестную ноту"]);
  // Rules are for triggers only.
  m.add("Собрал", "ru", payload("country", "X"), { capitalized: true });
  assert.deepEqual(find(m, "Собирал", "country"), []);
});

test("Turkish past-tense triggers also match their relative forms", () => {
  assert.deepEqual(turkishParticiples("gorustu"), ["gorustug*", "gorustuk*"]);
  const m = matcher();
  m.add("görüştü", "tr", payload("trigger", "talks"), { gaps: true });
  m.add("talep etti", "tr", payload("trigger", "demand"), { gaps: true });
  assert.deepEqual(find(m, "Dün görüştüğümüz heyet", "trigger"), ["talks:görüştüğümüz"]);
  assert.deepEqual(find(m, "bakanların görüştükleri konular", "trigger"), ["talks:görüştükleri"]);
  assert.deepEqual(find(m, "hükümetin talep ettiği adımlar", "trigger"), ["demand:talep ettiği"]);
  assert.deepEqual(find(m, "görüşme yapıldı", "trigger"), []);
});

test("a word may be written in several forms with |", () => {
  const m = matcher();
  m.add("met|meeting* counterpart", "en", payload("trigger", "talks"));
  assert.deepEqual(find(m, "she met counterpart Li, meetings counterpart", "trigger"), ["talks:met counterpart", "talks:meetings counterpart"]);
  // Forms must share the first two letters of the first (the phrase is indexed by them).
  m.add("held|hold talks", "en", payload("trigger", "held"));
  assert.deepEqual(find(m, "they hold talks", "trigger"), []);
});

test("Persian light verbs: written apart, with ZWNJ or joined, and in the infinitive", () => {
  const m = matcher();
  m.add("محکوم کرد", "fa", payload("trigger", "condemn"), { gaps: true });
  m.add("دیدار کرد", "fa", payload("trigger", "meet"), { gaps: true });
  assert.deepEqual(find(m, "وزیر این حمله را محکوم کرد", "trigger"), ["condemn:محکوم کرد"]);
  assert.deepEqual(find(m, "با محکوم\u200cکردن این حمله", "trigger"), ["condemn:محکوم\u200cکردن"]);
  assert.deepEqual(find(m, "با محکومکردن این حمله", "trigger"), ["condemn:محکومکردن"]);
  assert.deepEqual(find(m, "پس از محکوم کردن حمله", "trigger"), ["condemn:محکوم کردن"]);
  assert.deepEqual(find(m, "رئیس جمهور با همتای خود دیدارکرده است", "trigger"), ["meet:دیدارکرده"]);
  // A light verb is not joined to another word.
  assert.deepEqual(find(m, "محکومیت کردند", "trigger"), []);
});
