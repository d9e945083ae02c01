// Titles and institutions named without a country belong to the report's home country (its
// dateline's, else its publisher's, else its language's): "The Prime Minister met NATO Secretary
// General Mark Rutte" on a gov.uk page is the British prime minister; "the Foreign Ministry said"
// in a Tajik agency's report is Tajikistan's. Only where nothing in the sentence binds the title
// to a country, organisation or person, and no earlier sentence names another country's holder
// of that office (then "the President" is that one, which the events stage resolves).

import { HOME_INSTITUTIONS } from "../article/publisher.js";
import { holderOf, PhraseMatcher, termOn, type Lexicon } from "../lexicon/index.js";
import { textHasHan, type EntityMatch, type SentenceMentions } from "../mentions/index.js";
import { hasHan, normalize } from "../text/normalize.js";
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
  /** Each person's term on the date (persons recur from sentence to sentence). */
  const terms = new Map<string, ReturnType<typeof termOn>>();
  const note = (sm: SentenceMentions) => {
    // A titled name outside the lexicon ("Foreign Secretary Harsh Shringla"): "the Foreign
    // Secretary" after it is that person, of whatever country.
    for (const n of sm.names) {
      const o = sm.entities[n.office];
      if (o?.payload.kind === "office") foreignRoles.add(o.payload.role);
    }
    sm.entities.forEach((e) => {
      if (e.payload.kind === "person") {
        let term = terms.get(e.payload.id);
        if (term === undefined) {
          const p = lex.persons.get(e.payload.id);
          terms.set(e.payload.id, (term = p ? termOn(p, date) : null));
        }
        if (term && term.country !== home) foreignRoles.add(term.role);
      } else if (e.payload.kind === "office" && HOME_ROLES.has(e.payload.role)) {
        // The title of a named person ("Foreign Secretary Harsh Shringla"), or of another country.
        const other = sm.entities.find((x) => (x.payload.kind === "person" || (x.payload.kind === "country" && x.payload.id !== home)) && boundAmong(text, [x], sm.triggers, e));
        if (other) foreignRoles.add(e.payload.role);
      }
    });
  };
  if (title) note(title);
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
    note(sm);
    if (entities) sm.entities = entities.sort((a, b) => a.start - b.start);
  }
}

/** Home institutions named in a sentence (the Foreign Ministry, «МИД», «وزارة الخارجية»). */
function institutionsIn(text: string, sm: SentenceMentions, lang: string): { start: number; end: number; tokenStart: number; tokenEnd: number }[] {
  const m = institutionMatcher();
  const found: { start: number; end: number; tokenStart: number; tokenEnd: number }[] = m.matchTokens(sm.tokens, lang);
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
