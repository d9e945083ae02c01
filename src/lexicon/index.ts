// Loads the lexicon data files (data/*.json, see data/README.md) and CLDR country names, and
// compiles them into one phrase matcher. Loaded once per process (and once per worker thread).

import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EventType, Role } from "../types.js";
import { fold, hasHan } from "../text/normalize.js";
import { regionalVariants } from "../text/hant.js";
import { uzbekCyrillic } from "./uzbek.js";
import { PhraseMatcher } from "./matcher.js";
import { readLexiconSnapshot, saveLexiconSnapshot } from "./snapshot.js";
import { PackedPersons } from "./packed.js";
import { editDistance } from "../text/distance.js";

export { PhraseMatcher, longestNonOverlapping, type Match } from "./matcher.js";

/** Languages whose CLDR country names are loaded. */
export const NAME_LANGS = ["en", "ru", "uk", "ar", "tg", "fa", "uz", "kk", "ky", "tr", "fr", "de", "es", "zh", "hu", "az", "tk", "ur", "hy"];

export type LexEntry =
  | { kind: "country"; id: string; form: "name" | "adj" | "capital" }
  | { kind: "place"; id: string; country: string }
  | { kind: "org"; id: string }
  | { kind: "person"; id: string }
  | { kind: "office"; id: string; role: Role; country?: string }
  | { kind: "trigger"; type: EventType; mode: string | null; cameo: string; voice?: "passive" }
  | { kind: "topic"; id: string }
  | { kind: "modality"; id: "negation" | "future" | "hypothetical" | "none" }
  | { kind: "reference"; id: ReferenceId };

export interface PersonTerm {
  country: string;
  office: string;
  role: Role;
  from: string;
  to: string | null;
}
export interface Person {
  id: string;
  name: string;
  names: Record<string, string[]>;
  terms: PersonTerm[];
}
export interface Office {
  id: string;
  role: Role;
}
export interface CameoInfo {
  goldstein: number;
  label: string;
}

/** What a referring phrase points back to: the two sides, a leader, a state by its title, or the visitor or host of the visit being reported. */
export type ReferenceId = "sides" | "leader" | "state_title" | "guest" | "host" | "home" | "home_leader";

/** Context words around a country mention (data/markers.json), folded. */
export interface Markers {
  withBefore: Map<string, string[][]>;
  withAfter: Map<string, string[][]>;
  placeBefore: Map<string, string[][]>;
  directionBefore: Map<string, string[][]>;
  directionSuffix: Map<string, string[]>;
  topicBefore: Map<string, string[][]>;
  /** Words right after a country that make it a subject of talk ("the US-Iran standoff"). */
  topicAfter: Map<string, string[]>;
  /** Words that make a meeting with several counterparts one event ("trilateral"). */
  severalParty: Map<string, string[]>;
  /** Words before a meeting noun that make it a purpose ("for consultations"). */
  purposeBefore: Map<string, Set<string>>;
  /** Words before an event noun that make it an event spoken of ("commenting on the summons"). */
  rementionBefore: Map<string, string[][]>;
  /** Words right before an event noun that make it the event already reported ("خلال اللقاء", during the meeting). */
  duringBefore: Map<string, string[][]>;
  /** Case endings that make a place name describe the noun after it (Tahran'daki). */
  placeModifierSuffix: Map<string, string[]>;
  /** Words joined before a country by a hyphen that make it a stance ("anti-Turkey"). */
  stancePrefix: Map<string, Set<string>>;
  placeSuffix: Map<string, string[]>;
  /** Case endings that make a country mention a subject of talk (Hungarian Ukrajnáról, "about Ukraine"). */
  topicSuffix: Map<string, string[]>;
  coordination: Map<string, Set<string>>;
  /** Words for a state written before its name (Arabic جمهورية, سلطنة), folded. */
  stateWords: Map<string, Set<string>>;
  honorific: Map<string, string[][]>;
  dayAfter: Map<string, string[]>;
  actorNouns: Map<string, Set<string>>;
  opinion: Map<string, string[]>;
  documentNouns: Map<string, string[]>;
  backgroundBefore: Map<string, string[][]>;
  responseBefore: Map<string, string[][]>;
  reporting: Map<string, string[][]>;
  settingBefore: Map<string, Set<string>>;
  sourceBefore: Map<string, string[][]>;
  complementizer: Map<string, Set<string>>;
  demonstrative: Map<string, Set<string>>;
  /** Indefinite articles ("a meeting"), folded. */
  indefinite: Map<string, Set<string>>;
  /** Possessives before a meeting noun that make it the subject's own talks ("his talks with"). */
  ownPossessive: Map<string, Set<string>>;
  /** First person plural possessives ("our", «наш»): narrative in them is an institution's own readout. */
  firstPersonPlural: Map<string, Set<string>>;
  /** Words of the first person ("we", «je», «мы»): a trigger told so inside a quotation is its speaker's act. */
  firstPerson: Map<string, string[]>;
  /** First-person endings of a verb (Turkish kınıyoruz, istediğimiz), folded. */
  firstPersonSuffix: Map<string, string[]>;
  /** Phrases after a country that make it a route crossed ("hava sahasını geçtikten"), folded words ("geç*": any ending). */
  routeAfter: Map<string, string[][]>;
  /** How talks went or what they found in common ("convergence of views"): praise of it judges the talks. */
  talksOutcome: Map<string, string[][]>;
  /** Words for an embassy or consulate: the country that owns one is where force is aimed. */
  missionNouns: Map<string, string[]>;
  /** Words opening a reference to the two countries last named together ("these two countries"). */
  demonstrativePlural: Map<string, Set<string>>;
  subjectPronoun: Map<string, Set<string>>;
  relativePronoun: Map<string, Set<string>>;
  anyBeforeObject: Map<string, string[][]>;
  attendBefore: Map<string, string[][]>;
  /** Folded airport words; a trailing "*" (kept) matches any ending. */
  airport: Map<string, string[]>;
  /** Folded message nouns ("message*"), as for airport. */
  messageNouns: Map<string, string[]>;
  /** Folded pledge words ("announced", «объявил*»); phrases of several words are kept whole. */
  pledge: Map<string, string[]>;
  cargoNouns: Map<string, string[]>;
  /** Folded stems of words for an anniversary ("anniversary", «годовщин», "周年"). */
  anniversary: Map<string, string[]>;
  /** Folded words for where aid is unloaded ("port*"), as for airport. */
  destinationNouns: Map<string, string[]>;
  proposalVerbs: Map<string, string[]>;
  hostWords: Map<string, string[]>;
  counterpartNouns: Map<string, string[]>;
  initiative: Map<string, string[][]>;
  mannerBefore: Map<string, Set<string>>;
  mannerNouns: Map<string, string[]>;
  /** Words that introduce who acts in a passive or nominal directed act ("by", «со стороны», "از سوی"). */
  agentBefore: Map<string, string[][]>;
  /** Words after a name that make it who acts (Turkish "tarafından"). */
  agentAfter: Map<string, string[][]>;
  /** Folded words for a capital ("capital", «столиц*»), next to a country they name its capital. */
  capitalWords: Map<string, string[]>;
}

