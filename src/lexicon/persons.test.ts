// The person files (data/persons/*.json): well-formed terms, one record per person across the
// files, and single-word aliases that point to one person only.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fold } from "../text/normalize.js";
import { DATA_DIR, holderNamed, holderOf, loadLexicon, termOn } from "./index.js";

const lex = loadLexicon();
const files = fs.readdirSync(path.join(DATA_DIR, "persons")).filter((f) => f.endsWith(".json"));
const records = files.flatMap((f) => (JSON.parse(fs.readFileSync(path.join(DATA_DIR, "persons", f), "utf8")) as Array<Record<string, unknown>>).map((r) => ({ f, r })));

test("every term is dated, with a known role, and ends after it starts", () => {
  const roles = new Set([...lex.offices.values()].map((o) => o.role));
  for (const { f, r } of records) {
    if (!r.id) {
      assert.ok(typeof r._source === "string", `${f}: a record without id must be a source note`);
      continue;
    }
    for (const t of r.terms as Array<{ country: string; role: string; from: string; to: string | null }>) {
      assert.ok(roles.has(t.role as never), `${f} ${r.id}: role ${t.role}`);
      assert.match(t.from, /^\d{4}(-\d{2}(-\d{2})?)?$/, `${f} ${r.id}: from ${t.from}`);
      if (t.to !== null) assert.ok(t.to >= t.from, `${f} ${r.id}: ${t.from} > ${t.to}`);
    }
  }
});

test("one person is one record: no two ids share an English full name", () => {
  const byName = new Map<string, string>();
  for (const p of lex.persons.values()) {
    const key = fold(p.name);
    const other = byName.get(key);
    assert.ok(!other || other === p.id, `${p.name}: ${other} and ${p.id}`);
    byName.set(key, p.id);
  }
});

test("the files added (PETRARCH2, leaders since 2015) add no single-word alias another person carries", () => {
  const owners = new Map<string, Set<string>>();
  for (const p of lex.persons.values()) for (const list of Object.values(p.names)) for (const n of list) if (!/\s/.test(n.trim())) owners.set(fold(n), (owners.get(fold(n)) ?? new Set()).add(p.id));
  for (const { f, r } of records) {
    if (!r.id || !/^(petrarch2|leaders-2015)\.json$/.test(f)) continue;
    for (const list of Object.values(r.names as Record<string, string[]>)) for (const n of list) if (!/\s/.test(n.trim())) assert.equal(owners.get(fold(n))?.size, 1, `${f} ${r.id}: "${n}" is shared`);
  }
});

test("merged records complete a person: a PETRARCH term before 2015 and the project's later ones", () => {
  const kurz = [...lex.persons.values()].find((p) => p.name === "Sebastian Kurz")!;
  assert.equal(termOn(kurz, "2016-05-01")?.role, "foreign_minister");
  assert.equal(termOn(kurz, "2018-05-01")?.role, "head_of_government");
  assert.equal(holderOf(lex, "SLE", "president", "2023-01-10")?.name, "Julius Maada Bio");
  // Open terms of the source end where its coverage ends: no claim about later years.
  const open = [...lex.persons.values()].filter((p) => p.id.startsWith("pt_") && p.terms.some((t) => t.to === "2014-01-30"));
  assert.ok(open.length > 100 && open.every((p) => termOn(p, "2020-06-01") === null));
});

test("with no date, a person's office is the one held last, not the one that began last", () => {
  const p = {
    id: "x", name: "A Person", names: {},
    terms: [
      { country: "TJK", office: "president", role: "head_of_state" as const, from: "1994-11-16", to: null },
      { country: "TJK", office: "minister", role: "minister" as const, from: "2003-01-01", to: "2014-01-30" },
    ],
  };
  assert.equal(termOn(p, null)?.role, "head_of_state");
  // A minister who became prime minister is prime minister.
  const q = { ...p, terms: [{ country: "AUT", office: "foreign_minister", role: "foreign_minister" as const, from: "2013-12-16", to: "2017-12-18" }, { country: "AUT", office: "chancellor", role: "head_of_government" as const, from: "2017-12-18", to: "2019-05-28" }] };
  assert.equal(termOn(q, null)?.role, "head_of_government");
});

test("a name spelled otherwise than the lexicon has it is the office holder it resembles", () => {
  // One letter more or less in the surname, in another script's spelling.
  assert.equal(holderNamed(lex, "ESP", "prime_minister", "Педро Санчэс")?.name, "Pedro Sánchez");
  assert.equal(holderNamed(lex, "ESP", "head_of_government", "Pedro Sanches")?.name, "Pedro Sánchez");
  // Another name, or the same name for an office the person never held, is no one known.
  assert.equal(holderNamed(lex, "ESP", "prime_minister", "Juan García López"), null);
  assert.equal(holderNamed(lex, "ESP", "foreign_minister", "Педро Санчэс"), null);
});

test("Iran's foreign ministry spokespersons follow one another, one at a time", () => {
  const ids = ["afkham", "ghasemi_bahram", "mousavi_abbas", "khatibzadeh", "kanaani", "baghaei"];
  const series = ids.map((id) => lex.persons.get(id)!);
  assert.ok(series.every(Boolean));
  const on = (date: string) => series.filter((p) => termOn(p, date)).map((p) => p.id);
  assert.deepEqual(on("2014-06-01"), ["afkham"]);
  assert.deepEqual(on("2018-01-01"), ["ghasemi_bahram"]);
  assert.deepEqual(on("2020-05-21"), ["mousavi_abbas"]);
  assert.deepEqual(on("2021-01-10"), ["khatibzadeh"]);
  assert.deepEqual(on("2025-01-10"), ["baghaei"]);
});

test("a person of a Spanish-speaking country is also known by the given name and first surname", () => {
  const uribe = [...lex.persons.values()].find((p) => p.name === "Alvaro Uribe Velez");
  assert.ok(uribe?.names.en?.includes("Alvaro Uribe"), JSON.stringify(uribe?.names));
  // Not for countries that write one surname: the short form would be another name.
  const russians = [...lex.persons.values()].filter((p) => p.terms.every((t) => t.country === "RUS") && (p.names.en?.[0] ?? "").split(" ").length >= 3);
  for (const p of russians.slice(0, 20)) assert.equal(p.names.en!.length, new Set(p.names.en).size);
  assert.ok(!russians.some((p) => p.names.en!.some((n) => n.split(" ").length === 2 && p.names.en![0].startsWith(n + " "))));
});
