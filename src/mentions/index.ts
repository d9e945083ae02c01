// Mentions stage: runs the compiled lexicon over each sentence and sorts the hits by kind.
// Entities (countries, places, organisations, persons, offices) are de-overlapped longest-first
// so "Collective Security Treaty Organization" is one organisation, not a country adjective
// inside it; triggers, topics and modality cues are kept in their own layers because they may
// overlap entities ("Russian-Tajik talks").

import { longestNonOverlapping, type LexEntry, type Lexicon, type Match } from "../lexicon/index.js";
import { fold, normalize, tokenize, type Token } from "../text/normalize.js";
import type { Sentence, Span } from "../types.js";

export type EntityMatch = Match<Extract<LexEntry, { kind: "country" | "place" | "org" | "person" | "office" }>>;
export type TriggerMatch = Match<Extract<LexEntry, { kind: "trigger" }>>;
export type TopicMatch = Match<Extract<LexEntry, { kind: "topic" }>>;
export type ModalityMatch = Match<Extract<LexEntry, { kind: "modality" }>>;
export type ReferenceMatch = Match<Extract<LexEntry, { kind: "reference" }>>;

/** Unknown person found by a title + capitalised-name pattern. */
export interface NameMatch extends Span {
  name: string;
  /** Index in `entities` of the office that introduces it. */
  office: number;
}

export interface SentenceMentions {
  sentence: Sentence;
  tokens: Token[];
  entities: EntityMatch[];
  triggers: TriggerMatch[];
  topics: TopicMatch[];
  modality: ModalityMatch[];
  references: ReferenceMatch[];
  names: NameMatch[];
}

/** Run the lexicon over one span of the text. */
export function mentionsIn(text: string, span: Span, lex: Lexicon, lang?: string): Omit<SentenceMentions, "sentence" | "names"> {
  const slice = text.slice(span.start, span.end);
  const nt = normalize(slice);
  const tokens = tokenize(slice, nt, span.start);
  const all = lex.matcher.matchTokens(tokens, lang);
  for (const h of lex.matcher.matchHan(nt, lang)) {
    h.start += span.start;
    h.end += span.start;
    all.push(h);
  }
  const entities: EntityMatch[] = [];
  const triggers: TriggerMatch[] = [];
  const topics: TopicMatch[] = [];
  const modality: ModalityMatch[] = [];
  const references: ReferenceMatch[] = [];
  for (const m of all) {
    switch (m.payload.kind) {
      case "trigger": triggers.push(m as TriggerMatch); break;
      case "topic": topics.push(m as TopicMatch); break;
      case "modality": modality.push(m as ModalityMatch); break;
      case "reference": references.push(m as ReferenceMatch); break;
      default: entities.push(m as EntityMatch);
    }
  }
  return {
    tokens,
    entities: longestNonOverlapping(entities),
    triggers: longestNonOverlapping(triggers),
    topics: longestNonOverlapping(topics),
    modality: longestNonOverlapping(modality),
    references: longestNonOverlapping(references),
  };
}

// Words that start a capitalised run but are not names (sentence starts, months, titles).
const NOT_A_NAME = /^(the|and|of|in|on|at|for|with|to|his|her|mr|mrs|ms|dr|и|в|с|на|по|г)$/i;
// Courtesy titles that may stand between a title and a name ("Ambassador ... Mr. Kim").
const COURTESY = /^(mr|mrs|ms|dr|the|his|her|h)$/i;

/**
 * Title + name pattern for persons outside the lexicon: an office ("Председатель ГКНБ",
 * "Deputy Prime Minister", "ambassador"), optionally followed by a country or organisation,
 * then two or three capitalised words that the lexicon does not know.
 */
export function findTitledNames(text: string, tokens: Token[], entities: EntityMatch[], triggers: { start: number; end: number }[] = []): NameMatch[] {
  const out: NameMatch[] = [];
  // Words of a known entity or of an event phrase ("Dışişleri Bakanlığına çağrıldı") are no name.
  const covered = (t: Token) => entities.some((e) => t.start < e.end && e.start < t.end) || triggers.some((e) => t.start < e.end && e.start < t.end);
  entities.forEach((e, i) => {
    if (e.payload.kind !== "office") return;
    // Skip over the office's own tokens and at most one country/org entity or 3 lower-case words.
    let k = tokens.findIndex((t) => t.start >= e.end);
    if (k < 0) return;
    // "Ambassador of the Republic of Korea to Tajikistan Mr. Kim Jong-hoon": up to two countries
    // or organisations, four lower-case words and a courtesy title may stand between.
    let places = 0, words = 0;
    while (k < tokens.length && places + words < 7) {
      const t = tokens[k];
      const ent = entities.find((x) => t.start >= x.start && t.end <= x.end);
      if (ent && (ent.payload.kind === "country" || ent.payload.kind === "org")) {
        if (++places > 2) return;
        while (k < tokens.length && tokens[k].end <= ent.end) k++;
        continue;
      }
      // "посол Республики Молдова": a capitalised state word right before a country belongs to it.
      const nextEnt = tokens[k + 1] && entities.find((x) => tokens[k + 1].start >= x.start && tokens[k + 1].end <= x.end);
      if (t.capitalized && nextEnt && (nextEnt.payload.kind === "country" || nextEnt.payload.kind === "org") && !covered(t)) {
        k++;
        continue;
      }
      if (!t.capitalized || /^\p{N}/u.test(t.norm) || NOT_A_NAME.test(text.slice(t.start, t.end))) {
        // Genitive complements of a title are lower case in most languages ("министр иностранных дел").
        if ((t.capitalized && !COURTESY.test(text.slice(t.start, t.end))) || ++words > 4) return;
        k++;
        continue;
      }
      break;
    }
    const parts: Token[] = [];
    while (k < tokens.length && parts.length < 3) {
      const t = tokens[k];
      // "Jong-hoon": a lower-case part joined by a hyphen belongs to the name word before it.
      if (parts.length && !t.capitalized && /^[-‐]$/.test(text.slice(parts[parts.length - 1].end, t.start))) {
        parts.push(t);
        k++;
        continue;
      }
      if (!t.capitalized || covered(t) || /^\p{N}/u.test(t.norm) || NOT_A_NAME.test(text.slice(t.start, t.end))) break;
      // The name words must be adjacent (a space or hyphen between them).
      if (parts.length && !/^[\s\-‐]{1,2}$/.test(text.slice(parts[parts.length - 1].end, t.start))) break;
      parts.push(t);
      k++;
    }
    if (parts.filter((p) => p.capitalized).length >= 2) {
      const start = parts[0].start;
      const end = parts[parts.length - 1].end;
      out.push({ start, end, name: transliterate(text.slice(start, end)), office: i });
    }
  });
  return out;
}