export interface Lexicon {
  matcher: PhraseMatcher<LexEntry>;
  markers: Markers;
  persons: Map<string, Person>;
  offices: Map<string, Office>;
  /** Codes of international organisations (UN, CIS, SCO...), as opposed to countries. */
  orgCodes: Set<string>;
  cameo: Map<string, CameoInfo>;
  /** Capital city -> country, for places. */
  placeNames: Map<string, { name: string; country: string }>;
  /** A capital's English name over a period when it differed (Astana was Nur-Sultan 2019-2022). */
  capitalNames: Map<string, { name: string; from: string; to: string }[]>;
  /** Country code -> English short name (for output of places). */
  countryName(code: string): string;
  /** The table behind countryName (kept for the lexicon's snapshot). */
  englishNames?: Map<string, string>;
  version: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** data/ folder of the package (dist/lexicon -> ../../data). */
export const DATA_DIR = path.resolve(here, "../../data");

function readJson<T>(file: string, fallback: T): T {
  const p = path.join(DATA_DIR, file);
  if (!fs.existsSync(p)) return fallback;
  return JSON.parse(fs.readFileSync(p, "utf8")) as T;
}

const require = createRequire(import.meta.url);

/** JSON files of a data subfolder, as paths relative to DATA_DIR, in a stable order. */
function jsonFiles(dir: string): string[] {
  const full = path.join(DATA_DIR, dir);
  return fs.existsSync(full) ? fs.readdirSync(full).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f)) : [];
}

/** ICU locales whose region names are loaded for a language (default: the language itself). */
const ICU_LOCALES: Record<string, string[]> = { zh: ["zh", "zh-Hant", "zh-Hant-HK"] };

type CountryForms = { names?: string[]; adj?: string[]; capital?: string[] };

