// Sentence splitting: Intl.Segmenter (ICU sentence rules) per paragraph, then repairs of its
// known errors in news text: no break after abbreviations, initials ("В.В. Путин",
// "John F. Kennedy", "ج.ا.ا."), "г. Душанбе", "Jan. 5", German ordinal dates ("16. September").
// ICU already breaks on "." "!" "?" "؟" "۔" "。" "！" "？" and never on ";".

import type { Lang, Sentence, Span } from "../types.js";
import { isHighSurrogate } from "../text/normalize.js";

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: Lang): Intl.Segmenter {
  // tg/ky/und have no tailoring of their own: root rules are the same and always available.
  const locale = lang === "und" ? "en" : lang;
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "sentence" });
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Abbreviations (lower case, final dot removed) after which a sentence practically never ends:
 * titles and words that stand before a name or place. Shared across languages, as reports mix
 * them (an English title in a Russian text).
 */
const BEFORE_NAME = new Set([
  // en
  "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
  "sen", "rep", "rev", "hon", "amb", "pres", "st", "mt", "ft", "e.g", "i.e", "cf", "approx", "vs", "viz",
  // ru / uk / kk / ky / tg
  "им", "ул", "пр", "просп", "пер", "пл", "т.е", "т.к", "т.ч", "т.н", "напр", "см", "ср", "проф",
  "акад", "ген", "тов", "обл", "р-н", "респ", "вул", "ім", "пр-т", "көш", "кӯч", "ноҳ", "мин",
  // fr
  "mme", "mlle", "mm", "me", "pr", "ste", "av", "bd", "p.ex",
  // de
  "hr", "fr", "z.b", "d.h", "u.a", "v.a", "bzw", "ca", "vgl", "sog", "mio", "mrd",
  // es
  "sr", "sra", "srta", "dra", "dña", "lic", "ing", "excmo", "excma",
  // tr
  "doç", "yrd", "cad", "sok",
]);

/** Abbreviations that stand before a number: no break when the next sentence starts with a digit. */
const BEFORE_NUMBER = new Set([
  "no", "nos", "nr", "núm", "art", "p", "pp", "pág", "s", "ch", "vol", "ст", "стр", "ч", "п", "№",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "janv", "févr", "avr", "juil", "sept", "déc", "ene", "dic", "янв", "фев", "февр", "мар", "апр",
  "авг", "сен", "сент", "окт", "ноя", "нояб", "дек",
]);

/** German months: "am 16. September" is one sentence (ICU breaks after "16."). */
const GERMAN_MONTHS = /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