// Cyrillic -> Latin, close to the usual English spelling of Central Asian and Russian names.
const CYR: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", ә: "a", ғ: "gh", қ: "q", ң: "ng", ө: "o", ұ: "u", ү: "u", һ: "h",
  і: "i", ӣ: "i", ӯ: "u", ҳ: "h", ҷ: "j", ў: "o", ї: "yi", є: "ye", ґ: "g",
};

/** Latin spelling of a name written in Cyrillic (other scripts are returned as they are). */
export function transliterate(name: string): string {
  if (!/[\u0400-\u04ff]/.test(name)) return name;
  let out = "";
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const t = CYR[lower];
    if (t === undefined) out += ch;
    else out += ch !== lower && t ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}

/** Mentions for every sentence of a document. */
export function findMentions(text: string, sentences: Sentence[], lex: Lexicon, lang?: string): SentenceMentions[] {
  const all = sentences.map((sentence) => {
    const m = mentionsIn(text, sentence, lex, lang);
    return { sentence, ...m, names: findTitledNames(text, m.tokens, m.entities, m.triggers) };
  });
  resolveStateTitles(text, all);
  return all;
}

/**
 * "The Kingdom", "the Sultanate": after a state has been named by its full title ("the Kingdom
 * of Saudi Arabia", "المملكة العربية السعودية"), the bare title refers to that state.
 */
function resolveStateTitles(text: string, all: SentenceMentions[]): void {
  const named: { id: string; surface: string }[] = [];
  for (const sm of all) {
    const added: EntityMatch[] = [];
    for (const r of sm.references) {
      if (r.payload.id !== "state_title") continue;
      const word = fold(text.slice(r.start, r.end)).replace(/^(the|le|das|el|ال)\s*/u, "").trim();
      const covered = sm.entities.some((e) => e.start <= r.start && r.end <= e.end);
      const state = named.find((n) => n.surface.includes(word));
      if (!covered && state) {
        added.push({ payload: { kind: "country", id: state.id, form: "name" }, extra: 0, start: r.start, end: r.end, tokenStart: sm.tokens.findIndex((t) => t.start >= r.start), tokenEnd: sm.tokens.findIndex((t) => t.end >= r.end) + 1, surface: text.slice(r.start, r.end) });
      }
    }
    for (const e of sm.entities) if (e.payload.kind === "country" && e.payload.form === "name") named.push({ id: e.payload.id, surface: fold(text.slice(e.start, e.end)) });
    if (added.length) sm.entities = [...sm.entities, ...added].sort((a, b) => a.start - b.start);
  }
}

/**
 * "Our country" («кишварамон», "کشورمان", "mamlakatimiz") is the home country of the report (its
 * dateline's, else the one country a language belongs to); "our head of state" («Мемлекет
 * басшысы», "Davlatimiz rahbari") is that country's president on the day. Added as entities so
 * the later stages see them like any named country or person.
 */
export function resolveHomeReferences(text: string, all: SentenceMentions[], home: string | null, leaderId: string | null): void {
  if (!home) return;
  for (const sm of all) {
    const added: EntityMatch[] = [];
    for (const r of sm.references) {
      if (r.payload.id !== "home" && r.payload.id !== "home_leader") continue;
      if (sm.entities.some((e) => e.start < r.end && r.start < e.end && e.payload.kind !== "office")) continue;
      const payload = r.payload.id === "home" ? ({ kind: "country", id: home, form: "name" } as const) : leaderId ? ({ kind: "person", id: leaderId } as const) : null;
      if (!payload) continue;
      added.push({ payload, extra: 0, start: r.start, end: r.end, tokenStart: sm.tokens.findIndex((t) => t.start >= r.start), tokenEnd: sm.tokens.findIndex((t) => t.end >= r.end) + 1, surface: text.slice(r.start, r.end) });
    }
    if (added.length) {
      // A title covered by "our head of state" is that person's, not a second side.
      const keep = sm.entities.filter((e) => !(e.payload.kind === "office" && added.some((x) => x.payload.kind === "person" && e.start < x.end && x.start < e.end)));
      sm.entities = [...keep, ...added].sort((a, b) => a.start - b.start);
    }
  }
}
