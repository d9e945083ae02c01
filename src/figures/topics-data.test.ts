// Checks of data/topics.json (owned with the figures stage): shape, the lexicon-writing rules of
// data/README.md, and that analyst cue phrases tag sentences with the expected topics only.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR, loadLexicon } from "../lexicon/index.js";
import { normalize, tokenize } from "../text/normalize.js";

const TOPICS = [
  "trade", "investment", "energy", "transport", "agriculture", "industry", "migration", "security", "military",
  "terrorism", "drugs", "health", "education", "culture", "science", "tourism", "environment", "humanitarian",
  "legal", "regional",
];
const LANGS = ["en", "ru", "uk", "ar", "tg", "fa", "uz", "kk", "ky", "tr", "fr", "de", "es", "zh", "hu"];

const topics = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "topics.json"), "utf8")) as Record<string, Record<string, string[]>>;

test("topics.json covers the 20 SCHEMA topics in 15 languages", () => {
  assert.deepEqual(Object.keys(topics).sort(), [...TOPICS].sort());
  for (const t of TOPICS) {
    assert.deepEqual(Object.keys(topics[t]).sort(), [...LANGS].sort(), t);
    for (const l of LANGS) assert.ok(topics[t][l].length >= 2, `${t}/${l} has cues`);
  }
});

test("single-word open prefixes keep at least 4 letters before *", () => {
  for (const [t, per] of Object.entries(topics))
    for (const [l, list] of Object.entries(per))
      for (const p of list) {
        if (l === "zh" || /\s/.test(p) || !p.endsWith("*")) continue;
        const stem = p.slice(0, -1).split("-").pop()!.replace(/['’ʻ]/g, "");
        assert.ok([...stem].length >= 4, `${t}/${l}: ${p}`);
      }
});

function topicsOf(sentence: string): string[] {
  const lex = loadLexicon();
  const nt = normalize(sentence);
  const hits = [...lex.matcher.matchTokens(tokenize(sentence, nt)), ...lex.matcher.matchHan(nt)];
  return [...new Set(hits.filter((m) => (m.payload as { kind: string }).kind === "topic").map((m) => (m.payload as { id: string }).id))].sort();
}

test("cue phrases tag the expected topics", () => {
  assert.deepEqual(topicsOf("The ministers discussed trade, energy supplies and the fight against terrorism."), ["energy", "terrorism", "trade"]);
  assert.deepEqual(topicsOf("Стороны обсудили товарооборот, инвестиции и трудовую миграцию."), ["investment", "migration", "trade"]);
  assert.deepEqual(topicsOf("وبحث الجانبان التعاون في مجالات الزراعة والسياحة ومكافحة المخدرات."), ["agriculture", "drugs", "tourism"]);
  assert.deepEqual(topicsOf("Taraflar ticaret, turizm ve sağlık alanlarında işbirliğini ele aldı."), ["health", "tourism", "trade"]);
  assert.deepEqual(topicsOf("Tomonlar ta'lim, madaniyat va transport sohalaridagi hamkorlikni muhokama qildi."), ["culture", "education", "transport"]);
  assert.deepEqual(topicsOf("双方就经贸、能源和气候变化问题交换了意见。"), ["energy", "environment", "trade"]);
  assert.deepEqual(topicsOf("Les deux présidents ont évoqué la sécurité régionale et la coopération militaire."), ["military", "regional", "security"]);
});

test("frequent words of every diplomatic article tag no topic", () => {
  assert.deepEqual(topicsOf("The presidents discussed bilateral relations and cooperation and exchanged views."), []);
  assert.deepEqual(topicsOf("Президенты обсудили двусторонние отношения и сотрудничество."), []);
  assert.deepEqual(topicsOf("Президенти Тоҷикистон бо Президенти Эрон дидор намуд ва муносибатҳои дуҷонибаро барқарор ҳисобид."), []);
  // Names and look-alikes: Pezeshkian is not medicine, "the transition period" is not transport.
  assert.deepEqual(topicsOf("پزشکیان با رئیس‌جمهور دیدار کرد."), []);
  assert.deepEqual(topicsOf("The rules apply after a transition period."), []);
});
