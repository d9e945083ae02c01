// The compiled lexicon on disk (snapshot.ts): read back, it is the lexicon that was built (same
// phrases, indexes, markers and persons) and finds the same matches in every script; a snapshot
// of other data or code is not used, and snapshots can be turned off.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { test } from "node:test";
import { normalize, tokenize } from "../text/normalize.js";
import { buildLexicon, holdingsByKey, type Lexicon } from "./index.js";
import { PackedPersons, PackedPhrases } from "./packed.js";
import { deserializeLexicon, readLexiconSnapshot, saveLexiconSnapshot, serializeLexicon, snapshotDir, snapshotKey } from "./snapshot.js";

const built = buildLexicon();
const restored = deserializeLexicon(serializeLexicon(built, "k"), "k")!;

/** Every match of the lexicon's matcher, as comparable text. */
function matches(lex: Lexicon, text: string, lang: string): string[] {
  const nt = normalize(text);
  return [...lex.matcher.matchTokens(tokenize(text, nt), lang), ...lex.matcher.matchHan(nt, lang)].map(
    (h) => `${JSON.stringify(h.payload)} ${h.start}-${h.end} ${h.tokenStart}-${h.tokenEnd} +${h.extra} ${h.surface}`,
  );
}

// Sentences written for this test, one or two per language and script the lexicon covers.
const SENTENCES: [string, string][] = [
  ["en", "The foreign ministers of Kazakhstan and Turkey met in Ankara and signed a memorandum on transit trade; the UN envoy condemned the strikes."],
  ["en", "President Putin did not visit Beijing, but Russia's ambassador was summoned by the Chinese Foreign Ministry."],
  ["ru", "Министр иностранных дел Таджикистана провёл переговоры с послом Ирана в Душанбе и осудил удары по Газе."],
  ["uk", "Президент України зустрівся з прем'єр-міністром Польщі у Варшаві."],
  ["ar", "التقى وزير الخارجية المصري بنظيره الأردني في عمان وبحثا العلاقات الثنائية."],
  ["fa", "وزیر امور خارجه ایران با همتای ترکمن خود در عشق‌آباد دیدار و گفتگو کرد."],
  ["tr", "Dışişleri Bakanı, Azerbaycan Cumhurbaşkanı ile Bakü'de görüştü ve iş birliği anlaşması imzaladı."],
  ["uz", "O'zbekiston Prezidenti Xitoy Bosh vaziri bilan Toshkentda uchrashdi."],
  ["uz", "Ўзбекистон Президенти Хитой Бош вазири билан Тошкентда учрашди."],
  ["zh", "中国外交部长在北京会见了哈萨克斯坦总统，双方签署了合作协议。"],
  ["fr", "Le ministre des Affaires étrangères de la France a rencontré son homologue marocain à Rabat."],
  ["de", "Der Bundeskanzler hat den Präsidenten der Ukraine in Berlin empfangen."],
  ["hu", "A magyar külügyminiszter Lavrovval tárgyalt Moszkvában."],
];

test("a snapshot read back holds the lexicon that was built", () => {
  assert.ok(built.matcher.size > 1000, "a real lexicon");
  assert.ok(isDeepStrictEqual(restored.matcher.exportState(), built.matcher.exportState()), "matcher state");
  const { matcher: _m1, countryName: _c1, persons: p1, ...rest1 } = built;
  const { matcher: _m2, countryName: _c2, persons: p2, ...rest2 } = restored;
  assert.ok(isDeepStrictEqual(rest2, rest1), "markers, offices, places, version");
  assert.equal(p2.size, p1.size);
  assert.ok(isDeepStrictEqual(new Map(p2), p1), "persons");
  for (const code of ["RUS", "TJK", "CHN", "XXX"]) assert.equal(restored.countryName(code), built.countryName(code));
});

test("the compiled form finds exactly the matches of the built one, in every script", () => {
  let total = 0;
  for (const [lang, s] of SENTENCES) {
    const want = matches(built, s, lang);
    total += want.length;
    assert.deepEqual(matches(restored, s, lang), want, s);
    // Also read without a language, as before detection.
    assert.deepEqual(matches(restored, s, "und"), matches(built, s, "und"), s);
  }
  assert.ok(total > 30, `the sentences hit the lexicon (${total} matches)`);
});

