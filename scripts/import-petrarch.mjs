#!/usr/bin/env node
// Converts the person records of the PETRARCH2 actor dictionaries (MIT, Open Event Data
// Alliance; format: ../shared/data/petrarch2/dictionaries.rst) into the project's person format
// (data/README.md) and writes data/persons/petrarch2.json, with the licence beside it.
//
//   node scripts/import-petrarch.mjs [PETRARCH_DIR]
//
// What is kept: persons with a dated government term that maps to one of our roles.
//   - Country leaders (records with an ELI "elite" code around their GOV term) come from the
//     source's leader lists: per country, first the heads of state in order of office, then the
//     heads of government. The lists are told apart where the order of the terms starts again;
//     each leader's term is the one that follows on from the predecessor's. A title among the
//     synonyms (PRESIDENT_..., PRIME_MINISTER_..., KING_...) decides where there is one; a short
//     list between the two (a regent, an interim vice-president) is skipped.
//   - Cabinet members (GOV, GOVBUS, GOVAGR... without ELI codes) become ministers; a synonym
//     "FOREIGN_MINISTER_..." makes a foreign minister.
//   - Heads of international organisations (the source's IGOrulers list) of the UN, the World
//     Bank and the IMF become org_head.
// Terms are dated; an open term (">YYMMDD") ends where the source's coverage ends, since who
// still held the office after that is unknown. Terms that ended before 2000 are dropped.
// Persons already in data/persons (same English full name) get the missing terms and names
// under their own id; nothing is duplicated. Single-word aliases are kept only when the source
// lists them, they are no English word, no country or capital, and no other person shares them.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.resolve(process.argv[2] ?? path.join(root, "../shared/data/petrarch2"));
const OUT = path.join(root, "data/persons/petrarch2.json");
/** Where each file's coverage ends (its generation date). */
const COVERAGE_END = { "Phoenix.Countries.actors.txt": "2014-01-30", "Phoenix.International.actors.txt": "2014-01-30" };
const OLDEST_END = "2000-01-01";

