// Titles and institutions named without a country belong to the report's home country (its
// dateline's, else its publisher's, else its language's): "The Prime Minister met NATO Secretary
// General Mark Rutte" on a gov.uk page is the British prime minister; "the Foreign Ministry said"
// in a Tajik agency's report is Tajikistan's. Only where nothing in the sentence binds the title
// to a country, organisation or person, and no earlier sentence names another country's holder
// of that office (then "the President" is that one, which the events stage resolves).

import { HOME_INSTITUTIONS } from "../article/publisher.js";
import { holderOf, PhraseMatcher, termOn, type Lexicon, type PersonTerm } from "../lexicon/index.js";
import { textHasHan, type EntityMatch, type SentenceMentions } from "../mentions/index.js";
import { fold, hasHan, normalize } from "../text/normalize.js";
import type { Role, Span } from "../types.js";

/** Roles whose unnamed holder is the home country's. */
const HOME_ROLES: ReadonlySet<Role> = new Set(["head_of_state", "head_of_government", "foreign_minister"]);
/** How far a country, organisation or person may stand from a title and still be its own. */
const BIND_GAP = 24;
const SENTENCE_BREAK = /[.;!?؟。]/;

let institutions: PhraseMatcher<string> | null = null;
function institutionMatcher(): PhraseMatcher<string> {
  if (institutions) return institutions;
  const m = new PhraseMatcher<string>();
  for (const [kind, perLang] of Object.entries(HOME_INSTITUTIONS))
    for (const [lang, list] of Object.entries(perLang)) for (const phrase of list) m.add(phrase, lang, kind, { langBound: true });
  return (institutions = m);
}

/**
 * Whether an entity that can give a title its country (a country, organisation or person) stands
 * next to a span with no sentence break or event word between, directly or through a chain of
 * titles ("Mohammed bin Rashid, Vice President, Prime Minister").
 */
function bound(text: string, sm: SentenceMentions, x: Span): boolean {
  return boundAmong(text, sm.entities, sm.triggers, x);
}

/**
 * bound() with the entities to look among (and the sentence's triggers) given apart: the nearest
 * entity on each side (not one overlapping the span; of equals, the first listed) is found by
 * one pass over them, without lists made on the way.
 */
function boundAmong(text: string, entities: readonly EntityMatch[], triggers: readonly Span[], x: Span): boolean {
  for (let dir = -1; dir <= 1; dir += 2) {
    let edge: Span = x;
    for (;;) {
      let next: EntityMatch | undefined;
      for (const e of entities) {
        if (e.start < x.end && x.start < e.end) continue;
        if (dir < 0) {
          if (e.end <= edge.start && (next === undefined || e.end > next.end)) next = e;
        } else if (e.start >= edge.end && (next === undefined || e.start < next.start)) next = e;
      }
      if (!next || !(dir < 0 ? gapOk(text, triggers, next.end, edge.start) : gapOk(text, triggers, edge.end, next.start))) break;
      if (binds(next)) return true;
      if (next.payload.kind !== "office") break;
      edge = next;
    }
  }
  return false;
}

/** Whether text[a, b) is short, with no sentence break and no trigger in it. */
function gapOk(text: string, triggers: readonly Span[], a: number, b: number): boolean {
  return b >= a && b - a <= BIND_GAP && !SENTENCE_BREAK.test(text.slice(a, b)) && !triggers.some((t) => t.start >= a && t.end <= b);
}

/** Entities that give a title their country: a country (not by its capital), an organisation, a person. */
function binds(e: EntityMatch): boolean {
  return (e.payload.kind === "country" && e.payload.form !== "capital") || e.payload.kind === "org" || e.payload.kind === "person";
}

/** Plural and dual endings of a title's head word ("presidents", «президенты», «الرئيسين», «وزيرا»): several holders, not one. */
const PLURAL: Partial<Record<string, RegExp>> = {
  en: /s$/i, fr: /s$/i, es: /s$/i, de: /en$/i, ar: /(?:ين|ان|ون|ا)$/u, fa: /(?:ها|ان)$/u, ru: /(?:ы|ов|ами|ам|ах)$/iu,
  uk: /(?:и|ів|ами|ам|ах)$/iu, tr: /(?:ler|lar)[ıiuü]?$/iu, kk: /(?:лар|лер|дар|дер|тар|тер)\p{L}*$/iu, ky: /(?:лар|лер|дар|дер|тар|тер)\p{L}*$/iu,
  uz: /lar\p{L}*$/iu, tg: /(?:он|ҳо)$/iu,
};
/** Languages whose titles put the head word first («министры иностранных дел», «وزير الخارجية»). */
const HEAD_FIRST = new Set(["ar", "fa", "ru", "uk", "tg", "fr", "es"]);