test("a snapshot read back builds only the phrases the text looks up, and finds the same matches", () => {
  // A fresh read (the lexicon above was compared whole, which builds every phrase).
  const lazy = deserializeLexicon(serializeLexicon(built, "k"), "k")!;
  const source = (lazy.matcher as unknown as { source: PackedPhrases<unknown> | null }).source;
  assert.ok(source instanceof PackedPhrases, "phrases left in their packed form");
  for (const [lang, s] of SENTENCES) assert.deepEqual(matches(lazy, s, lang), matches(built, s, lang), s);
  assert.ok(source.parsed > 0 && source.parsed < source.phraseCount / 10, `${source.parsed} of ${source.phraseCount} phrases built`);
});

test("a snapshot read back files every term of office under the same keys, holder for holder", () => {
  const lazy = deserializeLexicon(serializeLexicon(built, "k"), "k")!;
  assert.ok(lazy.persons instanceof PackedPersons);
  const index = holdingsByKey(built.persons.values());
  assert.ok(index.size > 100, "a real index");
  for (const [key, list] of index) assert.deepEqual(lazy.persons.holders(key).map((h) => [h.p, h.t]), list.map((h) => [h.p, h.t]), key);
  assert.deepEqual(lazy.persons.holders("XXX|head_of_state"), []);
  assert.equal(lazy.persons.get("no such person"), undefined);
});

test("phrases added after a restore get their other spellings, as when built", () => {
  const a = buildLexicon(), b = deserializeLexicon(serializeLexicon(a, "k"), "k")!;
  for (const lex of [a, b]) lex.matcher.add("Yangi shahar", "uz", { kind: "place", id: "Test", country: "UZB" }, { capitalized: true });
  const text = "Янги шаҳар";
  assert.deepEqual(matches(b, text, "uz"), matches(a, text, "uz"));
  assert.ok(matches(b, text, "uz").some((m) => m.includes('"Test"')), "the Cyrillic spelling was added");
});

test("snapshots on disk: saved once, read back for the same key, ignored for another, off on request", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-lexicon-"));
  try {
    assert.equal(readLexiconSnapshot(dir), null);
    saveLexiconSnapshot(built, dir);
    const files = fs.readdirSync(dir);
    assert.deepEqual(files, [`lexicon-${snapshotKey()}.v8`]);
    const back = readLexiconSnapshot(dir);
    assert.ok(back && isDeepStrictEqual(back.matcher.exportState(), built.matcher.exportState()));
    // A file of another key under the current name (stale data or code) is not used.
    fs.writeFileSync(path.join(dir, files[0]), serializeLexicon(built, "other"));
    assert.equal(readLexiconSnapshot(dir), null);
    fs.writeFileSync(path.join(dir, files[0]), "not a snapshot");
    assert.equal(readLexiconSnapshot(dir), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(snapshotDir({ PARLEY_LEXICON_CACHE: "0" }), null);
  assert.equal(snapshotDir({ PARLEY_LEXICON_CACHE: "/x/y" }), path.resolve("/x/y"));
});

test("a payload with a key an object literal would read as its prototype comes back as an own key", () => {
  const a = buildLexicon();
  // JSON.parse makes "__proto__" an own property; the packed reader builds payloads from literals.
  const payload = JSON.parse('{"kind":"org","id":"Velmora Gate","__proto__":"x"}') as { kind: "org"; id: string };
  a.matcher.add("Velmora Gate", "en", payload, { capitalized: true });
  const b = deserializeLexicon(serializeLexicon(a, "k"), "k")!;
  const text = "They met at Velmora Gate.";
  const hit = b.matcher.matchTokens(tokenize(text, normalize(text)), "en").find((h) => (h.payload as { id?: string }).id === "Velmora Gate");
  assert.ok(hit, "the phrase is found after the restore");
  assert.equal(Object.getPrototypeOf(hit.payload), Object.prototype);
  assert.ok(Object.hasOwn(hit.payload as object, "__proto__"));
  assert.deepEqual(matches(b, text, "en"), matches(a, text, "en"));
});