/** Country names per language from the i18n-iso-countries package (CLDR-derived). */
function cldrCountryNames(): Map<string, Map<string, string[]>> {
  const countries = require("i18n-iso-countries");
  const byLang = new Map<string, Map<string, string[]>>();
  for (const lang of NAME_LANGS) {
    const map = new Map<string, string[]>();
    try {
      countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
      const names = countries.getNames(lang, { select: "all" }) as Record<string, string[]>;
      for (const [a2, list] of Object.entries(names)) {
        const a3 = countries.alpha2ToAlpha3(a2) as string | undefined;
        if (a3) map.set(a3, [...list]);
      }
    } catch {
      /* language not in the package: Intl below still gives names */
    }
    // Node's ICU (CLDR) display names add forms the package lacks, and regional forms
    // (Taiwan and Hong Kong names for Chinese).
    for (const locale of ICU_LOCALES[lang] ?? [lang]) {
      try {
        const dn = new Intl.DisplayNames([locale], { type: "region" });
        for (const a2 of Object.keys(countries.getAlpha2Codes())) {
          const a3 = countries.alpha2ToAlpha3(a2) as string | undefined;
          const name = dn.of(a2);
          if (!a3 || !name || name === a2) continue;
          const list = map.get(a3) ?? [];
          if (!list.includes(name)) list.push(name);
          map.set(a3, list);
        }
      } catch {
        /* no ICU data for this locale */
      }
    }
    byLang.set(lang, map);
  }
  return byLang;
}

/**
 * Stem of a Cyrillic name whose last vowel changes with case (Россия -> России, Индия -> Индии):
 * the name without its final а/я/ь/й, so the inflected forms fall within the allowance.
 */
export function cyrillicStem(name: string): string | null {
  const m = /^(.*[\u0400-\u04ff]{3,})[аяьйАЯЬЙ]$/u.exec(name.trim());
  return m ? m[1] : null;
}
/**
 * The stem of a name that loses its last vowel when it declines: «Египет» -> «Египт» (Египта,
 * Египте), Ukrainian «Єгипет» -> «Єгипт».
 */
export function fleetingVowelStem(name: string): string | null {
  const m = /^([\u0400-\u04ff]{2,}[бвгджзклмнпрстфхцчшщ])[еЕ]([бвгджзклмнпрстфхцчшщ])$/u.exec(name.trim());
  return m ? m[1] + m[2] : null;
}
const CYRILLIC_LANGS = new Set(["ru", "uk", "tg", "kk", "ky"]);
/** A name written in Latin letters (with spaces, hyphens, apostrophes, dots). */
const LATIN_NAME = /^[\p{Script=Latin}\s.'’-]+$/u;
/**
 * Languages whose country names apply to their own documents only: Arabic-script names of one
 * language are another's adjectives (Persian "لیبی" is Libya, Arabic "ليبي" is Libyan), and
 * Hungarian names take endings that make other languages' words of them ("Kuba" + n).
 */
const OWN_DOCUMENT_NAMES = new Set(["ar", "fa", "ur", "ps", "hu"]);

/** Regional term pairs by the first character of their mainland form (built on first use). */
let regionalByFirst: Map<string, Array<[string, string]>> | null = null;

/**
 * The Taiwan and Hong Kong spellings of a Chinese phrase where a regional term differs from the
 * mainland one beyond the character map (both folded to Simplified characters): 纽西兰总理 for
 * 新西兰总理. Mainland terms of one character are not replaced.
 */
export function chineseRegionalForms(phrase: string): string[] {
  if (!regionalByFirst) {
    regionalByFirst = new Map();
    for (const pair of regionalVariants()) {
      if ([...pair[1]].length < 2) continue;
      const list = regionalByFirst.get(pair[1][0]) ?? [];
      list.push(pair);
      regionalByFirst.set(pair[1][0], list);
    }
  }
  const folded = fold(phrase);
  const out = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    for (const [local, mainland] of regionalByFirst.get(folded[i]) ?? []) {
      if (folded.startsWith(mainland, i)) out.add(folded.slice(0, i) + local + folded.slice(i + mainland.length));
    }
  }
  out.delete(folded);
  return [...out];
}

let cached: Lexicon | null = null;

// Languages whose own letters (Tajik ӣ ҳ ҷ, Kazakh ә ө ұ, Ukrainian і ї) fold onto plain ones.
const OWN_LETTER_ADJECTIVES = new Set(["tg", "kk", "ky", "uk", "uz"]);

/** The process-wide lexicon (built on first use). */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  // The compiled form of the same data when there is one (see snapshot.ts), else built and saved.
  cached = readLexiconSnapshot() ?? saveLexiconSnapshot(buildLexicon());
  return cached;
}

/** Countries whose people carry two surnames, the father's first (Spanish naming). */
const TWO_SURNAMES = new Set(["ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GTM", "HND", "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"]);

/** A trigger's gap ("summoned the Russian ambassador") may hold countries, titles, places, never another trigger, a negation or a person. */
export const blocksGap = (p: LexEntry) => p.kind === "trigger" || p.kind === "modality" || p.kind === "person";