/** Whether a title is written in the plural or dual (English, French and Spanish list their plurals as phrases of their own). */
function plural(surface: string, extra: number, lang: string): boolean {
  const re = PLURAL[lang];
  if (!re || (extra === 0 && lang !== "en" && lang !== "fr" && lang !== "es")) return false;
  const words = surface.split(/\s+/);
  return re.test(HEAD_FIRST.has(lang) ? words[0] : words[words.length - 1]);
}

/**
 * Gives titles of HOME_ROLES without a country the home country (as the events stage reads a
 * title of one country's institution), and adds the home country where a home institution (the
 * Foreign Ministry) is named without one. `title` is the headline's mentions, read first.
 */
export function resolveHomeTitles(
  text: string, all: SentenceMentions[], title: SentenceMentions | null, home: string | null, lex: Lexicon, lang: string, date: string | null,
): void {
  if (!home) return;
  /** Roles whose holder in another country an earlier sentence (or the headline) named. */
  const foreignRoles = new Set<Role>();
  /** Roles already given to the home country: the article's referent for them stays the same. */
  const homeRoles = new Set<Role>();
  if (title) noteForeign(text, title, home, lex, date, foreignRoles);
  for (const sm of all) {
    // The sentence's entities as changed, copied at the first change (most sentences have none).
    let entities: EntityMatch[] | null = null;
    const list = sm.entities;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const p = e.payload;
      // A title of a home role without a country, unless written in the plural ("Presidents"),
      // with a titled name ("Ambassador John Smith") or a country or person beside it.
      if (p.kind === "office" && !p.country && HOME_ROLES.has(p.role) && !(foreignRoles.has(p.role) && !homeRoles.has(p.role))
        && !plural(text.slice(e.start, e.end), e.extra, lang) && !sm.names.some((n) => n.office === i) && !bound(text, sm, e)) {
        (entities ??= list.slice(0, i)).push({ ...e, payload: { ...p, country: home } });
        homeRoles.add(p.role);
      } else if (entities) entities.push(e);
    }
    for (const m of institutionsIn(text, sm, lang)) {
      if ((entities ?? list).some((e) => e.start < m.end && m.start < e.end) || bound(text, sm, m)) continue;
      (entities ??= list.slice()).push({ payload: { kind: "country", id: home, form: "name" }, extra: 0, start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, surface: text.slice(m.start, m.end) });
    }
    noteForeign(text, sm, home, lex, date, foreignRoles);
    if (entities) sm.entities = entities.sort((a, b) => a.start - b.start);
  }
}

/**
 * Adds to foreignRoles the roles whose holder in another country a sentence names: a titled
 * name outside the lexicon, a person of another country, a home role's title bound to a person
 * or another country. (Loops, not closures: this reads every mention of every sentence.)
 */
function noteForeign(text: string, sm: SentenceMentions, home: string, lex: Lexicon, date: string | null, foreignRoles: Set<Role>): void {
  // A titled name outside the lexicon ("Foreign Secretary Arlen Voss"): "the Foreign
  // Secretary" after it is that person, of whatever country.
  const ents = sm.entities;
  for (let k = 0; k < sm.names.length; k++) {
    const o = ents[sm.names[k].office];
    if (o?.payload.kind === "office") foreignRoles.add(o.payload.role);
  }
  for (let k = 0; k < ents.length; k++) {
    const e = ents[k];
    const p = e.payload;
    if (p.kind === "person") {
      const term = personTermOn(lex, p.id, date);
      if (term && term.country !== home) foreignRoles.add(term.role);
    } else if (p.kind === "office" && HOME_ROLES.has(p.role)) {
      // The title of a named person ("Foreign Secretary Arlen Voss"), or of another country.
      for (let j = 0; j < ents.length; j++) {
        const x = ents[j];
        if ((x.payload.kind === "person" || (x.payload.kind === "country" && x.payload.id !== home)) && boundAmong(text, [x], sm.triggers, e)) {
          foreignRoles.add(p.role);
          break;
        }
      }
    }
  }
}

