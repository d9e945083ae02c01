// The extraction pipeline: one function from a decoded document to a DocumentResult.
//   decode -> article -> language -> sentences -> mentions -> dates -> events -> figures
// Every stage is a pure function in its own folder; this module only wires them and assembles
// the output record with its evidence.

import { hostOf, parseTextDump, publisherNamed } from "../article/index.js";
import { publisherOfHost } from "../article/publisher.js";
import { findDates } from "../dates/index.js";
import { decode } from "../decode/index.js";
import { findEvents, type DateHit, type EventContext } from "../events/index.js";
import { findFigures } from "../figures/index.js";
import { detectLanguage, LANGUAGE_SAMPLE } from "../lang/index.js";
import { holderOf, loadLexicon, withDocumentPersons, type Lexicon } from "../lexicon/index.js";
import { findDocumentMentions, mentionsIn, resolveHomeReferences, type SentenceMentions } from "../mentions/index.js";
import { splitSentences } from "../sentences/index.js";
import { SPACE_UNITS } from "../text/normalize.js";
import { homeFromText, resolveHomeTitles } from "./home.js";
import { clauseBreaks } from "../events/clauses.js";
import { VERB_FINAL } from "../events/cues.js";
import type { Article, DecodedText, DocumentResult, Evidence, Figure, Lang, Publisher, RawInput, Span } from "../types.js";

export interface ExtractOptions {
  lexicon?: Lexicon;
  /** Reference date for relative dates when the text states none (YYYY-MM-DD). */
  fallbackDate?: string | null;
}

/** Bytes in, result out. Throws InputError for input that cannot be read as text. */
export function extractRaw(input: RawInput, opts: ExtractOptions = {}): DocumentResult {
  return extractText(decode(input), opts);
}

/** Decoded text (a plain-text dump of a news page) in, result out. */
export function extractText(doc: DecodedText, opts: ExtractOptions = {}): DocumentResult {
  return extractArticle(doc.page ? articleFromPage(doc) : parseTextDump(doc), doc.encoding, opts);
}

/**
 * An article from text that the HTML extractor already cleaned (title, blank line, paragraphs):
 * every paragraph is body, and the page's markup gives the title, date and site.
 */
function articleFromPage(doc: DecodedText): Article {
  const page = doc.page!;
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of doc.text.matchAll(re)) if (m[0].trim()) spans.push({ start: m.index!, end: m.index! + m[0].length });
  const hasTitle = !!page.title && doc.text.startsWith(page.title) && spans.length > 1;
  let source: string | null = null;
  try {
    source = page.url ? new URL(page.url).hostname.replace(/^www\./, "") : null;
  } catch {
    source = null;
  }
  const fromText = parseTextDump(doc);
  // The page's own URL or site name says who published it before anything in the text.
  const siteHost = source ?? (page.siteName ? publisherNamed(page.siteName) : null);
  const fromPage = siteHost ? publisherOfHost(siteHost) : null;
  return {
    name: doc.name,
    origin: doc.origin,
    text: doc.text,
    title: hasTitle ? page.title : fromText.title,
    titleSpan: hasTitle ? spans[0] : fromText.titleSpan,
    published: page.published ?? fromText.published,
    publishedSpan: page.published ? null : fromText.publishedSpan,
    dateline: fromText.dateline,
    source: source ?? page.siteName ?? fromText.source,
    paragraphs: hasTitle ? spans.slice(1) : spans,
    publisher: fromPage ? { ...fromPage, from: "page", span: null } : fromText.publisher,
  };
}

/** Languages that are the state language of one country only: whose "our country" it is. */
const HOME_BY_LANG: Partial<Record<string, string>> = { tg: "TJK", uz: "UZB", kk: "KAZ", ky: "KGZ", tr: "TUR", az: "AZE", fa: "IRN" };