/** Records of an actor dictionary: { names: [...], codes: [{ code, from, to }], comment }. */
export function parseActors(text) {
  const records = [];
  let cur = null;
  const codeRe = /\[([^\]\s]*)(?:\s+([^\]]*))?\]/g;
  const readCodes = (s) => {
    for (const m of s.matchAll(codeRe)) cur.codes.push({ code: m[1], range: (m[2] ?? "").trim() });
  };
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.startsWith("#")) continue;
    const hash = raw.search(/[#;]/);
    const body = hash >= 0 ? raw.slice(0, hash) : raw;
    const comment = hash >= 0 ? raw.slice(hash) : "";
    if (/^\s/.test(raw) && /^\s*\[/.test(body)) {
      if (cur) readCodes(body);
      continue;
    }
    const trimmed = body.trim();
    const syn = trimmed.startsWith("+");
    const phrase = trimmed.replace(/^\+/, "").replace(/\[.*$/, "").trim();
    // A name line without "+" after the record's codes starts a new record; before them it is
    // another spelling of the same one.
    if (!cur || (!syn && cur.codes.length)) {
      cur = { names: [], codes: [], comment: "" };
      records.push(cur);
    }
    if (phrase) cur.names.push(phrase);
    cur.comment += comment;
    readCodes(body);
  }
  return records;
}

/** "910906" or "19910906" -> "1991-09-06" (two-digit years up to 20 are this century). */
export function parseDate(s) {
  let y, rest;
  if (/^\d{8}$/.test(s)) [y, rest] = [s.slice(0, 4), s.slice(4)];
  else if (/^\d{6}$/.test(s)) [y, rest] = [(Number(s.slice(0, 2)) <= 20 ? "20" : "19") + s.slice(0, 2), s.slice(2)];
  else return null;
  const mm = rest.slice(0, 2), dd = rest.slice(2);
  if (mm < "01" || mm > "12" || dd < "01" || dd > "31") return null;
  return `${y}-${mm}-${dd}`;
}

/** A code's date range as { from, to } (null when undated or unreadable). */
export function parseRange(range, coverageEnd) {
  let m;
  if ((m = /^(\d{6,8})\s*-\s*(\d{6,8})$/.exec(range))) {
    const from = parseDate(m[1]), to = parseDate(m[2]);
    return from && to && from <= to ? { from, to } : null;
  }
  if ((m = /^>\s*(\d{6,8})$/.exec(range))) {
    const from = parseDate(m[1]);
    return from && from <= coverageEnd ? { from, to: coverageEnd } : null;
  }
  return null;
}

const HONORIFIC = /^(AYATOLLAH|HOJATOLISLAM|HOJJATOLESLAM|SAYYED|SEYED|SHEIKH|SHAIKH|SIR|DR\.?)$/;
const PARTICLES = new Set(["al", "el", "bin", "ibn", "bint", "de", "da", "dos", "das", "do", "du", "van", "von", "der", "den", "la", "le", "di", "del", "y"]);
/** "MOHAMMAD_JAVAD_ZARIF" -> "Mohammad Javad Zarif", "BASHAR_AL-ASSAD" -> "Bashar al-Assad". */
export function displayName(phrase) {
  const words = phrase.replace(/_+/g, " ").trim().split(/\s+/).filter((w, i, all) => !(HONORIFIC.test(w) && i < all.length - 2));
  return words
    .map((w, i) =>
      w
        .toLowerCase()
        .split("-")
        .map((part, j, parts) => {
          if (PARTICLES.has(part) && (i > 0 || (j === 0 && parts.length > 1))) return part;
          return part.replace(/^(mc|o')?(\p{L})/u, (_, pre = "", c) => (pre ? pre[0].toUpperCase() + pre.slice(1) : "") + c.toUpperCase());
        })
        .join("-"),
    )
    .join(" ");
}

// Words that make a synonym a title phrase rather than a name.
const TITLE_WORDS = /(^|_)(PRESIDENT|PRIME|MINISTER|PREMIER|KING|QUEEN|EMIR|AMIR|SULTAN|SHEIKH|SHEIK|PRINCE|CROWN|SECRETARY|CHIEF|CHAIRMAN|GENERAL|GEN\.|COLONEL|COL\.|LEADER|MR\.?|MRS\.?|DR\.?|AMBASSADOR|SPEAKER|FOREIGN|DEFENSE|DEFENCE|INTERIOR|FINANCE|GOVERNOR|MAYOR|DEPUTY|VICE|FORMER|PARTY|ACTING|SENATOR|REP\.|OPPOSITION|ARMY|COMMANDER|PRESIDENTIAL|MINISTRY|OFFICIAL|SPOKESMAN|ENVOY|HEAD|UN|U\.N\.|NATO|OF|THE|COUNCIL|COMMITTEE|GOVERNMENT|JUNTA|TANK|FRONT|MOVEMENT|[A-Z]+IAN|[A-Z]+ESE|[A-Z]+ISH)(_|$)/;
const HOS_TITLE = /(^|_)(?<!VICE_)(PRESIDENT|KING|QUEEN|EMIR|AMIR|SULTAN)_/;
const HOG_TITLE = /(^|_)(PRIME_MINISTER|PREMIER|CHANCELLOR)_/;
const FM_TITLE = /(^|_)FOREIGN_(MINISTER|SECRETARY)_/;
const MONARCH = [[/(^|_)KING_/, "king"], [/(^|_)QUEEN_/, "king"], [/(^|_)(EMIR|AMIR)_/, "emir"], [/(^|_)SULTAN_/, "sultan"]];

const ORG_HEADS = { IGOUNO: ["UN", "secretary_general"], IGOUNODEVWBK: ["WB", "org_president"], IGOBUSIMF: ["IMF", "org_president"] };

/**
 * The leader term of each leader record and the list it belongs to: per country, records in
 * file order; the term chosen is the GOV term starting nearest to the predecessor's end, and a
 * term starting well before the predecessor's starts a new list. The first list holds heads of
 * state, the last one (of at least three leaders) heads of government.
 */
export function leaderTerms(records) {
  const byCountry = new Map();
  for (const r of records) {
    const eli = r.codes.find((c) => /^[A-Z]{3}ELI$/.test(c.code));
    if (!eli) continue;
    const cc = eli.code.slice(0, 3);
    const ranges = r.codes.filter((c) => c.code === cc + "GOV").map((c) => parseRange(c.range, "2014-01-30")).filter(Boolean);
    if (!ranges.length) continue;
    (byCountry.get(cc) ?? byCountry.set(cc, []).get(cc)).push({ r, ranges });
  }
  const out = new Map();
  for (const [cc, list] of byCountry) {
    const blocks = [[]];
    let prev = null;
    for (const x of list) {
      const target = prev?.to ?? "0000";
      const chosen = [...x.ranges].sort((a, b) => Math.abs(Date.parse(a.from) - Date.parse(target)) - Math.abs(Date.parse(b.from) - Date.parse(target)))[0];
      const best = prev ? chosen : [...x.ranges].sort((a, b) => a.from.localeCompare(b.from))[0];
      if (prev && Date.parse(best.from) < Date.parse(prev.from) - 2 * 365 * 864e5) blocks.push([]);
      blocks.at(-1).push({ r: x.r, term: best });
      prev = best;
    }
    const last = blocks.length > 1 && blocks.at(-1).length >= 3 ? blocks.at(-1) : null;
    for (const x of blocks[0]) out.set(x.r, { country: cc, role: "head_of_state", ...x.term });
    if (last) for (const x of last) out.set(x.r, { country: cc, role: "head_of_government", ...x.term });
  }
  return out;
}

/** Persons of one dictionary file, in our format (terms and English names), before merging. */
export { blockedWords };
export function convert(records, file) {
  const coverageEnd = COVERAGE_END[file] ?? "2014-01-30";
  const leaders = leaderTerms(records);
  const out = [];
  for (const r of records) {
    if (!r.names.length) continue;
    const all = r.names.join(" ");
    const isLeader = r.codes.some((c) => /^[A-Z]{3}ELI$/.test(c.code));
    const terms = [];
    for (const c of r.codes) {
      const range = parseRange(c.range, coverageEnd);
      if (!range || range.to < OLDEST_END) continue;
      let m;
      if (file.includes("International")) {
        const org = ORG_HEADS[c.code];
        if (!org || !/IGOrulers/.test(r.comment) || !/\[ELI\]|SECRETARY|PRESIDENT|MANAGING/.test(all + r.comment)) continue;
        terms.push({ country: org[0], office: org[1], role: "org_head", ...range });
      } else if ((m = /^([A-Z]{3})GOV([A-Z]{3})?$/.exec(c.code))) {
        const country = m[1];
        if (isLeader) {
          const leader = leaders.get(r);
          // Only the leader term itself: the others of the record are offices the source does not name.
          if (!leader || leader.from !== range.from || leader.country !== country) continue;
          const hos = HOS_TITLE.test(all), hog = HOG_TITLE.test(all);
          const role = hos !== hog ? (hog ? "head_of_government" : "head_of_state") : leader.role;
          const office = role === "head_of_government" ? "prime_minister" : MONARCH.find(([re]) => re.test(all))?.[1] ?? "president";
          terms.push({ country, office, role, ...range });
        } else if (FM_TITLE.test(all) && !m[2]) terms.push({ country, office: "foreign_minister", role: "foreign_minister", ...range });
        else terms.push({ country, office: "minister", role: "minister", ...range });
      }
    }
    if (!terms.length) continue;
    const primary = r.names[0];
    if (TITLE_WORDS.test(primary) || !/^[A-Z][A-Z.'\-]*(_[A-Z.'\-]+)+_?$/.test(primary)) continue;
    const name = displayName(primary);
    const names = new Set([name]);
    for (const n of r.names.slice(1)) if (!TITLE_WORDS.test(n) && /^[A-Z][A-Z.'\-_]*$/.test(n)) names.add(displayName(n));
    out.push({ name, names: [...names], terms });
  }
  return out;
}

const fold = (s) => s.replace(/['’]/g, "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
const overlaps = (a, b) => a.country === b.country && a.role === b.role && a.from <= (b.to ?? "9999") && b.from <= (a.to ?? "9999");

function idOf(name, taken) {
  const base = "pt_" + fold(name).replace(/ /g, "_");
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  taken.add(id);
  return id;
}

/** Words a single-word alias must not be: English words, countries, capitals and cities. */
function blockedWords() {
  const blocked = new Set(require("an-array-of-english-words").map((w) => w.toLowerCase()));
  const countries = require("i18n-iso-countries");
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  for (const list of Object.values(countries.getNames("en", { select: "all" }))) for (const n of list) for (const w of fold(n).split(" ")) blocked.add(w);
  const data = JSON.parse(fs.readFileSync(path.join(root, "data/countries.json"), "utf8"));
  for (const [code, perLang] of Object.entries(data)) {
    if (code === "_cities") {
      for (const [city, c] of Object.entries(perLang)) {
        blocked.add(fold(city));
        for (const list of Object.values(c.names ?? {})) for (const n of list) blocked.add(fold(n));
      }
      continue;
    }
    for (const forms of Object.values(perLang)) for (const list of Object.values(forms ?? {})) if (Array.isArray(list)) for (const n of list) blocked.add(fold(n));
  }
  return blocked;
}

function main() {
  const existing = [];
  const dir = path.join(root, "data/persons");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== path.basename(OUT)).sort())
    for (const p of JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))) if (p.id) existing.push(p);
  const byName = new Map();
  for (const p of existing) for (const n of [p.name, ...(p.names.en ?? [])]) if (fold(n).includes(" ")) byName.set(fold(n), p);

  const converted = [];
  for (const file of ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"])
    converted.push(...convert(parseActors(fs.readFileSync(path.join(src, file), "utf8")), file));

  // One record per person: the source lists some twice (same name in two sections).
  const merged = new Map();
  for (const p of converted) {
    const key = fold(p.name);
    const m = merged.get(key);
    if (!m) merged.set(key, { ...p, names: [...p.names], terms: [...p.terms] });
    else {
      for (const n of p.names) if (!m.names.includes(n)) m.names.push(n);
      for (const t of p.terms) if (!m.terms.some((x) => overlaps(x, t))) m.terms.push(t);
    }
  }

  // Single-word aliases: English surnames the source lists, unshared and no common word or place.
  const blocked = blockedWords();
  const singleOwners = new Map();
  const noteSingle = (w, who) => singleOwners.set(w, (singleOwners.get(w) ?? new Set()).add(who));
  for (const p of existing) for (const n of p.names.en ?? []) if (!fold(n).includes(" ")) noteSingle(fold(n), p.id);
  for (const [key, p] of merged) {
    const last = fold(p.name).split(" ").at(-1);
    noteSingle(last, key); // a surname shared by two persons is ambiguous alone
  }
  const taken = new Set(existing.map((p) => p.id));
  const out = [];
  let joined = 0, added = 0, aliases = 0;
  for (const [key, p] of merged) {
    const names = p.names.filter((n) => {
      const f = fold(n);
      if (f.includes(" ")) return true;
      const ok = f.length >= 4 && !blocked.has(f) && singleOwners.get(f)?.size === 1;
      if (ok) aliases++;
      return ok;
    });
    const known = names.map((n) => byName.get(fold(n))).find(Boolean);
    if (known) {
      // Same person: only the terms and spellings the project's data lacks.
      const terms = p.terms.filter((t) => !known.terms.some((x) => overlaps(x, t)));
      const have = new Set((known.names.en ?? []).map(fold));
      const newNames = names.filter((n) => !have.has(fold(n)) && fold(n).includes(" "));
      if (!terms.length && !newNames.length) continue;
      const prior = out.find((x) => x.id === known.id);
      if (prior) {
        for (const n of newNames) if (!prior.names.en.includes(n)) prior.names.en.push(n);
        for (const t of terms) if (!prior.terms.some((x) => overlaps(x, t))) prior.terms.push(t);
        continue;
      }
      joined++;
      out.push({ id: known.id, name: known.name, names: { en: newNames }, terms });
      continue;
    }
    added++;
    out.push({ id: idOf(p.name, taken), name: p.name, names: { en: names }, terms: p.terms.sort((a, b) => a.from.localeCompare(b.from)) });
  }
  out.sort((a, b) => a.id.localeCompare(b.id));
  const header = {
    _source:
      "Converted by scripts/import-petrarch.mjs from the PETRARCH2 actor dictionaries (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt; Open Event Data Alliance, MIT licence, see PETRARCH2-LICENSE.txt). Terms that were open in the source end at its coverage date.",
  };
  fs.writeFileSync(OUT, "[\n" + [header, ...out].map((x) => JSON.stringify(x)).join(",\n") + "\n]\n");
  fs.copyFileSync(path.join(src, "LICENSE"), path.join(root, "data/persons/PETRARCH2-LICENSE.txt"));
  console.log(`${out.length} records written to ${path.relative(root, OUT)}: ${added} new persons, ${joined} known persons completed, ${aliases} single-word aliases kept`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