/**
 * Each person's term on a date, per lexicon (persons and dates recur from document to document;
 * a packed lexicon builds a person each time it is asked). Emptied past TERM_MEMO_SIZE answers.
 */
const termMemos = new WeakMap<Lexicon, { size: number; byDate: Map<string | null, Map<string, PersonTerm | null>> }>();
const TERM_MEMO_SIZE = 50_000;

function personTermOn(lex: Lexicon, id: string, date: string | null): PersonTerm | null {
  let memo = termMemos.get(lex);
  if (!memo) termMemos.set(lex, (memo = { size: 0, byDate: new Map() }));
  let byId = memo.byDate.get(date);
  if (!byId) memo.byDate.set(date, (byId = new Map()));
  let term = byId.get(id);
  if (term === undefined) {
    const p = lex.persons.get(id);
    term = p ? termOn(p, date) : null;
    if (memo.size >= TERM_MEMO_SIZE) {
      memo.byDate.clear();
      memo.size = 0;
      memo.byDate.set(date, (byId = new Map()));
    }
    byId.set(id, term);
    memo.size++;
  }
  return term;
}

/**
 * What a sentence's words must hold for the matcher to find a home institution in them, per
 * document language: for each phrase one of its words (the longest), which a text word matching
 * it starts with (a word in Arabic script: contains, after a proclitic). `first` marks the first
 * code units of the words; `any` is set where some phrase has no such word (then every sentence
 * goes to the matcher).
 */
interface InstitutionWords {
  words: string[];
  first: Uint8Array;
  any: boolean;
}
const institutionWordsByLang = new Map<string, InstitutionWords>();
const ARABIC_ARTICLE = "ال";

function institutionWords(lang: string): InstitutionWords {
  let iw = institutionWordsByLang.get(lang);
  if (iw) return iw;
  // (As the matcher reads a document language: none, or "und", takes every language's phrases.)
  const anyLang = !lang || lang === "und";
  iw = { words: [], first: new Uint8Array(0x10000), any: false };
  for (const perLang of Object.values(HOME_INSTITUTIONS))
    for (const [l, list] of Object.entries(perLang)) {
      if (!anyLang && l !== lang) continue;
      for (const phrase of list) {
        // Han phrases are found in the text, not among the words.
        if (hasHan(phrase)) continue;
        // The phrase's words as the matcher compiles them (folded; a word of several forms
        // names none of them for sure, so it is not chosen).
        let longest = "";
        for (const whole of phrase.trim().split(/\s+/)) {
          if (whole.includes("|")) continue;
          const bare = whole.replace(/[*=]$/, "");
          for (let w of (/^[A-Za-z0-9]+$/.test(bare) ? [bare.toLowerCase()] : fold(bare).match(/[\p{L}\p{N}]+/gu) ?? [])) {
            // The Arabic article is optional in text: the word without it.
            if (w.startsWith(ARABIC_ARTICLE)) w = w.slice(ARABIC_ARTICLE.length);
            if (w.length > longest.length) longest = w;
          }
        }
        if (!longest) iw.any = true;
        else if (!iw.words.includes(longest)) {
          iw.words.push(longest);
          iw.first[longest.charCodeAt(0)] = 1;
        }
      }
    }
  institutionWordsByLang.set(lang, iw);
  return iw;
}

/**
 * Whether a sentence's words may name a home institution: one of them holds a word of some
 * phrase (see InstitutionWords). Most sentences hold none, and skip the matcher's lookup of
 * each of their words.
 */
function mayNameInstitution(sm: SentenceMentions, lang: string): boolean {
  const iw = institutionWords(lang);
  if (iw.any) return true;
  const tokens = sm.tokens;
  const words = iw.words;
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i].norm;
    const c = norm.charCodeAt(0);
    if ((c & 0xff00) === 0x0600) {
      // Arabic script: the word after a proclitic ("ووزارة", "بالخارجية").
      for (let k = 0; k < words.length; k++) if (norm.includes(words[k])) return true;
    } else if (iw.first[c] === 1) {
      for (let k = 0; k < words.length; k++) if (norm.startsWith(words[k])) return true;
    }
  }
  return false;
}