/** Last token of a segment that ends in ".", without the dot and opening punctuation. */
function lastDottedToken(seg: string): { token: string; before: string } | null {
  // The run of non-space characters before a final dot (what /(\S+)\.$/u matches), found from
  // the end: the regex tried every start position of a long segment.
  const dot = seg.length - 1;
  if (dot < 1 || seg.charCodeAt(dot) !== 46) return null;
  let start = dot;
  while (start > 0 && !isSpaceUnit(seg.charCodeAt(start - 1))) start--;
  if (start === dot) return null;
  const token = seg.slice(start, dot).replace(/^[\p{Ps}\p{Pi}"'«„]+/u, "");
  return { token, before: seg.slice(0, start) };
}

/** White space (\s) by code unit: every \s character is in the Basic Multilingual Plane. */
const spaceUnit = new Int8Array(0x10000).fill(-1);
function isSpaceUnit(code: number): boolean {
  let v = spaceUnit[code];
  if (v < 0) {
    v = /\s/.test(String.fromCharCode(code)) ? 1 : 0;
    spaceUnit[code] = v;
  }
  return v === 1;
}

/**
 * Whether segment `a` (trimmed) must be joined with the following segment `b` (trimmed):
 * ICU broke after a dot that ends an abbreviation or an initial, not a sentence.
 */
export function shouldJoin(a: string, b: string, lang: Lang): boolean {
  // Text starting in lower case continues a sentence (ICU rarely breaks there, but can after
  // an abbreviation with closing quotes).
  if (/^[\p{Ll}]/u.test(b)) return true;
  const last = lastDottedToken(a);
  if (!last) return false;
  const token = last.token;
  const lower = token.toLowerCase();
  const nextStartsWithDigit = /^\p{N}/u.test(b);
  // Russian "г."/"гг.": after a number it is "год(а)" and may end the sentence
  // ("...в 2022 г. Следующая"); otherwise it is "город" before a place name ("г. Душанбе").
  if (lower === "г" || lower === "гг") return !/\p{N}\s*$/u.test(last.before);
  if (BEFORE_NAME.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower) && nextStartsWithDigit) return true;
  // Initials and single-letter abbreviations: "Ш.", "F.", "ш." (шаҳр), "ж." (жыл), and chains
  // like "В.В." or "ج.ا.ا." (ICU breaks inside those when no space follows the dot).
  if (/^\p{L}$/u.test(token) || /^(\p{L}\.)+\p{L}$/u.test(token)) {
    // Country abbreviations can end a sentence: join them only when lower case follows (above).
    if (/^(u\.s|u\.k|u\.n|e\.u|u\.s\.a|u\.a\.e|s\.a)$/i.test(token)) return false;
    return true;
  }
  // German ordinal dates.
  if ((lang === "de" || lang === "und") && /^\d{1,2}$/.test(token) && GERMAN_MONTHS.test(b)) return true;
  return false;
}

/**
 * ICU breaks at every line break. A line break inside a paragraph is a hard wrap (shown to ICU
 * as spaces, same length so offsets hold) when the next line starts in lower case or the line
 * ends with a comma, colon, hyphen or opening bracket; otherwise the line is its own unit
 * (a list item, a heading line, a date line).
 */
function unwrapLines(raw: string): string {
  if (raw.indexOf("\n") < 0) return raw;
  return raw.replace(/\r?\n/g, (m, at: number) => {
    // The last character before the break other than spaces/tabs, and the first after it.
    let b = at;
    while (b > 0 && (raw.charCodeAt(b - 1) === 32 || raw.charCodeAt(b - 1) === 9)) b--;
    let a = at + m.length;
    while (a < raw.length && (raw.charCodeAt(a) === 32 || raw.charCodeAt(a) === 9)) a++;
    const wrapped = (a < raw.length && /^\p{Ll}/u.test(raw.slice(a, a + 2))) || (b > 0 && /[,،:;\-–(«“„]/u.test(raw[b - 1]));
    return wrapped ? " ".repeat(m.length) : m;
  });
}

const hasWordChar = (s: string) => /[\p{L}\p{N}]/u.test(s);

/**
 * Split the body paragraphs of `text` into sentences. Sentences never cross paragraphs; spans
 * index `text` and are trimmed of surrounding whitespace; `index` counts across the document.
 */
/**
 * News sentences run to a few hundred characters; a "sentence" of thousands (a list without
 * full stops, a scraped table) is cut at clause breaks, else at spaces, so that no later stage
 * works on a span of unbounded length.
 */
const MAX_SENTENCE = 1000;
function capped(text: string, sp: Span): Span[] {
  const out: Span[] = [];
  let start = sp.start;
  while (sp.end - start > MAX_SENTENCE) {
    const window = text.slice(start, start + MAX_SENTENCE);
    let cut = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "), window.lastIndexOf("، "), window.lastIndexOf("，"));
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(" ");
    if (cut < MAX_SENTENCE / 2) cut = MAX_SENTENCE - 1;
    out.push({ start, end: start + cut + 1 });
    start += cut + 1;
    while (start < sp.end && isSpaceUnit(text.charCodeAt(start))) start++;
  }
  if (start < sp.end) out.push({ start, end: sp.end });
  return out;
}

/**
 * Intl.Segmenter's sentence iteration takes time quadratic in the length of the string (a
 * 141 KB paragraph took 4 s, 282 KB 15 s), so long paragraphs are segmented in windows: each
 * window's last two segments (the last may be cut by the window's end) are segmented again at
 * the start of the next window. A window without a boundary (one run-on sentence) is cut at a
 * space; capped() cuts such sentences anyway.
 */
const SEGMENT_WINDOW = 4096;

/**
 * Characters after which a sentence may end (UAX #29: Sentence_Terminal and the ATerm dots, and
 * the paragraph separators), and what may follow the first of them without a break: more
 * terminators and closing quotes or brackets, with no space (rules SB8a, SB9).
 */
const SENTENCE_TERMINAL = /[\p{Sentence_Terminal}\u2024\ufe52\uff0e\r\n\u0085\u2028\u2029]/u;
const UNBROKEN_TAIL = /^[\p{Sentence_Terminal}\u2024\ufe52\uff0e"'”’»)\]]*$/u;

/**
 * Whether the segmenter would find one sentence in s: no terminator, or only a final run of
 * them (half of all news paragraphs are one sentence; segmenting costs more than this test).
 */
export function oneSentence(s: string): boolean {
  const at = firstTerminal(s);
  return at < 0 || UNBROKEN_TAIL.test(s.slice(at));
}

/** Whether each BMP code unit is a SENTENCE_TERMINAL character (1/0; -1 not computed yet). */
const terminalUnit = new Int8Array(0x10000).fill(-1);

/** Where SENTENCE_TERMINAL first matches in s (its search, unit by unit through a table), or -1. */
function firstTerminal(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHighSurrogate(c) && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A pair is one code point to the pattern (some terminators are outside the BMP).
        if (SENTENCE_TERMINAL.test(s.slice(i, i + 2))) return i;
        i++;
        continue;
      }
    }
    let t = terminalUnit[c];
    if (t < 0) t = terminalUnit[c] = SENTENCE_TERMINAL.test(String.fromCharCode(c)) ? 1 : 0;
    if (t === 1) return i;
  }
  return -1;
}