/** Phrases added to the lexicon's matcher also go in in their other spellings. */
export function expandPhrases(m: PhraseMatcher<LexEntry>): void {
  // Every Uzbek (Latin) phrase is also added in its Cyrillic spelling: Uzbek news uses both.
  const addPhrase = m.addSpelling.bind(m);
  m.expand = (phrase, lang, payload, opts) => {
    addPhrase(phrase, lang, payload, opts);
    const cyr = lang === "uz" ? uzbekCyrillic(phrase) : null;
    // Only for Uzbek documents: the same letters spell other words in Tajik or Kazakh.
    if (cyr) addPhrase(cyr, lang, payload, { ...opts, langBound: true });
    // Chinese phrases also in their Taiwan and Hong Kong wording (纽西兰 beside 新西兰).
    if (lang === "zh" && hasHan(phrase)) for (const v of chineseRegionalForms(phrase)) addPhrase(v, lang, payload, opts);
    // Hungarian puts its case endings on foreign names too (Lavrovval, Washingtonban): the
    // English spelling of a name is also a Hungarian one, for Hungarian documents.
    if (lang === "en" && opts?.capitalized && LATIN_NAME.test(phrase)) addPhrase(phrase, "hu", payload, { ...opts, langBound: true });
  };
}

/** The lexicon built from the data files (what loadLexicon caches and snapshots). */
export function buildLexicon(): Lexicon {
  const m = new PhraseMatcher<LexEntry>(blocksGap);
  expandPhrases(m);
  const englishNames = new Map<string, string>();

  // Countries: CLDR names, then the project's additions (short names, adjectives, capitals).
  const cldr = cldrCountryNames();
  for (const [lang, map] of cldr) {
    for (const [code, names] of map) {
      if (lang === "en" && names[0]) englishNames.set(code, names[0]);
      for (const n of names) {
        m.add(n, lang, { kind: "country", id: code, form: "name" }, { capitalized: true, langBound: OWN_DOCUMENT_NAMES.has(lang) });
        const stem = CYRILLIC_LANGS.has(lang) ? cyrillicStem(n) ?? fleetingVowelStem(n) : null;
        if (stem) m.add(stem, lang, { kind: "country", id: code, form: "name" }, { capitalized: true });
      }
    }
  }
  const placeNames = new Map<string, { name: string; country: string }>();
  const countries = readJson<Record<string, Record<string, CountryForms> | Record<string, unknown>>>("countries.json", {});
  for (const [code, perLang] of Object.entries(countries)) {
    if (code === "_cities" || code === "_capital_names") continue;
    for (const [lang, forms] of Object.entries(perLang as Record<string, CountryForms>)) {
      // Hungarian forms with their endings spell words of other languages ("román" + ce).
      const langBound = lang === "hu";
      for (const n of forms.names ?? []) m.add(n, lang, { kind: "country", id: code, form: "name" }, { capitalized: true, langBound });
      // Adjectives whose letters folding merges with another language's words (Tajik «украинӣ»
      // folds onto Ukrainian «України») hold in their own language only.
      for (const n of adjectiveForms(forms.adj ?? [], lang)) m.add(n, lang, { kind: "country", id: code, form: "adj" }, { langBound: langBound || OWN_LETTER_ADJECTIVES.has(lang) });
      for (const n of forms.capital ?? []) m.add(n, lang, { kind: "country", id: code, form: "capital" }, { capitalized: true, langBound });
    }
    const enCap = (perLang as Record<string, CountryForms>).en?.capital?.[0];
    if (enCap) placeNames.set(`capital:${code}`, { name: enCap, country: code });
  }
  const cities = (countries._cities ?? {}) as Record<string, { country: string; names: Record<string, string[]> }>;
  for (const [name, city] of Object.entries(cities)) {
    placeNames.set(name, { name, country: city.country });
    for (const [lang, list] of Object.entries(city.names ?? {}))
      for (const n of list) m.add(n, lang, { kind: "place", id: name, country: city.country }, { capitalized: true });
  }

  // Organisations; short Latin acronyms that are also words match in upper case only.
  const orgs = readJson<Record<string, Record<string, string[]> | string[]>>("orgs.json", {});
  const caseSensitive = new Set((orgs._caseSensitive as string[] | undefined) ?? []);
  const orgCodes = new Set(Object.keys(orgs).filter((k) => !k.startsWith("_")));
  for (const [code, perLang] of Object.entries(orgs)) {
    if (code.startsWith("_")) continue;
    for (const [lang, list] of Object.entries(perLang as Record<string, string[]>))
      for (const n of list) {
        if (caseSensitive.has(n)) m.add(n, lang, { kind: "org", id: code }, { capitalized: true, upper: true });
        else m.add(n, lang, { kind: "org", id: code });
      }
  }

  // Offices (titles) with the role they carry.
  const offices = new Map<string, Office>();
  const officeData = readJson<{ offices: Array<Record<string, unknown>>; institution_offices?: Array<Record<string, unknown>> }>("offices.json", { offices: [] });
  for (const o of officeData.offices) {
    const id = String(o.id);
    const role = o.role as Role;
    offices.set(id, { id, role });
    for (const [lang, list] of Object.entries(o)) {
      if (lang === "id" || lang === "role" || !Array.isArray(list)) continue;
      for (const n of list as string[]) m.add(n, lang, { kind: "office", id, role }, { langBound: true });
    }
  }
  // Titles of one country's institution ("Chairman of the State Duma"): the office and the
  // country they imply.
  for (const o of officeData.institution_offices ?? []) {
    const id = String(o.office);
    const role = offices.get(id)?.role;
    if (!role) continue;
    const country = String(o.country);
    for (const [lang, list] of Object.entries(o)) {
      if (lang === "office" || lang === "country" || !Array.isArray(list)) continue;
      for (const n of list as string[]) m.add(n, lang, { kind: "office", id, role, country }, { langBound: true });
    }
  }

  // Persons: every file in data/persons/.
  const persons = new Map<string, Person>();
  for (const f of jsonFiles("persons")) {
    for (const p of readJson<Person[]>(f, [])) {
      // A file may open with a note on its source ({ "_source": ... }), which is no person.
      if (!p.id) continue;
      const existing = persons.get(p.id);
      if (existing) {
        // Same person in two files: merge names and terms.
        for (const [lang, list] of Object.entries(p.names)) existing.names[lang] = [...(existing.names[lang] ?? []), ...list];
        existing.terms.push(...p.terms);
      } else persons.set(p.id, { ...p, names: { ...p.names }, terms: [...p.terms] });
    }
  }
  // Spanish-speaking countries write two surnames, the father's then the mother's, and news
  // calls most people by the first ("Alvaro Uribe Velez" is "Alvaro Uribe"): that short form is
  // a name too, unless it is already another person's.
  const fullNames = new Set([...persons.values()].flatMap((p) => Object.values(p.names).flat().map((n) => fold(n))));
  for (const p of persons.values()) {
    const en = p.names.en?.[0];
    const words = en?.split(" ") ?? [];
    if (words.length < 3 || !p.terms.length || !p.terms.every((t) => TWO_SURNAMES.has(t.country))) continue;
    const short = words.slice(0, -1).join(" ");
    if (!fullNames.has(fold(short))) p.names.en = [...p.names.en!, short];
  }
  // Arabic-script names take no endings: "رئيسي" (Raisi) must not match "رئيسين" (two presidents).
  for (const p of persons.values()) {
    for (const [lang, list] of Object.entries(p.names))
      for (const n of list) m.add(n, lang, { kind: "person", id: p.id }, { capitalized: true, person: true, ...(/[\u0600-\u06ff]/.test(n) ? { allowance: 0 } : {}) });
  }

  // Event triggers (data/events/LANG.json) and the CAMEO scale (data/cameo.json).
  for (const f of jsonFiles("events")) {
    const file = readJson<{ lang: string; triggers: Array<{ type: EventType; mode: string | null; cameo: string; voice?: "passive"; phrases: string[] }> }>(f, { lang: "", triggers: [] });
    for (const t of file.triggers)
      for (const p of t.phrases) m.add(p, file.lang, { kind: "trigger", type: t.type, mode: t.mode ?? null, cameo: t.cameo, ...(t.voice === "passive" ? { voice: t.voice } : {}) }, { langBound: true, gaps: true });
  }
  const cameo = new Map(Object.entries(readJson<Record<string, CameoInfo>>("cameo.json", {})));

  // Modality cues (data/modality/LANG.json).
  for (const f of jsonFiles("modality")) {
    const lang = path.basename(f, ".json");
    for (const [id, list] of Object.entries(readJson<Record<string, string[]>>(f, {}))) {
      if (id !== "negation" && id !== "future" && id !== "hypothetical" && id !== "none") continue;
      for (const n of list) m.add(n, lang, { kind: "modality", id }, { langBound: true });
    }
  }

  // Topics.
  const topics = readJson<Record<string, Record<string, string[]>>>("topics.json", {});
  for (const [id, perLang] of Object.entries(topics))
    for (const [lang, list] of Object.entries(perLang)) for (const n of list) m.add(n, lang, { kind: "topic", id }, { langBound: true });

  // Phrases that point back to the sides already introduced ("the parties", «стороны»).
  const refs = readJson<Record<string, Record<string, string[]>>>("references.json", {});
  for (const [id, perLang] of Object.entries(refs))
    for (const [lang, list] of Object.entries(perLang))
      for (const n of list) m.add(n, lang, { kind: "reference", id: id as ReferenceId }, { langBound: true });

  const markerData = readJson<Record<string, Record<string, string[]>>>("markers.json", {});
  const words = (p: string) => fold(p).match(/[\p{L}\p{N}]+/gu) ?? [];
  // Single words where a trailing "*" (kept after folding) allows any ending.
  // Uzbek marker words in both scripts, as for the phrases above.
  const bothScripts = (l: string, list: string[]) => (l === "uz" ? [...list, ...list.map((x) => uzbekCyrillic(x)).filter((x): x is string => !!x)] : list);
  const wordPatterns = (o: Record<string, string[]> = {}) => new Map(Object.entries(o).map(([l, list]) => [l, bothScripts(l, list).map((x) => fold(x.replace(/\*$/, "")) + (x.endsWith("*") ? "*" : ""))]));
  const phraseMap = (o: Record<string, string[]> = {}) => new Map(Object.entries(o).map(([l, list]) => [l, bothScripts(l, list).map(words).filter((w) => w.length)]));
  const markers: Markers = {
    withBefore: phraseMap(markerData.with_before),
    withAfter: phraseMap(markerData.with_after),
    placeBefore: phraseMap(markerData.place_before),
    directionBefore: phraseMap(markerData.direction_before),
    directionSuffix: new Map(Object.entries(markerData.direction_suffix ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    topicBefore: phraseMap(markerData.topic_before),
    topicAfter: wordPatterns(markerData.topic_after),
    severalParty: wordPatterns(markerData.several_party),
    rementionBefore: phraseMap(markerData.remention_before),
    duringBefore: phraseMap(markerData.during_before),
    stancePrefix: new Map(Object.entries(markerData.stance_prefix ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    placeModifierSuffix: new Map(Object.entries(markerData.place_modifier_suffix ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    purposeBefore: new Map(Object.entries(markerData.purpose_before ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    placeSuffix: new Map(Object.entries(markerData.place_suffix ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    topicSuffix: new Map(Object.entries(markerData.topic_suffix ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    coordination: new Map(Object.entries(markerData.coordination ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    stateWords: new Map(Object.entries(markerData.state_words ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    honorific: phraseMap(markerData.honorific),
    backgroundBefore: phraseMap(markerData.background_before),
    responseBefore: phraseMap(markerData.response_before),
    reporting: phraseMap(markerData.reporting),
    sourceBefore: phraseMap(markerData.source_before),
    anyBeforeObject: phraseMap(markerData.any_before_object),
    attendBefore: phraseMap(markerData.attend_before),
    relativePronoun: new Map(Object.entries(markerData.relative_pronoun ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    subjectPronoun: new Map(Object.entries(markerData.subject_pronoun ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    demonstrative: new Map(Object.entries(markerData.demonstrative ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    ownPossessive: new Map(Object.entries(markerData.own_possessive ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    firstPersonPlural: new Map(Object.entries(markerData.first_person_plural ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    firstPerson: wordPatterns(markerData.first_person),
    firstPersonSuffix: new Map(Object.entries(markerData.first_person_suffix ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    routeAfter: new Map(Object.entries(markerData.route_after ?? {}).map(([l, list]) => [l, list.map((x) => x.split(/\s+/).map((w) => fold(w.replace(/\*$/, "")) + (w.endsWith("*") ? "*" : "")))])),
    indefinite: new Map(Object.entries(markerData.indefinite ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    complementizer: new Map(Object.entries(markerData.complementizer ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    settingBefore: new Map(Object.entries(markerData.setting_before ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    airport: wordPatterns(markerData.airport),
    messageNouns: wordPatterns(markerData.message_nouns),
    pledge: wordPatterns(markerData.pledge),
    cargoNouns: wordPatterns(markerData.cargo_nouns),
    destinationNouns: wordPatterns(markerData.destination_nouns),
    anniversary: new Map(Object.entries(markerData.anniversary ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    proposalVerbs: wordPatterns(markerData.proposal_verbs),
    hostWords: wordPatterns(markerData.host_words),
    counterpartNouns: wordPatterns(markerData.counterpart_nouns),
    initiative: phraseMap(markerData.initiative),
    mannerNouns: wordPatterns(markerData.manner_nouns),
    capitalWords: wordPatterns(markerData.capital_words),
    mannerBefore: new Map(Object.entries(markerData.manner_before ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
    documentNouns: new Map(Object.entries(markerData.document_nouns ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    opinion: new Map(Object.entries(markerData.opinion ?? {}).map(([l, list]) => [l, [...list, ...(markerData.shared_view?.[l] ?? [])].map((x) => fold(x))])),
    actorNouns: new Map(Object.entries(markerData.actor_nouns ?? {}).map(([l, list]) => [l, new Set(list.flatMap((x) => words(x)))])),
    dayAfter: new Map(Object.entries(markerData.day_after ?? {}).map(([l, list]) => [l, list.map((x) => fold(x))])),
    agentBefore: phraseMap(markerData.agent_before),
    agentAfter: phraseMap(markerData.agent_after),
    talksOutcome: phraseMap(markerData.talks_outcome),
    missionNouns: wordPatterns(markerData.mission_nouns),
    demonstrativePlural: new Map(Object.entries(markerData.demonstrative_plural ?? {}).map(([l, list]) => [l, new Set(list.map((x) => fold(x)))])),
  };

  const version = lexiconVersion();
  return {
    matcher: m,
    markers,
    persons,
    orgCodes,
    offices,
    cameo,
    placeNames,
    capitalNames: new Map(Object.entries((countries._capital_names ?? {}) as Record<string, { name: string; from: string; to: string }[]>)),
    countryName: (code) => englishNames.get(code) ?? code,
    englishNames,
    version,
  };
}

/** A short fingerprint of the data files, stored with results so re-extraction can be detected. */
export function lexiconVersion(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(".json")) files.push(p);
    }
  };
  walk(DATA_DIR);
  // A native digest: the data files are several megabytes.
  const hash = createHash("sha1");
  for (const f of files) hashFile(hash, f);
  return hash.digest("hex").slice(0, 8);
}

/** The buffer hashFile reads through (made on first use). */
let hashBuffer: Buffer | null = null;

/**
 * Adds a file's bytes to a hash, read in pieces through one buffer: reading each file whole takes
 * fresh memory for it, which on this kind of host costs several times the hashing (data files:
 * 31-36 -> 5-9 ms of CPU per start).
 */
export function hashFile(hash: Hash, file: string): void {
  hashBuffer ??= Buffer.allocUnsafeSlow(1 << 16);
  const fd = fs.openSync(file, "r");
  try {
    for (let n; (n = fs.readSync(fd, hashBuffer, 0, hashBuffer.length, null)) > 0; ) hash.update(hashBuffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The lexicon seen by one document: its persons plus those the document introduces itself
 * (keyed "doc:..."), looked up first in the document's own map. Nothing is copied.
 */
export function withDocumentPersons(lex: Lexicon, own: Map<string, Person>): Lexicon {
  if (!own.size) return lex;
  const persons = new DocumentPersons(own, lex.persons);
  compiledPersons.set(persons, lex.persons);
  return { ...lex, persons };
}
/** A document's own persons over the compiled lexicon's (one class for all documents: its calls stay monomorphic). */
class DocumentPersons extends Map<string, Person> {
  constructor(private readonly own: Map<string, Person>, private readonly base: Map<string, Person>) {
    super();
  }
  override get(id: string) {
    return this.own.get(id) ?? this.base.get(id);
  }
  override has(id: string) {
    return this.own.has(id) || this.base.has(id);
  }
  override values() {
    return [...this.base.values(), ...this.own.values()].values();
  }
}
/** A document's person map -> the compiled lexicon's. */
const compiledPersons = new WeakMap<Map<string, Person>, Map<string, Person>>();

const holdersIndex = new WeakMap<PhraseMatcher<LexEntry>, Map<string, Holding[]>>();
/**
 * Terms by "country|office" and "country|role" (indexed once per compiled lexicon: a document's
 * own persons, whose terms are undated, are not holders of offices). Speakers of bicameral
 * parliaments carry the chamber in their office (speaker_upper, speaker_lower) so "the Speaker
 * of the Senate" and "the Speaker of the Duma" resolve to different people; a bare "speaker"
 * covers both chambers (ambiguous where there are two), and a chamber title covers the single
 * speaker of a unicameral parliament: so a chamber's term is also filed under "speaker", and a
 * "speaker" term under both chambers.
 */
function termsFor(lex: Lexicon, country: string, officeOrRole: string): readonly Holding[] {
  const persons = compiledPersons.get(lex.persons) ?? lex.persons;
  const key = `${country}|${officeOrRole}`;
  // A lexicon read from its snapshot keeps this index packed, and builds a person when asked.
  if (persons instanceof PackedPersons) return persons.holders(key);
  let index = holdersIndex.get(lex.matcher);
  if (!index) {
    index = holdingsByKey(persons.values());
    holdersIndex.set(lex.matcher, index);
  }
  return index.get(key) ?? [];
}

/** A term of office with its holder. */
export interface Holding {
  p: Person;
  t: PersonTerm;
}

/** The index termsFor reads: "country|office" and "country|role" -> the terms filed there. */
export function holdingsByKey(persons: Iterable<Person>): Map<string, Holding[]> {
  const index = new Map<string, Holding[]>();
  for (const p of persons)
    for (const t of p.terms) {
      const keys = new Set([t.office, t.role]);
      if (t.office.startsWith("speaker")) keys.add("speaker");
      if (t.office === "speaker") for (const chamber of ["speaker_upper", "speaker_lower"]) keys.add(chamber);
      for (const k of keys) {
        const key = `${t.country}|${k}`;
        const list = index.get(key);
        if (list) list.push({ p, t });
        else index.set(key, [{ p, t }]);
      }
    }
  return index;
}

/** The holder of an office on a date, from the persons lexicon (null when unknown or ambiguous). */
export function holderOf(lex: Lexicon, country: string, officeOrRole: string, date: string | null): Person | null {
  if (!date) return null;
  let found: Person | null = null;
  for (const { p, t } of termsFor(lex, country, officeOrRole)) {
    if (!within(date, t.from, t.to)) continue;
    if (found && found !== p) return null;
    found = p;
  }
  return found;
}

/**
 * The holder of an office whose name a spelling in the text resembles ("بيدرو سانتشيث" for
 * Pedro Sánchez, written «سانشيث» in the lexicon): a word of the spelling within one letter
 * (two in words of 7+) of a word of one of the person's names, first and last name alike, among
 * the persons who held that office in that country at any time. Null when none or several.
 */
export function holderNamed(lex: Lexicon, country: string, officeOrRole: string, spelling: string): Person | null {
  const mine = nameWords(spelling);
  if (!mine.length) return null;
  const close = (a: string, b: string) => a === b || (Math.abs(a.length - b.length) <= 2 && editDistance(a, b) <= (Math.max(a.length, b.length) >= 7 ? 2 : 1));
  const found = new Set<Person>();
  for (const { p } of termsFor(lex, country, officeOrRole)) {
    const theirs = personNameWords(p);
    if (mine.filter((w) => theirs.some((x) => close(w, x))).length >= Math.min(2, mine.length)) found.add(p);
  }
  return found.size === 1 ? [...found][0] : null;
}

/** The folded words of four letters or more of a name. */
const nameWords = (x: string) => fold(x).split(/[\s\-‐]+/).filter((w) => w.length >= 4);
/** Each person's name words (all its names, each word once), read once per person. */
const nameWordsOf = new WeakMap<Person, string[]>();
function personNameWords(p: Person): string[] {
  let out = nameWordsOf.get(p);
  if (!out) {
    out = [...new Set([p.name, ...Object.values(p.names).flat()].flatMap(nameWords))];
    nameWordsOf.set(p, out);
  }
  return out;
}

/** Roles by seniority, for a person's terms that overlap. */
const TERM_RANK: Role[] = ["head_of_state", "head_of_government", "foreign_minister", "legislature_head", "org_head", "minister", "ambassador", "military", "official", "legislator", "governor_mayor", "delegation"];

/** The term a person held on a date (null when none covers it). */
export function termOn(p: Person, date: string | null): PersonTerm | null {
  if (!p.terms.length) return null;
  const rank = TERM_RANK;
  if (!date) {
    // No date: the term that ends last (one still held first), the most senior of those; a
    // president since 1994 stays president beside a shorter term that began later.
    const end = (t: PersonTerm) => t.to ?? "9999";
    return [...p.terms].sort((a, b) => end(b).localeCompare(end(a)) || rank.indexOf(a.role) - rank.indexOf(b.role) || (b.from ?? "").localeCompare(a.from ?? ""))[0];
  }
  const covering = p.terms.filter((t) => within(date, t.from, t.to));
  if (!covering.length) return null;
  // Prefer the most senior role when terms overlap (a president who is also party chief).
  return covering.sort((a, b) => rank.indexOf(a.role) - rank.indexOf(b.role))[0];
}

function within(date: string, from: string | null, to: string | null): boolean {
  // Partial dates (YYYY, YYYY-MM) compare by prefix: 2019 lies within a term from 2012 to 2020.
  const d = date;
  const lo = from ? from.slice(0, d.length) : "0000";
  const hi = to ? to.slice(0, d.length) : "9999";
  return d >= lo && d <= hi;
}

/**
 * A nationality adjective as written in the data (masculine singular) with its feminine forms in
 * French, Spanish and Italian ("israélien" -> "israélienne", "chino" -> "china"); the plural "s"
 * is matched as a name ending.
 */
export function adjectiveForms(list: readonly string[], lang: string): string[] {
  const out = new Set(list);
  for (const a of list) {
    if (a.includes(" ")) continue;
    if (lang === "fr") {
      if (/(ien|éen)$/.test(a)) out.add(a + "ne");
      else if (!/e$/.test(a)) out.add(a + "e");
    } else if (lang === "es" || lang === "it") {
      if (/o$/.test(a)) out.add(a.slice(0, -1) + "a");
      else if (lang === "es" && /(és|án|ín)$/.test(a)) out.add(a.slice(0, -2) + a.slice(-2).normalize("NFD")[0] + a.slice(-1) + "a");
    }
  }
  return [...out];
}