/** Home institutions named in a sentence (the Foreign Ministry, «МИД», «وزارة الخارجية»). */
function institutionsIn(text: string, sm: SentenceMentions, lang: string): { start: number; end: number; tokenStart: number; tokenEnd: number }[] {
  const m = institutionMatcher();
  const found: { start: number; end: number; tokenStart: number; tokenEnd: number }[] = mayNameInstitution(sm, lang) ? m.matchTokens(sm.tokens, lang) : [];
  const s = sm.sentence;
  // (hasHan: the regex /\p{Script=Han}/u read by code unit, a table lookup for most of them;
  // a sentence of a document without Han has none.)
  if (textHasHan(text) && hasHan(text.slice(s.start, s.end))) {
    for (const h of m.matchHan(normalize(text.slice(s.start, s.end)), lang, s.start)) found.push(h);
  }
  return found;
}

/** Quoted stretches of a sentence: a "we" or "our" in them is the speaker's, not the narrator's. */
const QUOTED = /[“«„"][^”»"“]*[”»"“]/g;

/**
 * The home country of a report that names neither a dateline nor a publisher, read from the text:
 * a government's own readout ("The Prime Minister met NATO Secretary General Mark Rutte ... the
 * cornerstone of our security ... the UK's contribution ... his recent visit to Ukraine") speaks
 * in the first person plural and leaves its own office holders unnamed. Its home is the one
 * country the text names that is neither a place or destination ("to Ukraine") nor beside
 * another actor's name or title, and that has a holder of the unnamed title on the date. Null
 * whenever any of this is missing or more than one country remains.
 */
export function homeFromText(text: string, all: SentenceMentions[], lex: Lexicon, lang: string, date: string | null): string | null {
  const ours = lex.markers.firstPersonPlural.get(lang);
  if (!ours) return null;
  // The unnamed titles first: most reports have none, and then neither the first person nor the
  // countries need reading.
  const roles = new Set<Role>();
  for (const sm of all) {
    const list = sm.entities;
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      const p = e.payload;
      if (p.kind === "office" && !p.country && HOME_ROLES.has(p.role) && !plural(text.slice(e.start, e.end), e.extra, lang) && !sm.names.some((n) => n.office === i) && !bound(text, sm, e)) roles.add(p.role);
    }
  }
  if (!roles.size) return null;
  let firstPerson = false;
  for (const sm of all) {
    const s = sm.sentence;
    const quoted = [...text.slice(s.start, s.end).matchAll(QUOTED)].map((m) => ({ start: s.start + m.index!, end: s.start + m.index! + m[0].length }));
    const inQuote = (x: Span) => quoted.some((q) => x.start >= q.start && x.end <= q.end);
    if (sm.tokens.some((t) => ours.has(t.norm) && !inQuote(t))) {
      firstPerson = true;
      break;
    }
  }
  if (!firstPerson) return null;
  const excluded = new Set<string>();
  const candidates = new Set<string>();
  const placeWords = [...(lex.markers.placeBefore.get(lang) ?? []), ...(lex.markers.directionBefore.get(lang) ?? [])].filter((p) => p.length === 1).map((p) => p[0]);
  for (const sm of all) {
    for (const e of sm.entities) {
      const p = e.payload;
      if (p.kind !== "country" || p.form === "capital") continue;
      const k = sm.tokens.findIndex((t) => t.start >= e.start);
      const prev = k > 0 ? sm.tokens[k - 1].norm : null;
      // "to Ukraine", "in France": where someone goes or is, not whose readout this is.
      const place = prev !== null && placeWords.includes(prev);
      // "President of France Emmanuel Macron": another actor's country.
      const others = sm.entities.filter((x) => x.payload.kind === "person" || x.payload.kind === "office");
      const actors = boundAmong(text, others, sm.triggers, e);
      (place || actors ? excluded : candidates).add(p.id);
    }
  }
  const left = [...candidates].filter((c) => !excluded.has(c) && [...roles].every((r) => holderOf(lex, c, r, date)));
  return left.length === 1 ? left[0] : null;
}