/** The language of an article's body (falling back to the whole text when the body is tiny). */
function articleLanguage(a: Article): Lang {
  // Identification reads the first LANGUAGE_SAMPLE characters: the paragraphs are joined up to
  // there, and the join cut there (one flat string; what identification reads is the same).
  const parts: string[] = [];
  let length = -1;
  for (let i = 0; i < a.paragraphs.length && length < LANGUAGE_SAMPLE; i++) {
    const p = a.paragraphs[i];
    const end = Math.min(p.end, p.start + LANGUAGE_SAMPLE);
    parts.push(a.text.slice(p.start, end));
    length += 1 + end - p.start;
  }
  const body = parts.join("\n");
  return detectLanguage(body.length >= 40 ? body.slice(0, LANGUAGE_SAMPLE) : a.text);
}

/** A recognised article in, result out. */
export function extractArticle(a: Article, encoding: string, opts: ExtractOptions = {}): DocumentResult {
  const lex = opts.lexicon ?? loadLexicon();
  const text = a.text;
  const lang = articleLanguage(a);
  // A month-only publication date ("2023-12") still anchors "in November" and "on Tuesday": the
  // stages reckon from the month's last day, and what they date to the day from it alone is
  // given at the month's precision.
  const partial = a.published && a.published.length < 10 ? a.published : null;
  const refDate = (partial ? lastDayOf(partial) : a.published) ?? opts.fallbackDate ?? null;
  const sentences = splitSentences(text, a.paragraphs, lang);
  const { mentions, persons: ownPersons } = findDocumentMentions(text, sentences, lex, lang, refDate);
  // A sentence the text breaks off reports nothing for sure in its last clause (its verb,
  // object or negation may be what is missing): what the clauses before the break tell stands,
  // where the verb comes early (where it ends the clause, every clause may be waiting for it).
  if (a.cut && mentions.length) {
    const last = mentions[mentions.length - 1];
    const breaks = VERB_FINAL.has(lang) ? [] : clauseBreaks(text, last);
    const whole = breaks.length ? breaks[breaks.length - 1] : last.sentence.start;
    last.triggers = last.triggers.filter((t) => t.end <= whole);
  }
  // Dates are found once over the body (the date stage folds the text it is given) and then
  // handed to the sentences that contain them.
  const bodySpan: Span | null = a.paragraphs.length ? { start: a.paragraphs[0].start, end: a.paragraphs[a.paragraphs.length - 1].end } : null;
  const bodyDates = bodySpan ? findDates(text, lang, refDate, bodySpan) : [];
  if (partial) for (const d of bodyDates) if (d.kind === "relative" && d.value.length > partial.length) d.value = d.value.slice(0, partial.length);
  // Both lists are in document order: one pass hands each date to its sentence. (A sentence's
  // list is made with its first date, an array of objects from the start: the first push into an
  // empty array changes its elements kind, and a second date in a sentence, first met after
  // extractArticle was optimised, deoptimised it.)
  const datesBySentence: DateHit[][] = [];
  for (let i = 0, j = 0; j < sentences.length; j++) {
    const s = sentences[j];
    let list: DateHit[] | null = null;
    for (; i < bodyDates.length && bodyDates[i].start < s.end; i++) {
      const d = bodyDates[i];
      if (d.start >= s.start && d.end <= s.end) {
        if (list) list.push(d);
        else list = [d];
      }
    }
    datesBySentence.push(list ?? []);
  }

  /** The sentence containing a span (binary search over the sentences, in order). */
  const sentenceOf = (span: Span): Span | undefined => {
    let lo = 0, hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = sentences[mid];
      if (span.start < x.start) hi = mid - 1;
      else if (span.start >= x.end) lo = mid + 1;
      else return span.end <= x.end ? x : undefined;
    }
    return undefined;
  };
  const ev = (span: Span): Evidence => {
    const sp = sentenceOf(span) ?? span;
    return { document: a.name, sentence: text.slice(sp.start, sp.end), start: span.start, end: span.end };
  };

  // Dateline place ("Samarkand, 16 September") resolved through the lexicon.
  let datelinePlace: EventContext["datelinePlace"] = null;
  if (a.dateline?.place) {
    const dm = mentionsIn(text, a.dateline.span, lex, lang);
    const e = dm.entities.find((x) => x.payload.kind === "place" || (x.payload.kind === "country" && x.payload.form === "capital"));
    if (e) {
      const city = e.payload.kind === "place" ? e.payload.id : lex.placeNames.get(`capital:${e.payload.id}`)?.name ?? null;
      const country = e.payload.kind === "place" ? e.payload.country : e.payload.id;
      datelinePlace = { city, country, start: e.start, end: e.end };
    }
  }
  // "Our country", "our head of state", a title or ministry named without a country: the
  // dateline's country, else the publisher's (not a world wire's), else the country of a
  // language spoken as the state language of one country only.
  const publisher = publisherOf(a);
  const home = datelinePlace?.country ?? (publisher && !publisher.international ? publisher.country : null) ?? HOME_BY_LANG[lang]
    ?? homeFromText(text, mentions, lex, lang, refDate);
  const leader = home ? holderOf(lex, home, "head_of_state", refDate) : null;
  resolveHomeReferences(text, mentions, home, leader?.id ?? null);
  // (Built field by field, in the order of the sentences' own records: object spread here took a
  // third of extractArticle's own time.)
  let title: SentenceMentions | null = null;
  if (a.titleSpan) {
    const tm = mentionsIn(text, a.titleSpan, lex, lang);
    const sentence = { start: a.titleSpan.start, end: a.titleSpan.end, index: -1, paragraph: -1 };
    title = { sentence, tokens: tm.tokens, entities: tm.entities, triggers: tm.triggers, topics: tm.topics, modality: tm.modality, references: tm.references, names: [] };
  }
  resolveHomeTitles(text, mentions, title, home, lex, lang, refDate);

  const events = findEvents({ document: a.name, text, lang, refDate, datelinePlace, title, lex: withDocumentPersons(lex, ownPersons) }, mentions, datesBySentence);
  // Events dated by the article alone take its date as precise as it is.
  if (partial) for (const e of events) if (e.date === refDate && !e.dateEvidence) e.date = partial;

  // Organisations and countries named in the body, each with its first mention, in lists read in
  // order (a document names a few: lookups by key in objects made per document, and
  // Object.entries of one, took most of extractArticle's own time). The ids are codes, never a
  // name Object.prototype has, so a list holds them as the objects' keys did.
  const orgIds: string[] = [];
  const orgFirst: Evidence[] = [];
  const namedIds: string[] = [];
  const namedFirst: Evidence[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const ents = mentions[k].entities;
    for (let i = 0; i < ents.length; i++) {
      const p = ents[i].payload;
      if (p.kind === "org") {
        if (!orgIds.includes(p.id)) {
          orgIds.push(p.id);
          orgFirst.push(ev(ents[i]));
        }
        // A capital or city alone does not make its country "discussed".
      } else if (p.kind === "country" && p.form !== "capital" && !namedIds.includes(p.id)) {
        namedIds.push(p.id);
        namedFirst.push(ev(ents[i]));
      }
    }
  }
  const orgs: Record<string, Evidence> = {};
  for (let i = 0; i < orgIds.length; i++) orgs[orgIds[i]] = orgFirst[i];
  const parties: string[] = [];
  for (const e of events) if (!e.status) for (const x of e.actors) if (!parties.includes(x.country)) parties.push(x.country);
  const thirdIds: string[] = [];
  const third: Record<string, Evidence> = {};
  for (let i = 0; i < namedIds.length; i++) {
    if (parties.includes(namedIds[i])) continue;
    thirdIds.push(namedIds[i]);
    third[namedIds[i]] = namedFirst[i];
  }

  const refYear = refDate ? Number(refDate.slice(0, 4)) : null;
  const figures: Figure[] = [];
  for (const s of sentences) {
    // (A figure inside the sentence it was found in has that sentence for evidence: no search
    // for it, and one slice of it for all its figures.)
    let sentence: string | null = null;
    for (const f of findFigures(text, s, lang, refYear)) {
      const evidence = f.start >= s.start && f.start < s.end && f.end <= s.end ? { document: a.name, sentence: (sentence ??= text.slice(s.start, s.end)), start: f.start, end: f.end } : ev(f);
      figures.push({ what: f.what, value: f.value, unit: f.unit, year: f.year, evidence });
    }
  }

  const bodyText = bodyOf(text, a.paragraphs);
  return {
    id: a.name,
    origin: a.origin,
    encoding,
    lang,
    source: a.source,
    publisher: publisher ? { country: publisher.country, host: publisher.host, from: publisher.from, kind: publisher.kind, international: publisher.international, evidence: publisher.span ? ev(publisher.span) : null } : null,
    published: a.published,
    title: a.title,
    body: bodyText,
    body_first: edgeWords(bodyText, 8, false),
    body_last: edgeWords(bodyText, 8, true),
    events,
    orgs: orgIds,
    third_countries: thirdIds,
    figures,
    evidence: {
      title: a.titleSpan,
      published: a.publishedSpan,
      body: a.paragraphs,
      orgs,
      third_countries: third,
    },
  };
}