/**
 * The segments of s (what segmenter.segment(s) finds, in windows: see SEGMENT_WINDOW), pushed to
 * `out` as pairs of numbers (start, end).
 */
function sentenceSegments(segmenter: Intl.Segmenter, s: string, out: number[]): void {
  // A string that fits in one window is segmented whole (or found to be one sentence).
  if (s.length <= SEGMENT_WINDOW) {
    if (s.length === 0) return;
    if (oneSentence(s)) out.push(0, s.length);
    else for (const seg of segmenter.segment(s)) out.push(seg.index, seg.index + seg.segment.length);
    return;
  }
  let base = 0;
  while (base < s.length) {
    const last = s.length - base <= SEGMENT_WINDOW;
    const chunk = last ? s.slice(base) : s.slice(base, base + SEGMENT_WINDOW);
    const parts: number[] = [];
    if (oneSentence(chunk)) parts.push(base, base + chunk.length);
    else for (const seg of segmenter.segment(chunk)) parts.push(base + seg.index, base + seg.index + seg.segment.length);
    if (last) {
      for (let i = 0; i < parts.length; i++) out.push(parts[i]);
      return;
    }
    const count = parts.length / 2;
    if (count >= 2) {
      const keep = count >= 3 ? count - 2 : 1;
      for (let i = 0; i < 2 * keep; i++) out.push(parts[i]);
      base = parts[2 * keep];
      continue;
    }
    // One sentence fills the window: cut it at its last space (never inside a surrogate pair).
    let cut = chunk.lastIndexOf(" ");
    if (cut < SEGMENT_WINDOW / 2) cut = SEGMENT_WINDOW;
    if (cut < chunk.length && isHighSurrogate(chunk.charCodeAt(cut - 1))) cut--;
    out.push(base, base + cut);
    base += cut;
  }
}

/**
 * Views segmented together, joined by PARAGRAPH_JOIN: one segmenter call for many short
 * paragraphs (each call has a fixed cost: the segmenter's break iterator is cloned for it). A
 * paragraph separator ends a sentence and the rules never look across one (UAX #29: SB4 breaks
 * after it; SB8's look-ahead stops at it; SB5 does not attach what follows it; SB9/SB10 keep it
 * with the sentence before it, so a sentence ending a view ends at the separator), so each
 * view's segments are those it has alone: a segment ending at a separator ends at the view's end,
 * and a segment of the separator alone (after a view ending in a line break) is no view's.
 * Groups stay within SEGMENT_WINDOW.
 */