/** The article's publisher; the input's origin, when that is a URL (a fetched page), outranks an agency the body only cites. */
function publisherOf(a: Article): Publisher | null {
  if (a.publisher && a.publisher.from !== "cited") return a.publisher;
  const host = /^https?:\/\//i.test(a.origin) ? hostOf(a.origin) : null;
  const p = host ? publisherOfHost(host) : null;
  return p ? { ...p, from: "origin", span: null } : a.publisher ?? null;
}

/** The last day of a YYYY-MM or YYYY period, as YYYY-MM-DD. */
function lastDayOf(period: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : 12;
  const day = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, "0")}-${day}`;
}

/**
 * The paragraphs joined by blank lines: one slice of the text where a blank line ("\n\n") is
 * all that stands between them (most texts), else the paragraphs joined.
 */
function bodyOf(text: string, paragraphs: Span[]): string {
  const n = paragraphs.length;
  if (!n) return "";
  let joined = true;
  for (let k = 1; k < n && joined; k++) {
    const gap = paragraphs[k - 1].end;
    joined = paragraphs[k].start - gap === 2 && text.charCodeAt(gap) === 0x0a && text.charCodeAt(gap + 1) === 0x0a;
  }
  if (joined) return text.slice(paragraphs[0].start, paragraphs[n - 1].end);
  // (Joined in a loop: map's result for a document without paragraphs is an array of another
  // elements kind, whose join deoptimised extractArticle.)
  let body = "";
  for (let k = 0; k < n; k++) body += (k > 0 ? "\n\n" : "") + text.slice(paragraphs[k].start, paragraphs[k].end);
  return body;
}

const IS_SPACE = SPACE_UNITS;

/**
 * The first (or last) n words of s joined by spaces, as s.split(/\s+/).filter(Boolean).slice(0, n)
 * (or .slice(-n)) joined gives them, or null where s has none; without splitting the whole body,
 * and as one slice of s where single spaces stand between the words (most texts).
 */
function edgeWords(s: string, n: number, fromEnd: boolean): string | null {
  // (Where the words start and end, and whether each gap between them is one space.)
  let count = 0, from = -1, to = -1, spaced = true;
  if (!fromEnd) {
    for (let i = 0; i < s.length && count < n; ) {
      const gap = i;
      while (i < s.length && IS_SPACE[s.charCodeAt(i)] === 1) i++;
      const start = i;
      while (i < s.length && IS_SPACE[s.charCodeAt(i)] === 0) i++;
      if (i > start) {
        if (count === 0) from = start;
        else if (start - gap !== 1 || s.charCodeAt(gap) !== 0x20) spaced = false;
        to = i;
        count++;
      }
    }
  } else {
    for (let i = s.length; i > 0 && count < n; ) {
      const gap = i;
      while (i > 0 && IS_SPACE[s.charCodeAt(i - 1)] === 1) i--;
      const end = i;
      while (i > 0 && IS_SPACE[s.charCodeAt(i - 1)] === 0) i--;
      if (end > i) {
        if (count === 0) to = end;
        else if (gap - end !== 1 || s.charCodeAt(end) !== 0x20) spaced = false;
        from = i;
        count++;
      }
    }
  }
  if (count === 0) return null;
  if (spaced) return s.slice(from, to);
  // Other white space between: the words, each read again, joined by one space.
  let out = "";
  for (let i = from; i < to; ) {
    while (i < to && IS_SPACE[s.charCodeAt(i)] === 1) i++;
    const start = i;
    while (i < to && IS_SPACE[s.charCodeAt(i)] === 0) i++;
    if (i > start) out += (out ? " " : "") + s.slice(start, i);
  }
  return out;
}