const PARAGRAPH_JOIN = "\u2029";

/** The segments of each of `views` (indices `group`) into segs, with one segmenter call for the group. */
function segmentGroup(segmenter: Intl.Segmenter, views: string[], group: number[], segs: number[][]): void {
  if (group.length === 1) {
    // (A grouped view fits the window and is known to hold more than one sentence.)
    const out: number[] = (segs[group[0]] = []);
    for (const seg of segmenter.segment(views[group[0]])) out.push(seg.index, seg.index + seg.segment.length);
    return;
  }
  let joined = views[group[0]];
  for (let k = 1; k < group.length; k++) joined += PARAGRAPH_JOIN + views[group[k]];
  let k = 0, offset = 0, end = views[group[0]].length;
  let out: number[] = (segs[group[0]] = []);
  for (const seg of segmenter.segment(joined)) {
    const s = seg.index, e = s + seg.segment.length;
    while (s > end) {
      offset = end + 1;
      end = offset + views[group[++k]].length;
      out = segs[group[k]] = [];
    }
    if (s === end) {
      // The separator alone (the view ended in a line break).
      if (e === end + 1) continue;
    } else if (e <= end + 1) {
      out.push(s - offset, Math.min(e, end) - offset);
      continue;
    }
    // A segment across a separator: not as the rules go; each view segmented alone.
    for (const i of group) sentenceSegments(segmenter, views[i], (segs[i] = []));
    return;
  }
}

export function splitSentences(text: string, paragraphs: Span[], lang: Lang): Sentence[] {
  const segmenter = segmenterFor(lang);
  const out: Sentence[] = [];
  const raws: string[] = [];
  const views: string[] = [];
  /** Per paragraph, its segments (start, end) in its view. */
  const segs: number[][] = new Array(paragraphs.length);
  // Views the segmenter must read (more than one sentence, within a window) go in groups.
  let group: number[] = [];
  /** The length of the group's views joined. */
  let groupLength = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const raw = text.slice(paragraphs[i].start, paragraphs[i].end);
    const view = unwrapLines(raw);
    raws.push(raw);
    views.push(view);
    if (view.length === 0 || view.length > SEGMENT_WINDOW) sentenceSegments(segmenter, view, (segs[i] = []));
    else if (oneSentence(view)) segs[i] = [0, view.length];
    else {
      if (group.length > 0 && groupLength + 1 + view.length > SEGMENT_WINDOW) {
        segmentGroup(segmenter, views, group, segs);
        group = [];
        groupLength = -1;
      }
      group.push(i);
      groupLength += 1 + view.length;
    }
  }
  if (group.length > 0) segmentGroup(segmenter, views, group, segs);
  paragraphs.forEach((para, pIndex) => {
    const raw = raws[pIndex];
    const view = views[pIndex];
    const spans: Span[] = [];
    const segments = segs[pIndex];
    for (let k = 0; k < segments.length; k += 2) {
      let s = segments[k], e = segments[k + 1];
      while (s < e && isSpaceUnit(view.charCodeAt(s))) s++;
      while (e > s && isSpaceUnit(view.charCodeAt(e - 1))) e--;
      if (s < e) spans.push({ start: s, end: e });
    }
    // Repairs: join across false breaks; fold punctuation-only pieces into the previous sentence.
    const joined: Span[] = [];
    for (const sp of spans) {
      const prev = joined[joined.length - 1];
      if (prev) {
        const a = raw.slice(prev.start, prev.end), b = raw.slice(sp.start, sp.end);
        if (!hasWordChar(b) || shouldJoin(a, b, lang)) {
          prev.end = sp.end;
          continue;
        }
      }
      joined.push({ ...sp });
    }
    for (const whole of joined) {
      for (const sp of capped(raw, whole)) out.push({ start: para.start + sp.start, end: para.start + sp.end, index: out.length, paragraph: pIndex });
    }
  });
  return out;
}
