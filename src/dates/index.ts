// Dates stage: finds date expressions in a text and resolves them to YYYY-MM-DD / YYYY-MM / YYYY.
//
// Matching runs on a folded copy of the text that has exactly the same length (one UTF-16 unit in,
// one out), so every regex offset is an offset into the original text. Gregorian, Solar Hijri
// (Jalali, via jalaali-js) and lunar Hijri (via ICU's islamic-umalqura calendar) dates are
// recognised; relative expressions ("yesterday", «в прошлый четверг», "geçen yıl") need a
// reference date.

import { toGregorian, toJalaali } from "jalaali-js";
import type { Lang, Span } from "../types.js";
import {
  EXTRA_MONTHS, EXTRA_WEEKDAYS, HIJRI_MONTHS, ICU_LOCALES, INFLECTING_LOCALES, JALALI_MONTHS, LAST_AFTER,
  LAST_BEFORE, LAST_YEAR, RELATIVE_DAYS, THIS_MONTH, THIS_YEAR, YEAR_AFTER, YEAR_BEFORE,
} from "./tables.js";
import { isSurrogate, SPACE_UNITS } from "../text/normalize.js";

export interface DateMatch {
  start: number;
  end: number;
  /** YYYY-MM-DD | YYYY-MM | YYYY */
  value: string;
  kind: "absolute" | "relative";
  calendar: "gregorian" | "jalali" | "hijri";
}

type Calendar = DateMatch["calendar"];

// ---------------------------------------------------------------------------------------------
// Folding (length-preserving)

/** Eastern Arabic (٠-٩) and Persian (۰-۹) digits to ASCII; same length, so offsets hold. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

const CHAR_FOLD: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ی", "ي": "ی", "ك": "ک", "ё": "е", "Ё": "е",
  "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'", "\u200c": " ", "İ": "i", "ـ": "ـ",
};

/** The folds that are not the lower case, by unit (0: none): Eastern digits, then CHAR_FOLD. */
const SPECIAL_FOLD = new Uint16Array(65536);
for (let d = 0; d < 10; d++) SPECIAL_FOLD[0x0660 + d] = SPECIAL_FOLD[0x06f0 + d] = 0x30 + d;
for (const [c, mapped] of Object.entries(CHAR_FOLD)) SPECIAL_FOLD[c.charCodeAt(0)] = mapped.charCodeAt(0);

/**
 * Fold of one UTF-16 unit (the rules below); always exactly one unit. (Every operation runs for
 * every unit: inlined into foldByTable, one that only an Arabic digit reached deoptimised it.)
 */
function foldUnit(code: number): number {
  const special = SPECIAL_FOLD[code];
  const lower = String.fromCharCode(code).toLowerCase();
  return special !== 0 ? special : lower.length === 1 ? lower.charCodeAt(0) : code;
}

// Per-unit fold table, filled on first use (-1 = not computed yet): folding is the hottest loop
// of the stage, and a table lookup replaces a lower-casing call and a string append per unit.
const FOLD_TABLE = new Int32Array(65536).fill(-1);

const SHORT_FOLD = 256;

/** The last few long texts folded: the pipeline and the article stage fold the same text often. */
const foldMemo: Array<[string, string]> = [];
const FOLD_MEMO_MIN = 200;
const FOLD_MEMO_SIZE = 8; // the text, and the paragraphs the article stage folds between its foldings of it

// The fast fold: String.prototype.toLowerCase maps each code point on its own except the capital
// sigma (context-dependent) and İ (two units), which is why it equals the unit-by-unit fold on
// texts without surrogates, sigma, and the units whose fold is not their lower case. Texts with
// any of those (Arabic-block texts: letter variants and digits throughout; typographic
// apostrophes, ё, İ) take the table. One native search tells the two apart (a search for the
// table's units, then one for the other special units and a replace before the lower case, read
// such texts three times).
const FOLD_BY_TABLE = /[\u0600-\u06ff\ud800-\udfff\u03a3]/;
const FOLD_SPECIAL_UNITS = Object.keys(CHAR_FOLD).filter((c) => !FOLD_BY_TABLE.test(c));
const NOT_LOWER_CASE_FOLD = new RegExp(`${FOLD_BY_TABLE.source.slice(0, -1)}${FOLD_SPECIAL_UNITS.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`);
for (const c of FOLD_SPECIAL_UNITS) {
  const f = String.fromCharCode(foldUnit(c.charCodeAt(0)));
  if (f.toLowerCase() !== f || NOT_LOWER_CASE_FOLD.test(f)) throw new Error(`dates: the fold of ${c} is not stable under toLowerCase`);
}

/** Lower case, Eastern digits, Arabic/Persian letter variants, apostrophes: one unit per unit. */
export function foldForDates(s: string): string {
  const long = s.length >= FOLD_MEMO_MIN;
  if (long) for (const [k, v] of foldMemo) if (k === s) return v;
  const folded = NOT_LOWER_CASE_FOLD.test(s) ? foldByTable(s) : s.toLowerCase();
  if (long) {
    if (foldMemo.length >= FOLD_MEMO_SIZE) foldMemo.shift();
    foldMemo.push([s, folded]);
  }
  return folded;
}

/**
 * foldForDates of a name or phrase of the tables built at load, unit by unit (the same fold: see
 * FOLD_BY_TABLE). Through foldForDates, the hundreds of short names had it and foldByTable
 * optimised before any text was read, and the first long text deoptimised both.
 */
function foldName(s: string): string {
  const units: number[] = [];
  let changed = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const f = foldUnit(code);
    units.push(f);
    changed |= f ^ code;
  }
  // The name itself where the fold changes nothing, as foldForDates gives (a literal: the table
  // builders then see the same kinds of string as before, and phraseKey is not deoptimised).
  return changed === 0 ? s : String.fromCharCode(...units);
}

/** The folded units of foldByTable, reused (a fresh array per call cost more than the loop); texts longer than FOLD_SCRATCH_MAX get their own. */
let foldScratch = new Uint16Array(4096);
const FOLD_SCRATCH_MAX = 1 << 16;

/** foldForDates unit by unit, through the fold table. */
export function foldByTable(s: string): string {
  const n = s.length;
  if (foldScratch.length < n && n <= FOLD_SCRATCH_MAX) foldScratch = new Uint16Array(Math.min(FOLD_SCRATCH_MAX, Math.max(n, 2 * foldScratch.length)));
  const out = n <= foldScratch.length ? foldScratch : new Uint16Array(n);
  // Every unit is written (no branch on whether the text has changed yet); `changed` gathers the
  // bits where a fold differs from its unit, `surrogates` whether any unit is one.
  let changed = 0, surrogates = 0;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let f = FOLD_TABLE[code];
    if (f < 0) f = FOLD_TABLE[code] = foldUnit(code);
    out[i] = f;
    changed |= f ^ code;
    if ((code & 0xf800) === 0xd800) surrogates = 1;
  }
  if (changed === 0) return s;
  // The decoder would replace lone surrogates, so texts with surrogates are built unit by unit;
  // so are short texts, where the decoder's fixed cost dominates.
  if (n <= SHORT_FOLD) return String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
  // (Buffer's UTF-16 read, several times faster than TextDecoder's, differs only on lone surrogates.)
  if (surrogates === 0) return Buffer.from(out.buffer, out.byteOffset, 2 * n).toString("utf16le");
  let folded = "";
  for (let k = 0; k < n; k += 8192) folded += String.fromCharCode.apply(null, out.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  return folded;
}

// ---------------------------------------------------------------------------------------------
// Name tables, built once at load time

interface MonthEntry { cal: Calendar; month: number }

/** name -> month; `exact` names must match whole, `inflect` names may carry a suffix. */
const monthExact = new Map<string, MonthEntry>();
const monthInflect = new Map<string, MonthEntry>();
/** Languages whose ICU weekday names are matched: those the pipeline reads. */
const WEEKDAY_LOCALES = new Set(["en", "ru", "uk", "ar", "tg", "fa", "uz", "kk", "ky", "tr", "fr", "de", "es", "zh", "hu"]);

const weekdayExact = new Map<string, number>();
const weekdayInflect = new Map<string, number>();

// Heuristic: longest suffix accepted after an inflecting stem (ru сентябре, uz sentabrda, tr Eylül'de).
const MAX_SUFFIX = 6;

function addName<T>(map: Map<string, T>, name: string, value: T): void {
  const key = foldName(name).replace(/\.$/, "").replace(/\s+/g, " ").trim();
  if (key.length > 0 && !map.has(key)) map.set(key, value);
}

function buildTables(): void {
  for (const locale of ICU_LOCALES) {
    const inflecting = INFLECTING_LOCALES.has(locale);
    let formats: Intl.DateTimeFormat[];
    try {
      formats = [
        new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" }),
        new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }),
      ];
    } catch {
      continue;
    }
    const shortFormat = ["en", "fr", "de", "es", "ru", "tr"].includes(locale)
      ? new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" })
      : null;
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2021, m, 15));
      for (const f of formats) {
        for (const part of f.formatToParts(date)) {
          if (part.type !== "month" || /\d/.test(part.value)) continue;
          const entry: MonthEntry = { cal: "gregorian", month: m + 1 };
          if (inflecting) {
            addName(monthInflect, part.value, entry);
            // Heuristic: the stem without its last letter covers other cases (вересня -> вересні).
            if (part.value.length >= 6) addName(monthInflect, part.value.slice(0, -1), entry);
          } else {
            addName(monthExact, part.value, entry);
          }
        }
      }
      if (shortFormat) {
        for (const part of shortFormat.formatToParts(date)) {
          if (part.type === "month" && !/\d/.test(part.value) && part.value.replace(/\.$/, "").length >= 3) {
            addName(monthExact, part.value, { cal: "gregorian", month: m + 1 });
          }
        }
      }
    }
    // Weekday names only of the languages read (Turkmen "Anna", Friday, is also a given name and
    // "Annan" a surname: matched in every text they would date persons).
    if (!WEEKDAY_LOCALES.has(locale.split("-")[0])) continue;
    const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    for (let d = 0; d < 7; d++) {
      const name = weekday.format(new Date(Date.UTC(2021, 7, 1 + d))); // 2021-08-01 was a Sunday
      if (inflecting) addName(weekdayInflect, name, d);
      else addName(weekdayExact, name, d);
    }
  }
  for (const [m, names] of Object.entries(EXTRA_MONTHS)) {
    for (const n of names.exact) addName(monthExact, n, { cal: "gregorian", month: Number(m) });
    for (const n of names.inflect) addName(monthInflect, n, { cal: "gregorian", month: Number(m) });
  }
  JALALI_MONTHS.forEach((names, i) => names.forEach((n) => addName(monthExact, n, { cal: "jalali", month: i + 1 })));
  HIJRI_MONTHS.forEach((names, i) => names.forEach((n) => addName(monthExact, n, { cal: "hijri", month: i + 1 })));
  for (const [d, names] of Object.entries(EXTRA_WEEKDAYS)) {
    for (const n of names.exact) addName(weekdayExact, n, Number(d));
    for (const n of names.inflect) addName(weekdayInflect, n, Number(d));
  }
}
buildTables();

/** lookupInflected's answers per table and word (the tables are built once, above; the same words recur). */
const inflectedMemo = new WeakMap<Map<string, unknown>, Map<string, unknown>>();
const INFLECTED_MEMO_MAX = 5000;
const NOT_A_NAME: unique symbol = Symbol("not a name");

function lookupInflected<T>(word: string, exact: Map<string, T>, inflect: Map<string, T>): T | undefined {
  let memo = inflectedMemo.get(exact);
  if (!memo) inflectedMemo.set(exact, (memo = new Map()));
  const known = memo.get(word);
  if (known !== undefined) return known === NOT_A_NAME ? undefined : (known as T);
  const found = lookupInflectedOnce(word, exact, inflect);
  if (memo.size >= INFLECTED_MEMO_MAX) memo.clear();
  memo.set(word, found === undefined ? NOT_A_NAME : found);
  return found;
}

function lookupInflectedOnce<T>(word: string, exact: Map<string, T>, inflect: Map<string, T>): T | undefined {
  const w = word.replace(/\.$/, "").replace(/\s+/g, " ");
  const hit = exact.get(w) ?? inflect.get(w);
  if (hit !== undefined) return hit;
  const bare = w.replace(/'.*$/, ""); // tr Eylül'de -> eylül
  if (bare !== w) {
    const b = exact.get(bare) ?? inflect.get(bare);
    if (b !== undefined) return b;
  }
  for (let k = w.length - 1; k >= 3 && w.length - k <= MAX_SUFFIX; k--) {
    const v = inflect.get(w.slice(0, k));
    if (v !== undefined) return v;
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Folded phrases as matched: distinct, non-empty. */
function foldedWords(words: Iterable<string>): string[] {
  return [...new Set([...words].map((w) => foldName(w).trim()).filter((w) => w.length > 0))];
}

/** Regex alternation of folded phrases, longest first, spaces matching any whitespace. */
function alternation(words: Iterable<string>): string {
  const folded = foldedWords(words);
  folded.sort((a, b) => b.length - a.length);
  return folded.map((w) => escapeRe(w).replace(/ +/g, "\\s+")).join("|");
}


// Word boundaries for alphabetic scripts and digits; Chinese has no spaces, so Han characters
// do not count as a boundary violation.
const B = "(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{N}'])";
const E = "(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Arabic}\\p{N}])";
const SUFFIX = `(?:'?\\p{L}{0,${MAX_SUFFIX}})`;

const MONTH_ALT = alternation([...monthExact.keys(), ...monthInflect.keys()]);
const MONTH = `(?<mon>(?:${MONTH_ALT})${SUFFIX}\\.?)`;
const WEEKDAY = `(?<wd>(?:${alternation([...weekdayExact.keys(), ...weekdayInflect.keys()])})${SUFFIX})`;
const WEEKDAY_PREFIXES = ["в", "во", "у", "on", "the", "am", "le", "el", "روز", "يوم", "рӯзи", "этот", "эту"];
const LAST_YEAR_ALT = alternation(LAST_YEAR);
const THIS_YEAR_ALT = alternation(THIS_YEAR);
// "مارس الجاري" (this March), "مارس الماضي" (last March): a month in the current/past year.
const CURRENT_MONTH_WORDS = ["الجاري", "الماضي", "الماضى", "گذشته"];
const REL_YEAR = `(?:(?<lastY>${LAST_YEAR_ALT})|(?<thisY>${THIS_YEAR_ALT})|(?<cur>${alternation(CURRENT_MONTH_WORDS)}))`;
// "\s*-?\s*" would try every split of a run of spaces between its two \s* (quadratic in the
// run's length): the hyphen takes its own spaces instead.
const YEAR_WORD_STEMS = ["yil", "йил", "жыл", "yıl", "год", "г.", "сол", "рік", "року", "році"];
const YEAR_WORD = `(?:(?:-\\s*)?(?:${YEAR_WORD_STEMS.map(escapeRe).join("|")})\\p{L}*)`;
const YEAR_SUFFIX = `(?:\\s*(?:-?(?:года|году|г\\.|року|році|yil|йил|жыл|yıl)\\p{L}*|هـ|ه\\.?ق\\.?|ه\\.?ش\\.?|م(?!\\p{L})|年))?`;

const PATTERNS: Array<{ name: string; re: RegExp }> = [
  // 16 сентября 2022 года, 16. September 2022, 16 de septiembre de 2022, 22-dekabr, ۱۷ فروردین ۱۴۰۲
  {
    name: "dmy",
    re: new RegExp(
      `${B}(?<d>\\d{1,2})(?:er|st|nd|rd|th|-?chi|-?inchi|-?nchi)?(?:\\.|-)?\\s*(?:of\\s+|de\\s+)?${MONTH}` +
      `(?:\\s+ماه)?(?:(?:\\s*,\\s*|\\s+de\\s+|\\s+|-)(?<y>\\d{4})(?!\\d)${YEAR_SUFFIX})?(?:\\s+(?:de\\s+|of\\s+)?${REL_YEAR})?${E}`,
      "gu"),
  },
  // September 16, 2022; Jul 9; March 3rd
  {
    name: "mdy",
    re: new RegExp(`${B}${MONTH}\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{N}:])(?:,?\\s+(?<y>\\d{4})(?!\\d))?${E}`, "gu"),
  },
  // September 2022, в сентябре 2022 года, يناير 2016
  {
    name: "my",
    re: new RegExp(`${B}${MONTH}(?:\\s+ماه)?(?:\\s+(?:of|de|del))?,?\\s+(?<y>\\d{4})(?!\\d)${YEAR_SUFFIX}${E}`, "gu"),
  },
  // в октябре прошлого года, October last year, مارس الماضي
  { name: "mrel", re: new RegExp(`${B}${MONTH}(?:\\s+(?:of|de|del|des))?\\s+${REL_YEAR}${E}`, "gu") },
  // geçen yıl ekim, joriy yilning yanvar, last year in October
  {
    name: "relm",
    re: new RegExp(`${B}(?:(?<lastY>${LAST_YEAR_ALT})|(?<thisY>${THIS_YEAR_ALT}))\\s+(?:in\\s+)?${MONTH}${E}`, "gu"),
  },
  // 2022 yil 22 dekabr, 2025 жылғы 10 қазан; Hungarian 2023. március 15-én (the day after the month)
  {
    name: "ydm",
    re: new RegExp(`${B}(?<y>\\d{4})\\s*(?:${YEAR_WORD}|\\.)[\\s,]+(?:(?<d>\\d{1,2})-?\\s*)?${MONTH}(?:\\s+(?<d2>\\d{1,2})(?!\\d)(?:\\.|-\\p{L}{1,3})?)?${E}`, "gu"),
  },
  // 2022-09-16, 2022/09/16, 1402/01/17
  { name: "ymd", re: new RegExp(`${B}(?<y>\\d{4})(?<s>[-/.])(?<m>\\d{1,2})\\k<s>(?<d>\\d{1,2})(?![\\d])`, "gu") },
  // 16.09.2022, 16/09/2022, 15-2-2024
  { name: "dmy_num", re: new RegExp(`(?<![\\d./-])(?<d>\\d{1,2})(?<s>[./-])(?<m>\\d{1,2})\\k<s>(?<y>\\d{4})(?!\\d)`, "gu") },
  // 2023年3月10日, 2023年3月, 3月10日, 2001年
  { name: "zh_ymd", re: /(?<!\d)(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月(?:\s*(?<d>\d{1,2})\s*[日号])?/gu },
  { name: "zh_md", re: /(?<![\d年])(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]/gu },
  // in 2001, в 2001 году, سال 2001, 2001 yılında, 2001-yil, 2001年, عام 2001
  { name: "year_before", re: new RegExp(`${B}(?:${alternation(YEAR_BEFORE)})\\s+(?<y>\\d{4})(?!\\d)${E}`, "gu") },
  { name: "year_after", re: new RegExp(`${B}(?<y>\\d{4})\\s*(?:-\\s*)?(?:${alternation(YEAR_AFTER)})(?![\\p{L}\\p{N}])`, "gu") },
  { name: "year_zh", re: /(?<!\d)(?<y>\d{4})\s*年(?!\s*\d)/gu },
  // today, вчера, أمس ...
  {
    name: "relday",
    re: new RegExp(RELATIVE_DAYS.map((r, i) => `(?<r${i}>${B}(?:${alternation(r.words)})${E})`).join("|"), "gu"),
  },
  // on Monday, в прошлый четверг, یوم الخمیس, روز دوشنبه, jeudi dernier, 上周四
  {
    name: "weekday",
    re: new RegExp(
      `${B}(?:(?<pre>${alternation(WEEKDAY_PREFIXES)})\\s+)?(?:(?<last1>${alternation(LAST_BEFORE)})\\s*)?` +
      `${WEEKDAY}(?:\\s+(?<last2>${alternation(LAST_AFTER)}))?${E}`,
      "gu"),
  },
  { name: "lastyear", re: new RegExp(`${B}(?:${LAST_YEAR_ALT})${E}`, "gu") },
  { name: "thisyear", re: new RegExp(`${B}(?:${THIS_YEAR_ALT})${E}`, "gu") },
  { name: "thismonth", re: new RegExp(`${B}(?:${alternation(THIS_MONTH)})${E}`, "gu") },
];

// Candidate scan. Rather than letting each regex search the whole folded text (which also runs
// past the end of a range), every pattern is tried with a sticky copy only at positions where it
// can start: where the text begins with one of its start phrases (as far as the trie keys them,
// see phraseKey; a phrase the regex must follow by whitespace, or by a year, carries that in its
// key), and, for patterns opening with the B boundary, at a word start. This finds exactly the
// matches the global search finds, and stops at the end of the range.
const DIGITS = [..."0123456789"];
const MONTH_NAMES = [...monthExact.keys(), ...monthInflect.keys()];
const WEEKDAY_NAMES = [...weekdayExact.keys(), ...weekdayInflect.keys()];
/** Start phrases that the pattern requires to be followed by whitespace (\s+ in the regex). */
const followedBySpace = (words: string[]) => foldedWords(words).map((w) => `${w} `);
const PATTERN_STARTS: Record<string, string[]> = {
  dmy: DIGITS,
  mdy: foldedWords(MONTH_NAMES),
  my: foldedWords(MONTH_NAMES),
  mrel: foldedWords(MONTH_NAMES),
  relm: followedBySpace([...LAST_YEAR, ...THIS_YEAR]),
  ydm: DIGITS,
  ymd: DIGITS,
  dmy_num: DIGITS,
  zh_ymd: DIGITS,
  zh_md: DIGITS,
  year_before: foldedWords(YEAR_BEFORE).flatMap((w) => DIGITS.map((d) => `${w} ${d}`)),
  year_after: DIGITS,
  year_zh: DIGITS,
  relday: foldedWords(RELATIVE_DAYS.flatMap((r) => r.words)),
  // A prefix ("on", "the", «в») is followed by a "last" word or a weekday name.
  weekday: [
    ...followedBySpace(WEEKDAY_PREFIXES).flatMap((pre) => foldedWords([...LAST_BEFORE, ...WEEKDAY_NAMES]).map((w) => pre + w)),
    ...foldedWords([...LAST_BEFORE, ...WEEKDAY_NAMES]),
  ],
  lastyear: foldedWords(LAST_YEAR),
  thisyear: foldedWords(THIS_YEAR),
  thismonth: foldedWords(THIS_MONTH),
};
// Patterns whose own lookbehind refuses a digit before the match (besides B): (?<![\d./-]), (?<!\d).
const NOT_AFTER_DIGIT = new Set(["dmy_num", "zh_ymd", "zh_md", "year_zh"]);

interface ScanPattern { name: string; re: RegExp; wordStart: boolean; notAfterDigit: boolean }
const SCAN: ScanPattern[] = PATTERNS.map(({ name, re }) => {
  if (PATTERN_STARTS[name] === undefined) throw new Error(`dates: no start phrases for pattern ${name}`);
  // Every alternative of these patterns opens with B (relday: each named alternative does).
  const wordStart = re.source.startsWith(B) || (name === "relday" && re.source.startsWith(`(?<r0>${B}`));
  return { name, re: new RegExp(re.source, "uy"), wordStart, notAfterDigit: NOT_AFTER_DIGIT.has(name) };
});
if (SCAN.length > 31) throw new Error("dates: too many patterns for the start masks");

// Digit-led patterns by the length of the digit run they open with: \d{1,2} (a day or month)
// is never followed by another digit in them, nor \d{4} (a year); at a run of another length
// they cannot match.
const maskOf = (names: string[]) => names.reduce((m, n) => m | (1 << SCAN.findIndex((x) => x.name === n)), 0);
const DAY_LED_MASK = maskOf(["dmy", "dmy_num", "zh_md"]);
const YEAR_LED_MASK = maskOf(["ydm", "ymd", "zh_ymd", "year_after", "year_zh"]);
const DIGIT_LED_MASK = DAY_LED_MASK | YEAR_LED_MASK;
const SEPARATED_MASK = maskOf(["dmy_num", "ymd"]);
const YEAR_CJK_MASK = maskOf(["zh_ymd", "year_zh"]);
const MONTH_LED_MASK = maskOf(["mdy", "my", "mrel"]);
const MONTH_CJK_MASK = maskOf(["zh_md"]);
const K_OF = (name: string) => SCAN.findIndex((x) => x.name === name);
const K_DMY = K_OF("dmy"), K_MDY = K_OF("mdy"), K_MY = K_OF("my"), K_MREL = K_OF("mrel"), K_RELM = K_OF("relm");
const K_YDM = K_OF("ydm"), K_YEAR_AFTER = K_OF("year_after");
/** Patterns with a pre-test in mayMatchAt. */
const CHECKED_MASK = maskOf(["dmy", "mdy", "my", "mrel", "relm", "ydm", "year_after"]);
for (const { name } of SCAN) {
  const digitLed = PATTERN_STARTS[name] === DIGITS;
  if (digitLed !== ((DIGIT_LED_MASK & maskOf([name])) !== 0)) throw new Error(`dates: digit-led pattern list out of date: ${name}`);
}

// Start phrases go into a trie over a small alphabet (the units that occur in them, numbered
// from 1; every whitespace unit shares the number of the space, which the regexes match as \s+).
// A node's mask has bit k set when a start phrase of pattern k ends there; walking the text from
// a position collects the patterns that can start there.
const ALPHA_BASE = 1024;
const ALPHABET = new Uint16Array(65536);
let alphabetSize = 0;
const SPACE_UNIT = 0x20;
const IS_SPACE = SPACE_UNITS;
// Heuristic bound: keys longer than this rarely narrow the candidates further.
const MAX_KEY = 8;

/** The first units of a phrase as the trie keys them (a whitespace run is one space unit). */
function phraseKey(phrase: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < phrase.length && out.length < MAX_KEY; i++) {
    const code = phrase.charCodeAt(i);
    if (isSurrogate(code)) break;
    if (IS_SPACE[code] === 1) {
      if (out.length === 0) break;
      if (out[out.length - 1] !== SPACE_UNIT) out.push(SPACE_UNIT);
      continue;
    }
    out.push(code);
  }
  return out;
}
function letterIndex(code: number): number {
  if (ALPHABET[code] === 0) {
    if (++alphabetSize >= ALPHA_BASE) throw new Error("dates: start alphabet too large");
    ALPHABET[code] = alphabetSize;
  }
  return ALPHABET[code];
}
/** Trie: node ids from 1 (0 = none); NODE_MASK[node]; TRIE_NEXT key node * ALPHA_BASE + letter. */
const ROOT_NEXT = new Int32Array(65536);
const NODE_MASK: number[] = [0];
const TRIE_NEXT = new Map<number, number>();
SCAN.forEach(({ name }, k) => {
  for (const phrase of PATTERN_STARTS[name]) {
    const key = phraseKey(phrase);
    if (key.length === 0) throw new Error(`dates: unusable start phrase in ${name}`);
    // Inside a word only the first unit is looked at (see findDates).
    if (key.length > 1 && !SCAN[k].wordStart) throw new Error(`dates: multi-unit start for a pattern without B: ${name}`);
    letterIndex(key[0]);
    let node = ROOT_NEXT[key[0]];
    if (node === 0) { node = ROOT_NEXT[key[0]] = NODE_MASK.length; NODE_MASK.push(0); }
    for (let i = 1; i < key.length; i++) {
      const t = node * ALPHA_BASE + letterIndex(key[i]);
      let next = TRIE_NEXT.get(t);
      if (next === undefined) { next = NODE_MASK.length; NODE_MASK.push(0); TRIE_NEXT.set(t, next); }
      node = next;
    }
    NODE_MASK[node] |= 1 << k;
  }
});
// The trie edges again in typed arrays, each node's edges side by side (compressed rows): the
// walk looks up an edge for each of the first units of every word, and a node's row is one or
// two cache lines, where a hash table spread the lookups (found or not) over all of its memory.
// An edge is two numbers: child << 10 | letter, and the child's mask.
if (NODE_MASK.length >= 2 ** 21 || ALPHA_BASE > 1024) throw new Error("dates: start trie too large for packed edges");
const EDGE_FIRST = new Int32Array(NODE_MASK.length + 1);
const EDGES = new Int32Array(TRIE_NEXT.size * 2);
{
  const rows = [...TRIE_NEXT].map(([key, child]) => [Math.floor(key / ALPHA_BASE), key % ALPHA_BASE, child]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let e = 0;
  for (let node = 0, r = 0; node < NODE_MASK.length; node++) {
    EDGE_FIRST[node] = e;
    for (; r < rows.length && rows[r][0] === node; r++, e++) {
      EDGES[2 * e] = (rows[r][2] << 10) | rows[r][1];
      EDGES[2 * e + 1] = NODE_MASK[rows[r][2]];
    }
  }
  EDGE_FIRST[NODE_MASK.length] = e;
}
// Nodes with many edges (a weekday prefix and its space, "the " or "on ", is followed by the
// first letter of every weekday and "last" word) also get a dense row: edge index + 1 by
// letter, read in one step where a scan would compare dozens of edges.
const DENSE_MIN_EDGES = 12;
const DENSE_OFFSET = new Int32Array(NODE_MASK.length).fill(-1);
let denseRows = 0;
for (let node = 0; node < NODE_MASK.length; node++) if (EDGE_FIRST[node + 1] - EDGE_FIRST[node] >= DENSE_MIN_EDGES) DENSE_OFFSET[node] = ALPHA_BASE * denseRows++;
const DENSE_EDGES = new Int32Array(ALPHA_BASE * denseRows);
for (let node = 0; node < NODE_MASK.length; node++) {
  const off = DENSE_OFFSET[node];
  if (off >= 0) for (let e = EDGE_FIRST[node]; e < EDGE_FIRST[node + 1]; e++) DENSE_EDGES[off + (EDGES[2 * e] & 1023)] = e + 1;
}
/** The edge of a trie node by a letter (its index in EDGES / 2), or -1. */
function trieEdge(node: number, letter: number): number {
  const off = DENSE_OFFSET[node];
  if (off >= 0) return DENSE_EDGES[off + letter] - 1;
  for (let e = EDGE_FIRST[node], end = EDGE_FIRST[node + 1]; e < end; e++) if ((EDGES[2 * e] & 1023) === letter) return e;
  return -1;
}
if (ALPHABET[SPACE_UNIT] !== 0) for (let c = 0; c < 65536; c++) if (IS_SPACE[c] === 1) ALPHABET[c] = ALPHABET[SPACE_UNIT];
const SPACE_LETTER = ALPHABET[SPACE_UNIT];
/** Bit k set: pattern k does not need a word start (B). */
const NO_WORD_START_MASK = SCAN.reduce((m, { wordStart }, k) => (wordStart ? m : m | (1 << k)), 0);

// Whether a unit before a position fails the B lookbehind for sure: 1 = blocks, 0 = does not,
// 2 = cannot tell from one unit (surrogates), -1 = not computed yet.
const B_BLOCKER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{N}']$/u;
const BLOCKS_B = new Int8Array(65536).fill(-1);
function blocksWordStart(code: number): boolean {
  const b = BLOCKS_B[code];
  return (b >= 0 ? b : (BLOCKS_B[code] = blocksOf(code))) === 1;
}
// The per-unit tables are filled on a unit's first sight by a function of its own, so that the
// hot callers hold only the table read: a branch of the fill that no unit had taken yet (another
// script, a surrogate) deoptimised each optimised caller the first time a unit took it.
// (Surrogates are told by one mask, which every unit goes through.)
function blocksOf(code: number): number {
  return (code & 0xf800) === 0xd800 ? 2 : B_BLOCKER.test(String.fromCharCode(code)) ? 1 : 0;
}

// Per unit, what the candidate scan needs of it, computed on first sight (0 = not yet): whether
// it fails the B lookbehind for the unit after it, whether a start phrase opens with it, and
// whether one of a pattern without B does.
const U_SEEN = 1, U_BLOCKS = 2, U_ROOT = 4, U_NO_B = 8;
const UNIT_SCAN = new Uint8Array(65536);
function unitScan(code: number): number {
  const u = UNIT_SCAN[code];
  return u !== 0 ? u : (UNIT_SCAN[code] = unitScanOf(code));
}
function unitScanOf(code: number): number {
  let u = U_SEEN;
  if (blocksWordStart(code)) u |= U_BLOCKS;
  const node = ROOT_NEXT[code];
  if (node !== 0) {
    u |= U_ROOT;
    if ((NODE_MASK[node] & NO_WORD_START_MASK) !== 0) u |= U_NO_B;
  }
  return u;
}

// The units of the folded text being scanned, copied by a native UTF-16 write: the scan reads each
// unit of its range and the walks read ahead, and a typed array's read costs less than charCodeAt's,
// which checks the string's representation every time. A long text is copied once for the calls
// on it (the article stage reads several of its lines, then the pipeline its body) and kept until
// another long text is scanned; short texts (headlines, lines) go to a scratch buffer of their own.
// What lies past a text's length is stale (nothing reads it).
let longBuffer = Buffer.alloc(8192);
let longUnits = new Uint16Array(longBuffer.buffer, longBuffer.byteOffset, longBuffer.length >> 1);
/** The long text whose units longUnits holds. */
let longUnitsText: string | null = null;
const shortBuffer = Buffer.alloc(2 * FOLD_MEMO_MIN);
const shortUnits = new Uint16Array(shortBuffer.buffer, shortBuffer.byteOffset, FOLD_MEMO_MIN);
/** The code units of `folded` in a typed array (the scan's: scanUnits). */
function copyUnits(folded: string): Uint16Array {
  // (UTF-16 code units as they are, lone surrogates too.)
  if (folded.length < FOLD_MEMO_MIN) {
    shortBuffer.write(folded, 0, "utf16le");
    return shortUnits;
  }
  if (folded === longUnitsText) return longUnits;
  if (2 * folded.length > longBuffer.length) {
    longBuffer = Buffer.alloc(Math.max(2 * folded.length, 2 * longBuffer.length));
    longUnits = new Uint16Array(longBuffer.buffer, longBuffer.byteOffset, longBuffer.length >> 1);
  }
  longBuffer.write(folded, 0, "utf16le");
  longUnitsText = folded;
  return longUnits;
}
/** The units of the text being scanned (scanPatterns sets it; its pre-tests read it). */
let scanUnits: Uint16Array = shortUnits;

/**
 * The masks of the start phrases that the text (its n units) at p continues past its first unit
 * (node: the trie node of that unit): the phrase walk of the candidate scan.
 */
function walkMask(units: Uint16Array, n: number, p: number, node: number): number {
  let mask = 0;
  for (let q = p + 1; q < n; q++) {
    const letter = ALPHABET[units[q]];
    if (letter === 0) break;
    const e = trieEdge(node, letter);
    if (e < 0) break;
    node = EDGES[2 * e] >>> 10;
    mask |= EDGES[2 * e + 1];
    // The space of a phrase matches a run of whitespace.
    if (letter === SPACE_LETTER) while (q + 1 < n && IS_SPACE[units[q + 1]] === 1) q++;
  }
  return mask;
}

// Pre-tests: necessary conditions for a pattern's regex to match at a position, read from the
// units around it. The big regexes (hundreds of month names, Unicode classes) cost far more to
// run than these tests, and most candidate positions fail them ("decided to", "5 points").

/** Whether some month name of the MONTH alternation can begin at q (its start phrase is there). */
function monthNameAt(folded: string, q: number): boolean {
  if (q >= folded.length) return false;
  const node = ROOT_NEXT[folded.charCodeAt(q)];
  if (node === 0) return false;
  // (Called only within scanPatterns: scanUnits holds the text.)
  return ((NODE_MASK[node] | walkMask(scanUnits, folded.length, q, node)) & MONTH_LED_MASK) !== 0;
}

/**
 * The code unit at i, or -1 past the end. Why not charCodeAt alone: its NaN past the end compares
 * the same, but reading out of bounds deoptimises the compiled caller, and findDates is large
 * enough that compiling it again costs more than a thousand documents' worth of its work.
 */
function unitAt(folded: string, i: number): number {
  return i < folded.length ? folded.charCodeAt(i) : -1;
}

/** The end of the whitespace run at x. */
function skipSpaces(folded: string, x: number): number {
  while (x < folded.length && IS_SPACE[folded.charCodeAt(x)] === 1) x++;
  return x;
}

const unitSet = (words: string[]) => {
  const set = new Uint8Array(65536);
  for (const w of words) {
    if (w.length === 0 || IS_SPACE[w.charCodeAt(0)] === 1) throw new Error(`dates: unusable first unit in "${w}"`);
    set[w.charCodeAt(0)] = 1;
  }
  return set;
};
/** First units of YEAR_AFTER words. */
const YEAR_AFTER_FIRST = unitSet(foldedWords(YEAR_AFTER));
/** Non-space units in the longest month name of the MONTH alternation. */
const MONTH_NAME_MAX = Math.max(...foldedWords(MONTH_NAMES).map((w) => w.replace(/\s+/g, "").length));
/** Non-space units a MONTH group may span: a name, an apostrophe, the suffix letters (two units each at most), a period. */
const MONTH_GROUP_MAX = MONTH_NAME_MAX + 1 + 2 * MAX_SUFFIX + 1;
/** Non-space units in the longest relm opening phrase, with "in" after it. */
const RELM_HEAD_MAX = Math.max(...foldedWords([...LAST_YEAR, ...THIS_YEAR]).map((w) => w.replace(/\s+/g, "").length)) + 2;

/** What spaceThen looks for after a whitespace run. */
const DAY_DIGITS = 0, YEAR_DIGITS = 1;
type AfterSpace = typeof DAY_DIGITS | typeof YEAR_DIGITS;

/** The length of the ASCII digit run at i, up to `max` + 1. */
function digitRun(folded: string, i: number, max: number): number {
  let n = 0;
  while (n <= max && i + n < folded.length) {
    const c = folded.charCodeAt(i + n);
    if (c < 0x30 || c > 0x39) break;
    n++;
  }
  return n;
}

/**
 * Whether what `after` asks for begins at i: a run of one or two digits ("mdy": \d{1,2} may not
 * be followed by a digit), a run of four digits ("my": \d{4}(?!\d)).
 */
function beginsAt(folded: string, i: number, after: AfterSpace): boolean {
  const run = digitRun(folded, i, 4);
  return after === DAY_DIGITS ? run >= 1 && run <= 2 : run === 4;
}

/**
 * Whether, in the units from p on (whitespace runs not counted against `budget` non-space
 * units), a whitespace run is followed by what `after` asks for: where a pattern needs "\s+"
 * then that after a group of at most `budget` non-space units, none of them in `breakers`.
 */
function spaceThen(folded: string, p: number, budget: number, after: AfterSpace, breakers: Uint8Array): boolean {
  let used = 0;
  for (let i = p; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    if (IS_SPACE[c] === 1) {
      i = skipSpaces(folded, i);
      if (i < folded.length && beginsAt(folded, i, after)) return true;
      continue;
    }
    if (breakers[c] === 1 || ++used > budget) return false;
    i++;
  }
  return false;
}

/** The ordinal suffixes of "dmy" after the day, as its regex spells them. */
const DMY_ORDINALS = ["er", "st", "nd", "rd", "th", "chi", "-chi", "inchi", "-inchi", "nchi", "-nchi"];
const DMY_ORDINAL_FIRST = unitSet(DMY_ORDINALS);

/** Whether "dmy" can match at p (a day of `run` digits): a month name begins where its day part can end. */
function dmyMayMatch(folded: string, p: number, run: number): boolean {
  const a = p + run;
  // After the day: an ordinal suffix or none, then "." or "-" or none, then the whitespace run
  // (a month name and "of"/"de" start with no whitespace), then "of"/"de" and whitespace, or not.
  // (Most days are followed by no ordinal: then only the first round runs.)
  const rounds = DMY_ORDINAL_FIRST[unitAt(folded, a)] === 1 ? DMY_ORDINALS.length : 0;
  for (let o = -1; o < rounds; o++) {
    if (o >= 0 && !folded.startsWith(DMY_ORDINALS[o], a)) continue;
    const b = o >= 0 ? a + DMY_ORDINALS[o].length : a;
    const sep = unitAt(folded, b);
    for (const c of sep === 0x2e || sep === 0x2d ? [b, b + 1] : [b]) {
      const q = skipSpaces(folded, c);
      if (monthNameAt(folded, q)) return true;
      if ((folded.startsWith("of", q) || folded.startsWith("de", q)) && IS_SPACE[unitAt(folded, q + 2)] === 1 && monthNameAt(folded, skipSpaces(folded, q + 2))) return true;
    }
  }
  return false;
}

// What a MONTH group (a name, an apostrophe, suffix letters, a period) and "of"/"de"/"del"/"des"
// are made of: letters, the units of the names, "'" and ".". A unit of no letter class in the
// scripts of the names (digits, punctuation) ends any such group, so a month-led pre-test stops
// there. Only the blocks that hold the names' scripts and common punctuation are classified;
// a unit elsewhere is taken for a possible group unit (the test stays a necessary condition).
const GROUP_BREAKER = new Uint8Array(65536);
const MONTH_NAME_UNITS = new Set(foldedWords(MONTH_NAMES).join("") + "'.");
for (const [lo, hi] of [[0, 0x800], [0x2000, 0x2070], [0x3000, 0x3040], [0xff00, 0xff66]]) {
  for (let c = lo; c < hi; c++) {
    const unit = String.fromCharCode(c);
    if (IS_SPACE[c] === 0 && !/\p{L}/u.test(unit) && !MONTH_NAME_UNITS.has(unit)) GROUP_BREAKER[c] = 1;
  }
}
/** The same for "my", whose year may follow the group after a comma. */
const MY_BREAKER = GROUP_BREAKER.slice();
MY_BREAKER[0x2c] = 0;
/** The most whitespace runs inside one month name. */
const MONTH_NAME_RUNS = Math.max(...foldedWords(MONTH_NAMES).map((w) => (w.match(/\s+/g) ?? []).length));
/** Full REL_YEAR phrases (folded; a space matches a whitespace run) by their first unit. */
const REL_PHRASES = byFirstUnit(foldedWords([...LAST_YEAR, ...THIS_YEAR, ...CURRENT_MONTH_WORDS]));

/** Whether phrase (folded, a space standing for a whitespace run) is written at i. */
function phraseAt(folded: string, i: number, phrase: string): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const c = phrase.charCodeAt(k);
    if (c === SPACE_UNIT) {
      if (IS_SPACE[unitAt(folded, i)] !== 1) return false;
      i = skipSpaces(folded, i);
    } else if (unitAt(folded, i++) !== c) return false;
  }
  return true;
}

/**
 * Whether "mrel" can match at p: after at most MONTH_NAME_RUNS + 2 whitespace runs (inside the
 * name, after the group, after "of"/"de"), with only group units before, a REL_YEAR phrase.
 */
function mrelMayMatch(folded: string, p: number): boolean {
  let used = 0, runs = 0;
  for (let i = p; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    if (IS_SPACE[c] === 1) {
      if (++runs > MONTH_NAME_RUNS + 2) return false;
      i = skipSpaces(folded, i);
      const phrases = REL_PHRASES.get(unitAt(folded, i));
      if (phrases !== undefined) for (const ph of phrases) if (phraseAt(folded, i, ph)) return true;
      continue;
    }
    if (GROUP_BREAKER[c] === 1 || ++used > MONTH_GROUP_MAX + 3) return false;
    i++;
  }
  return false;
}

/** Whether "relm" can match at p: a month name begins after a whitespace run close after p. */
function relmMayMatch(folded: string, p: number): boolean {
  let used = 0;
  for (let i = p; i < folded.length; ) {
    if (IS_SPACE[folded.charCodeAt(i)] === 1) {
      i = skipSpaces(folded, i);
      if (monthNameAt(folded, i)) return true;
      continue;
    }
    if (++used > RELM_HEAD_MAX) return false;
    i++;
  }
  return false;
}

/** Whether a year of four digits at p can be followed by what `first` starts (after "\s*", an optional "-" and "\s*" if dash). */
function afterYear(folded: string, p: number, first: Uint8Array, dash: boolean): boolean {
  const x = skipSpaces(folded, p + 4);
  const c = unitAt(folded, x);
  if (first[c] === 1) return true;
  return dash && c === 0x2d && first[unitAt(folded, skipSpaces(folded, x + 1))] === 1;
}

/**
 * Whether "ydm" can match at a year p: after it a year word or ".", then a run of whitespace and
 * commas, then a month name, or a day of one or two digits (an optional "-" and whitespace after
 * it) and a month name.
 */
function ydmMayMatch(folded: string, p: number): boolean {
  let x = skipSpaces(folded, p + 4);
  if (unitAt(folded, x) === 0x2e) x++;
  else {
    if (unitAt(folded, x) === 0x2d) x = skipSpaces(folded, x + 1);
    let stem = false;
    for (const s of YEAR_WORD_STEMS) if (folded.startsWith(s, x)) { stem = true; x += s.length; break; }
    if (!stem) return false;
    // The letters after the stem end where the run of whitespace and commas must begin.
    for (let c = unitAt(folded, x); c >= 0 && c !== 0x2c && IS_SPACE[c] === 0 && GROUP_BREAKER[c] === 0; c = unitAt(folded, x)) x++;
  }
  const q = x;
  for (let c = unitAt(folded, x); c === 0x2c || (c >= 0 && IS_SPACE[c] === 1); c = unitAt(folded, x)) x++;
  if (x === q) return false;
  if (monthNameAt(folded, x)) return true;
  const run = digitRun(folded, x, 2);
  if (run < 1 || run > 2) return false;
  let y = x + run;
  if (unitAt(folded, y) === 0x2d) y++;
  return monthNameAt(folded, skipSpaces(folded, y));
}

/** Whether pattern k may match at p (false: its regex fails there for sure). */
function mayMatchAt(k: number, folded: string, p: number, run: number): boolean {
  switch (k) {
    case K_MDY: return spaceThen(folded, p, MONTH_GROUP_MAX, DAY_DIGITS, GROUP_BREAKER);
    // MONTH, optional "ماه" / "of" / "de" / "del", optional ",", then the year's whitespace.
    case K_MY: return spaceThen(folded, p, MONTH_GROUP_MAX + 3 + 3 + 1, YEAR_DIGITS, MY_BREAKER);
    case K_MREL: return mrelMayMatch(folded, p);
    case K_DMY: return dmyMayMatch(folded, p, run);
    case K_RELM: return relmMayMatch(folded, p);
    case K_YDM: return ydmMayMatch(folded, p);
    case K_YEAR_AFTER: return afterYear(folded, p, YEAR_AFTER_FIRST, true);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

interface YMD { y: number; m: number; d: number }

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const fmt = (x: YMD) => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

/** The last reference read, and its date (shared: no caller changes it). */
let lastRef: string | null = null;
let lastRefDate: YMD | null = null;

function parseRef(ref: string | null): YMD | null {
  if (ref !== null && ref === lastRef) return lastRefDate;
  const m = ref ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ref) : null;
  const date = m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
  lastRef = ref;
  lastRefDate = date;
  return date;
}

function toDays(x: YMD): number {
  return Date.UTC(x.y, x.m - 1, x.d) / 86400000;
}

function fromDays(days: number): YMD {
  const dt = new Date(days * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function validGregorian(x: YMD): boolean {
  if (x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31) return false;
  const back = fromDays(toDays(x));
  return back.y === x.y && back.m === x.m && back.d === x.d;
}

// Heuristic: a year-less date belongs to the latest year that puts it no more than ~2 months
// after the reference date (news reports past events and announces near ones).
const FUTURE_SLACK_DAYS = 62;

function jalaliToGregorian(jy: number, jm: number, jd: number): YMD | null {
  if (jm < 1 || jm > 12 || jd < 1 || jd > (jm <= 6 ? 31 : 30) || jy < 1 || jy > 3000) return null;
  try {
    const g = toGregorian(jy, jm, jd);
    return { y: g.gy, m: g.gm, d: g.gd };
  } catch {
    return null;
  }
}

const islamicFormatters = ["en-u-ca-islamic-umalqura", "en-u-ca-islamic-civil"].map(
  (loc) => new Intl.DateTimeFormat(loc, { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" }),
);

function hijriParts(days: number, formatter: Intl.DateTimeFormat): YMD {
  const parts = formatter.formatToParts(new Date(days * 86400000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? NaN);
  return { y: get("year"), m: get("month"), d: get("day") };
}

/** Lunar Hijri -> Gregorian: estimate with the arithmetic calendar, then search ICU's Umm al-Qura. */
function hijriToGregorian(hy: number, hm: number, hd: number): YMD | null {
  if (hm < 1 || hm > 12 || hd < 1 || hd > 30) return null;
  // Julian day number of the civil (tabular) calendar date.
  const jdn = hd + Math.ceil(29.5 * (hm - 1)) + (hy - 1) * 354 + Math.floor((3 + 11 * hy) / 30) + 1948439;
  const estimate = jdn - 2440588; // days since 1970-01-01
  for (const formatter of islamicFormatters) {
    for (let delta = 0; delta <= 6; delta++) {
      for (const sign of delta === 0 ? [0] : [-1, 1]) {
        const days = estimate + sign * delta;
        const h = hijriParts(days, formatter);
        if (h.y === hy && h.m === hm && h.d === hd) return fromDays(days);
      }
    }
  }
  return null;
}

function refHijriYear(ref: YMD): number {
  const days = toDays(ref);
  let y = refHijriMemo.get(days);
  if (y === undefined) {
    y = hijriParts(days, islamicFormatters[0]).y;
    if (refHijriMemo.size >= CONVERSION_MEMO_MAX) refHijriMemo.clear();
    refHijriMemo.set(days, y);
  }
  return y;
}

// Conversions from the Solar and lunar Hijri calendars, memoised per process: a lunar Hijri date
// takes up to 26 ICU formatToParts calls, and the same few dates and months recur from document
// to document. Keys: year * 10000 + month * 100 + day (numbers the regexes read, at most four
// digits each). The memoised dates are shared: no caller changes them.
const CONVERSION_MEMO_MAX = 20000;
const convertedMemo = { jalali: new Map<number, YMD | null>(), hijri: new Map<number, YMD | null>() };
const refHijriMemo = new Map<number, number>();

/** Convert a (calendar, y, m, d) to Gregorian. */
function toGregorianDate(cal: Calendar, y: number, m: number, d: number): YMD | null {
  if (cal === "gregorian") {
    const x = { y, m, d };
    return validGregorian(x) ? x : null;
  }
  const memo = convertedMemo[cal];
  const key = y * 10000 + m * 100 + d;
  const keyed = Number.isInteger(key) && y >= 0 && y < 100000 && m >= 0 && m < 100 && d >= 0 && d < 100;
  if (keyed) {
    const known = memo.get(key);
    if (known !== undefined) return known;
  }
  const g = cal === "jalali" ? jalaliToGregorian(y, m, d) : hijriToGregorian(y, m, d);
  if (keyed) {
    if (memo.size >= CONVERSION_MEMO_MAX) memo.clear();
    memo.set(key, g);
  }
  return g;
}

function monthLength(cal: Calendar, y: number, m: number): number {
  if (cal === "jalali") return m <= 6 ? 31 : m <= 11 ? 30 : 29;
  if (cal === "hijri") return 29;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A month of any calendar as YYYY-MM, only if it lies within one Gregorian month (Jalali never does). */
function monthValue(cal: Calendar, y: number, m: number): string | null {
  if (cal === "gregorian") return m >= 1 && m <= 12 ? fmtMonth(y, m) : null;
  const first = toGregorianDate(cal, y, m, 1);
  const last = toGregorianDate(cal, y, m, monthLength(cal, y, m));
  if (!first || !last || first.y !== last.y || first.m !== last.m) return null;
  return fmtMonth(first.y, first.m);
}

/** The calendar year of the reference date, in the given calendar. */
function refYear(cal: Calendar, ref: YMD): number {
  if (cal === "jalali") return toJalaali(ref.y, ref.m, ref.d).jy;
  if (cal === "hijri") return refHijriYear(ref);
  return ref.y;
}

/** Plausible year range of a written year per calendar. */
function yearFits(cal: Calendar, y: number): boolean {
  if (cal === "gregorian") return y >= 1900 && y <= 2100;
  return y >= 1300 && y <= 1500;
}

// ---------------------------------------------------------------------------------------------
// Matching

/** A date match and the index of the pattern that found it (for the original tie order). */
interface Candidate extends DateMatch { pattern: number }

/** "in"/«в»/"en"/"im"/«дар» before a lone month name (folded text). */
// Also a part of the month ("in early May", «в начале мая», "mid-March", "أوائل مايو") and the
// word "month" (Tajik «моҳи апрел», Arabic "شهر مايو"): still that month.
const BARE_MONTH_WORDS = [
  "in", "в", "во", "у", "en", "im", "dar", "дар", "au mois de", "en el mes de", "في", "در",
  "early", "late", "mid", "end of", "beginning of", "middle of", "next",
  "начале", "конце", "середине", "начала", "конца", "середины", "початку", "кінці",
  "мохи", "моҳи", "охири", "аввали", "миёнаи", "нимаи",
  "début", "fin", "mi", "anfang", "ende", "mitte", "principios de", "finales de", "mediados de",
  "شهر", "اوائل", "أوائل", "اواخر", "أواخر", "منتصف", "اوایل", "اواخر", "اواسط", "ماه",
].map((w) => foldName(w));
/** A Chinese month number with no year before it and no day after it. */
const ZH_MONTH = /(?<!\d)(\d{1,2})\s*月(?!\s*\d)(?!份?[上中下]旬?\d)/gu;
// A Chinese day alone ("外长11日在吉隆坡会晤", on the 11th): not after a month or year, not a
// span ("为期3日", "3日内").
const ZH_DAY = /(?<![\d月年期]\s*)(\d{1,2})\s*日(?![内之\d])/gu;

/** Persian ordinal day numbers (first to thirty-first), folded. */
const FA_ORDINALS = new Map<string, number>();
["یکم|اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم", "یازدهم", "دوازدهم", "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم|هیجدهم", "نوزدهم", "بیستم"].forEach((alts, i) =>
  alts.split("|").forEach((w) => FA_ORDINALS.set(foldName(w), i + 1)),
);
["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"].forEach((w, i) => FA_ORDINALS.set(foldName(`بیست و ${w}`), 21 + i));
FA_ORDINALS.set(foldName("سی ام"), 30).set(foldName("سی‌ام"), 30).set(foldName("سی و یکم"), 31);
/** Tried (sticky) only where a match can begin (see findDates). */
const FA_ORDINAL_DAY = new RegExp(`(^|[^\\p{L}\u200c])(${[...FA_ORDINALS.keys()].sort((a, b) => b.length - a.length).join("|")})\\s+(\\p{L}+)`, "uy");
/** Phrases by their first unit. */
function byFirstUnit(words: Iterable<string>): Map<number, string[]> {
  const table = new Map<number, string[]>();
  for (const w of words) {
    if (w.length === 0 || /[.*+?^${}()|[\]\\]/.test(w)) throw new Error(`dates: "${w}" is not a literal phrase`);
    const list = table.get(w.charCodeAt(0)) ?? [];
    list.push(w);
    table.set(w.charCodeAt(0), list);
  }
  return table;
}

/**
 * Whether one of the phrases of `table` begins at q and is followed by a unit of `sep`: where a
 * sticky regex "(?:phrase|...)[sep]" can match at q (its alternatives are the literal phrases).
 */
function phraseThenSep(table: Map<number, string[]>, folded: string, q: number, sep: Uint8Array): boolean {
  const list = table.get(unitAt(folded, q));
  if (list === undefined) return false;
  for (const w of list) if (folded.startsWith(w, q) && sep[unitAt(folded, q + w.length)] === 1) return true;
  return false;
}

/** The Persian ordinals by first unit (FA_ORDINAL_DAY needs whitespace after one). */
const FA_ORDINAL_HEADS = byFirstUnit(FA_ORDINALS.keys());
const FA_ORDINAL_FIRST_ANY = new RegExp(`[${[...new Set([...FA_ORDINALS.keys()].map((w) => w[0]))].join("")}]`);
/** After the month: a year in digits, "this year" or "last year". */
const FA_YEAR_AFTER = new RegExp(`^\\s+(?:(?:ماه\\s+)?(?:سال\\s+)?(\\d{4})|(${foldName("امسال")}|${foldName("سال جاری")})|(${foldName("پارسال")}|${foldName("سال گذشته")}))`, "u");

/** Words after (or before) a lone month that make it the coming one, folded. */
const UPCOMING_AFTER = new RegExp(`^[\\s,]*(?:${["next", "следующего", "будущего", "наступающего", "оянда", "ояндаи", "المقبل", "القادم", "المقبلة", "القادمة", "آینده", "prochain", "nächsten", "próximo", "que viene", "kelasi", "келесі"].map((w) => foldName(w)).join("|")})(?![\\p{L}])`, "u");
const UPCOMING_BEFORE = new RegExp(`(?:${["next", "this coming", "ce", "kelgusi", "gelecek"].map((w) => foldName(w)).join("|")})\\s+$`, "u");
/** Tried (sticky) only at candidate positions: just before one of the words' first units. */
const BARE_MONTH = new RegExp(`(^|[^\\p{L}])(?:${[...new Set(BARE_MONTH_WORDS)].join("|")})[\\s-]+(\\p{L}+)`, "uy");
/** The BARE_MONTH words by first unit (BARE_MONTH needs [\s-] after one). */
const BARE_MONTH_HEADS = byFirstUnit(new Set(BARE_MONTH_WORDS));
// Per unit: 1 when it is a letter (\p{L}) on its own, 0 when not or a surrogate, -1 not computed yet.
const BMP_LETTER = new Int8Array(65536).fill(-1);
function isBmpLetter(code: number): boolean {
  const l = BMP_LETTER[code];
  return (l >= 0 ? l : (BMP_LETTER[code] = bmpLetterOf(code))) === 1;
}
/** (Out of line: see blocksOf.) */
function bmpLetterOf(code: number): number {
  return (code & 0xf800) === 0xd800 ? 0 : /^\p{L}$/u.test(String.fromCharCode(code)) ? 1 : 0;
}
/** What BARE_MONTH's [\s-] matches, per unit. */
const IS_BARE_SEP = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) if (IS_SPACE[c] === 1 || c === 0x2d) IS_BARE_SEP[c] = 1;
/** The longest BARE_MONTH word; none ends in whitespace or "-" (so a word ends where the [\s-] run after it begins). */
const BARE_MONTH_MAX = Math.max(...BARE_MONTH_WORDS.map((w) => w.length));
if (BARE_MONTH_WORDS.some((w) => w.length === 0 || IS_BARE_SEP[w.charCodeAt(w.length - 1)] === 1)) throw new Error("dates: a bare-month word ends in a separator");

/**
 * The lone month after a BARE_MONTH word is one word that starts with a month key (lookupInflected
 * reads the word or a stem of it), after whitespace or "-", so the candidate scan walked the key's
 * start phrase there and saw a month-led pattern: without one, the bare-month scan is skipped.
 * That holds while the keys are their own folds (the start phrases are the folded keys).
 */
const BARE_MONTH_NEEDS_START = MONTH_NAMES.every((name) => /\s/.test(name) || foldName(name).trim() === name);

function monthOf(word: string | undefined): MonthEntry | undefined {
  if (!word) return undefined;
  return lookupInflected(word, monthExact, monthInflect);
}

function relYearOffset(groups: Record<string, string | undefined>): number | null {
  if (groups.lastY) return -1;
  if (groups.thisY) return 0;
  return null;
}

// V8 compiles a regex to bytecode at its first run and to machine code at a later one, unless
// the first subject is long (1,000 units or more): then to machine code at once, and every later
// compile of it too. For the big patterns here the bytecode compile costs more than the machine
// code one (over the scan patterns, on short two-byte subjects: about 100 ms for both, 25 for the
// machine code alone), and the first texts are often short (the article stage's header lines).
// So each is first run, once, on its subject padded to that length (its result unused).
const COMPILE_AT_ONCE = 1000;
const LONG_PAD = " ".repeat(COMPILE_AT_ONCE);
function compileAtOnce(re: RegExp, subject: string): void {
  if (subject.length < COMPILE_AT_ONCE) {
    re.lastIndex = 0;
    re.exec(subject + LONG_PAD);
  }
}
/** Per scan pattern, 1 once its regex has met compileAtOnce. */
const SCAN_COMPILED = new Uint8Array(SCAN.length);
let bareMonthCompiled = false, faOrdinalCompiled = false;

/** Per scan pattern, the first position a new match of it may start (findDates' scratch). */
const NEXT_FREE = new Int32Array(SCAN.length);
/** Positions where the candidate scan saw a month-led pattern (findDates' scratch, grown on demand). */
let MONTH_STARTS: Int32Array = new Int32Array(256);
function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** What the passes of one findDates call share; each pass adds to `candidates`. */
interface DatesCall {
  text: string;
  folded: string;
  lang: Lang | "und";
  from: number;
  to: number;
  refDate: YMD | null;
  candidates: Candidate[];
}

/** Adds a candidate of scan pattern `pattern` (-1 for the passes after the scan) when it lies in the range. */
function addCandidate(call: DatesCall, start: number, end: number, value: string | null, kind: DateMatch["kind"], calendar: Calendar, pattern: number): void {
  const text = call.text;
  // A full month name followed by a sentence period: the period is not part of the date.
  if (end - start > 1 && text[end - 1] === "." && /\p{L}{5}$/u.test(text.slice(start, end - 1))) end -= 1;
  if (value && start >= call.from && end <= call.to && end > start) call.candidates.push({ start, end, value, kind, calendar, pattern });
}

/** Resolve a day/month with an optional written year (or a relative-year offset). */
function dayMonth(refDate: YMD | null, cal: Calendar, y: number | null, m: number, d: number, relOffset: number | null): string | null {
  if (y !== null) {
    if (!yearFits(cal, y)) return null;
    const g = toGregorianDate(cal, y, m, d);
    return g ? fmt(g) : null;
  }
  if (!refDate) return null;
  const base = refYear(cal, refDate);
  if (relOffset !== null) {
    const g = toGregorianDate(cal, base + relOffset, m, d);
    return g ? fmt(g) : null;
  }
  for (const year of [base, base - 1]) {
    const g = toGregorianDate(cal, year, m, d);
    if (g && toDays(g) <= toDays(refDate) + FUTURE_SLACK_DAYS) return fmt(g);
  }
  return null;
}

// findDates is split into passes, each a function of its own: the candidate scan runs on every
// sentence, the passes after it and the rarer patterns' resolution on few. One large function
// was V8's most expensive optimised compile, and any deoptimisation in a rare branch compiled
// all of it again.
export function findDates(text: string, lang: Lang | "und", ref: string | null, range?: Span): DateMatch[] {
  const folded = foldForDates(text);
  const from = range ? Math.max(0, range.start) : 0;
  const to = range ? Math.min(text.length, range.end) : text.length;
  const refDate = parseRef(ref);
  const call: DatesCall = { text, folded, lang, from, to, refDate, candidates: [] };
  const monthStarts = scanPatterns(call);
  if (refDate) bareMonths(call, refDate, monthStarts);
  // (The global searches of the Chinese passes run from `from` to the text's end: they are
  // skipped where the range holds no 月 or 日, which every candidate they keep ends with or after
  // (a candidate must end within the range). The test reads the range alone: in a long text,
  // a search from `from` read on to the text's end.)
  if ((lang === "zh" || lang === "und") && refDate) {
    const range = to - from < folded.length ? folded.slice(from, to) : folded;
    if (range.includes("月")) zhAlone(call, refDate, ZH_MONTH, false);
    if (range.includes("日")) zhAlone(call, refDate, ZH_DAY, true);
  }
  // Every candidate of the Persian pass has a first unit of an ordinal in [from, to + 2): one
  // native search says whether there is any. Its month word is one the candidate scan saw (as
  // for bareMonths), right after the ordinal and whitespace: without such a word no pass is needed.
  if ((lang === "fa" || lang === "und") && (!BARE_MONTH_NEEDS_START || ordinalBeforeMonth(folded, monthStarts)) &&
    FA_ORDINAL_FIRST_ANY.test(folded.slice(from, to + 2))) faOrdinalDays(call);
  return keepLongest(call.candidates);
}

/**
 * The end of the run from p of units that fail B and start no pattern without B. After a unit
 * that fails B (inside a word), such a unit can start no pattern and leaves the scan's state as
 * it was: the scan steps over the run at once. (A unit not seen yet ends the run.)
 */
function blockedRunEnd(units: Uint16Array, p: number, to: number): number {
  while (p < to && (UNIT_SCAN[units[p]] & (U_SEEN | U_BLOCKS | U_NO_B)) === (U_SEEN | U_BLOCKS)) p++;
  return p;
}

/**
 * The candidate scan: each SCAN pattern's sticky regex runs only where its key starts. Returns
 * how many positions, in MONTH_STARTS, start a month-led pattern.
 */
function scanPatterns(call: DatesCall): number {
  const { folded, from, to } = call;
  const units = (scanUnits = copyUnits(folded)), n = folded.length;
  // Candidates are collected in scan order; the original per-pattern order is restored by the
  // pattern index in the final sort.
  // (A scratch array: findDates does not call itself; a typed array per call costs more than a fill.)
  const nextFree = NEXT_FREE.fill(from);
  /** Word starts in the range that open with a month name's start phrase (see BARE_MONTH_NEEDS_START), in MONTH_STARTS. */
  let monthStarts = 0;
  let prevScan = from > 0 ? unitScan(units[from - 1]) : 0;
  for (let p = from; p < to; p++) {
    if ((prevScan & U_BLOCKS) !== 0) {
      p = blockedRunEnd(units, p, to);
      if (p === to) break;
    }
    const c0 = units[p];
    const here = unitScan(c0);
    const notWordStart = (prevScan & U_BLOCKS) !== 0;
    prevScan = here;
    if ((here & U_ROOT) === 0) continue;
    // Inside a word only patterns without B can start (a unit read once: most letters stop here).
    if (notWordStart && (here & U_NO_B) === 0) continue;
    const node = ROOT_NEXT[c0];
    const before = p > 0 ? units[p - 1] : -1;
    let mask = NODE_MASK[node];
    if (notWordStart) {
      // Only patterns without B can start inside a word; their keys are single units.
      mask &= NO_WORD_START_MASK;
    } else {
      mask |= walkMask(units, n, p, node);
    }
    if ((mask & MONTH_LED_MASK) !== 0) {
      if (monthStarts === MONTH_STARTS.length) MONTH_STARTS = growInt32(MONTH_STARTS);
      MONTH_STARTS[monthStarts++] = p;
    }
    /** The digit run at p (up to 5 units), for the digit-led patterns. */
    let run = 0;
    if ((mask & DIGIT_LED_MASK) !== 0) {
      run = 1;
      while (run < 5 && p + run < n) {
        const c = units[p + run];
        if (c < 0x30 || c > 0x39) break;
        run++;
      }
      mask &= ~(run <= 2 ? YEAR_LED_MASK : run === 4 ? DAY_LED_MASK : DIGIT_LED_MASK);
      // The unit after the run: dmy_num and ymd need a separator (./-), the Chinese patterns 年/月
      // after optional whitespace.
      const sep = unitAt(folded, p + run);
      if (sep !== 0x2e && sep !== 0x2f && sep !== 0x2d) mask &= ~SEPARATED_MASK;
      let q = p + run;
      while (q < n && IS_SPACE[units[q]] === 1) q++;
      const cjk = unitAt(folded, q);
      if (cjk !== 0x5e74) mask &= ~YEAR_CJK_MASK; // 年
      if (cjk !== 0x6708) mask &= ~MONTH_CJK_MASK; // 月
    }
    if (mask === 0) continue;
    const afterDigit = before >= 0x30 && before <= 0x39;
    for (; mask !== 0; mask &= mask - 1) {
      const k = 31 - Math.clz32(mask & -mask);
      const { re, notAfterDigit } = SCAN[k];
      if (p < nextFree[k] || (notAfterDigit && afterDigit)) continue;
      // A cheap test that the regex would fail here (so skipping it changes nothing).
      if (((1 << k) & CHECKED_MASK) !== 0 && !mayMatchAt(k, folded, p, run)) continue;
      if (SCAN_COMPILED[k] === 0) {
        compileAtOnce(re, folded);
        SCAN_COMPILED[k] = 1;
      }
      re.lastIndex = p;
      const match = re.exec(folded);
      if (match === null) continue;
      if (match[0].length === 0) { nextFree[k] = p + 1; continue; }
      nextFree[k] = p + match[0].length;
      resolveMatch(call, k, match);
    }
  }
  return monthStarts;
}

/** The candidate of a match of SCAN pattern k, if its fields make a date. */
function resolveMatch(call: DatesCall, k: number, match: RegExpExecArray): void {
  const { refDate } = call;
  const g = (match.groups ?? {}) as Record<string, string | undefined>;
  const start = match.index;
  const end = start + match[0].length;
  switch (SCAN[k].name) {
    case "dmy":
    case "mdy": {
      const me = monthOf(g.mon);
      if (!me) break;
      const d = Number(g.d);
      const y = g.y ? Number(g.y) : null;
      const rel = y === null ? relYearOffset(g) : null;
      const value = dayMonth(refDate, me.cal, y, me.month, d, rel);
      addCandidate(call, start, end, value, y === null && rel !== null ? "relative" : "absolute", me.cal, k);
      break;
    }
    case "my": {
      const me = monthOf(g.mon);
      const y = Number(g.y);
      if (!me || !yearFits(me.cal, y)) break;
      addCandidate(call, start, end, monthValue(me.cal, y, me.month), "absolute", me.cal, k);
      break;
    }
    case "mrel":
    case "relm": {
      const me = monthOf(g.mon);
      if (!me || !refDate) break;
      const rel = relYearOffset(g) ?? 0;
      let y = refYear(me.cal, refDate) + rel;
      // "مارس الماضي" / "last March": the latest such month not after the reference month.
      if (g.cur && me.cal === "gregorian" && me.month > refDate.m && !g.cur.includes(foldForDates("جاري"))) y -= 1;
      addCandidate(call, start, end, monthValue(me.cal, y, me.month), "relative", me.cal, k);
      break;
    }
    case "ydm": {
      const me = monthOf(g.mon);
      const y = Number(g.y);
      if (!me || !yearFits(me.cal, y)) break;
      const day = g.d ?? g.d2;
      if (day) addCandidate(call, start, end, dayMonth(refDate, me.cal, y, me.month, Number(day), null), "absolute", me.cal, k);
      else addCandidate(call, start, end, monthValue(me.cal, y, me.month), "absolute", me.cal, k);
      break;
    }
    case "ymd":
    case "dmy_num": {
      let d = Number(g.d);
      let m = Number(g.m);
      const y = Number(g.y);
      // Heuristic: day first unless the month field cannot be a month (US 09/16/2022).
      if (m > 12 && d <= 12) [d, m] = [m, d];
      // Years 1300-1500 are Solar Hijri in Persian/Tajik text, lunar Hijri elsewhere.
      const cal: Calendar = y >= 1900 ? "gregorian" : call.lang === "fa" || call.lang === "tg" ? "jalali" : "hijri";
      if (!yearFits(cal, y)) break;
      const gd = toGregorianDate(cal, y, m, d);
      addCandidate(call, start, end, gd ? fmt(gd) : null, "absolute", cal, k);
      break;
    }
    case "zh_ymd": {
      const y = Number(g.y);
      const m = Number(g.m);
      if (!yearFits("gregorian", y) || m < 1 || m > 12) break;
      if (g.d) {
        const x = { y, m, d: Number(g.d) };
        addCandidate(call, start, end, validGregorian(x) ? fmt(x) : null, "absolute", "gregorian", k);
      } else addCandidate(call, start, end, fmtMonth(y, m), "absolute", "gregorian", k);
      break;
    }
    case "zh_md": {
      addCandidate(call, start, end, dayMonth(refDate, "gregorian", null, Number(g.m), Number(g.d), null), "absolute", "gregorian", k);
      break;
    }
    case "year_before":
    case "year_after":
    case "year_zh": {
      const y = Number(g.y);
      // A bare year is only trusted in a year-marking phrase and within 1950-2100.
      if (y >= 1950 && y <= 2100) addCandidate(call, start, end, String(y), "absolute", "gregorian", k);
      break;
    }
    case "relday":
      if (refDate) relativeDay(call, refDate, k, g, start, end);
      break;
    case "weekday":
      if (refDate && g.wd) lastWeekday(call, refDate, k, g, g.wd, match[0], end);
      break;
    case "lastyear":
      if (refDate) addCandidate(call, start, end, String(refDate.y - 1), "relative", "gregorian", k);
      break;
    case "thisyear":
      if (refDate) addCandidate(call, start, end, String(refDate.y), "relative", "gregorian", k);
      break;
    case "thismonth":
      if (refDate) addCandidate(call, start, end, fmtMonth(refDate.y, refDate.m), "relative", "gregorian", k);
      break;
  }
}

/** "yesterday", «позавчера», ...: a day counted from the reference date. */
function relativeDay(call: DatesCall, refDate: YMD, k: number, g: Record<string, string | undefined>, start: number, end: number): void {
  const i = RELATIVE_DAYS.findIndex((_, r) => g[`r${r}`] !== undefined);
  if (i < 0) return;
  const word = call.text.slice(start, end);
  // "mañana" after an article is "morning", not "tomorrow".
  if (/mañana/i.test(word) && /(?:la|esta|por la)\s+$/i.test(call.text.slice(Math.max(0, start - 10), start))) return;
  addCandidate(call, start, end, fmt(fromDays(toDays(refDate) + RELATIVE_DAYS[i].offset)), "relative", "gregorian", k);
}

/** A weekday (wd, in the match `matched` ending at end): the latest such day before the reference date. */
function lastWeekday(call: DatesCall, refDate: YMD, k: number, g: Record<string, string | undefined>, wdWord: string, matched: string, end: number): void {
  const { text, folded } = call;
  const start = end - matched.length;
  const wd = lookupInflected(wdWord, weekdayExact, weekdayInflect);
  if (wd === undefined) return;
  const isLast = Boolean(g.last1 || g.last2);
  const wdStart = start + matched.lastIndexOf(wdWord);
  const original = text.slice(wdStart, wdStart + wdWord.length);
  // "Душанбе"/"دوشنبه" is also the capital of Tajikistan: a weekday only in a clear weekday phrase.
  const dushanbe = /^(?:душанбе|دوشنبه)/i.test(original);
  const clearWeekday = isLast || g.pre === "рӯзи" || g.pre === "روز" || original.startsWith("душанбе") ||
    /^\s*,?\s*\d{1,2}(?!\d)/.test(folded.slice(end, end + 6));
  if (dushanbe && !clearWeekday) return;
  // Spanish weekdays are lower case; "Domingo" is a given name.
  if (/^domingo/.test(wdWord) && original[0] === "D") return;
  const refDays = toDays(refDate);
  const refWd = new Date(refDays * 86400000).getUTCDay();
  let back = (refWd - wd + 7) % 7;
  if (isLast && back === 0) back = 7;
  addCandidate(call, start, end, fmt(fromDays(refDays - back)), "relative", "gregorian", k);
}

/**
 * A Gregorian month named without day or year after "in" ("in February", «в сентябре»,
 * "en mars"): the latest such month not after the reference date. Kept only where no longer
 * expression covers it (a full date wins).
 * The sticky regex runs at each position where a match can begin (the same matches, in the
 * same order, as a global search from `from`; none begins at or after `to`): a unit before a
 * word's first unit (two units for a surrogate pair), or the text start. A match that counts
 * names a month whose word starts where the candidate scan saw a month-led pattern (see
 * BARE_MONTH_NEEDS_START), after a run of [\s-] that the BARE_MONTH word ends right before:
 * only the few positions that can open such a match are tried.
 */
function bareMonths(call: DatesCall, refDate: YMD, monthStarts: number): void {
  const { text, folded, from, to } = call;
  let free = from;
  /** The next position not yet looked at (windows are visited in ascending order). */
  let nextP = from;
  const windows = BARE_MONTH_NEEDS_START ? monthStarts : 1;
  for (let w = 0; w < windows; w++) {
    let lo = from, hi = to - 1;
    if (BARE_MONTH_NEEDS_START) {
      // The word starts at s; the BARE_MONTH word ends where the [\s-] run before it begins.
      const s = MONTH_STARTS[w];
      let e = s;
      while (e > 0 && IS_BARE_SEP[folded.charCodeAt(e - 1)] === 1) e--;
      if (e === s) continue;
      lo = Math.max(nextP, e - BARE_MONTH_MAX - 2);
      hi = Math.min(e - 1, to - 1);
      nextP = Math.max(nextP, hi + 1);
    }
    for (let p = lo; p <= hi; p++) {
      if (p < free) continue;
      const here = folded.charCodeAt(p);
      // Where the regex can begin: a BARE_MONTH word at the text start, or after a unit that is
      // not a letter (two units for a surrogate pair), and [\s-] after that word.
      if (!(p === 0 && phraseThenSep(BARE_MONTH_HEADS, folded, 0, IS_BARE_SEP)) &&
        !(!isBmpLetter(here) && phraseThenSep(BARE_MONTH_HEADS, folded, p + 1, IS_BARE_SEP)) &&
        !(here >= 0xd800 && here <= 0xdbff && phraseThenSep(BARE_MONTH_HEADS, folded, p + 2, IS_BARE_SEP))) continue;
      // Inside a surrogate pair: a search steps over it.
      if (here >= 0xdc00 && here <= 0xdfff && p > 0 && folded.charCodeAt(p - 1) >= 0xd800 && folded.charCodeAt(p - 1) <= 0xdbff) continue;
      if (!bareMonthCompiled) {
        compileAtOnce(BARE_MONTH, folded);
        bareMonthCompiled = true;
      }
      BARE_MONTH.lastIndex = p;
      const m = BARE_MONTH.exec(folded);
      if (m === null) continue;
      const word = m[2];
      const entry = monthOf(word);
      // Not a month ("in early"): the next word may still start a match ("early May").
      if (!entry || entry.cal !== "gregorian") continue;
      free = p + m[0].length;
      const start = m.index + m[0].length - word.length;
      const end = start + word.length;
      // "in May 2022" / "в сентябре 2022 года" are found by the month-year patterns.
      if (/^\s*\d/.test(folded.slice(end, end + 3))) continue;
      // English "May" is also a verb: only the capitalised month after "in".
      if (word === "may" && text[start] !== "M") continue;
      // "In April next" («в апреле следующего года», "أبريل المقبل"): the coming one.
      const upcoming = UPCOMING_AFTER.test(folded.slice(end, end + 24)) || UPCOMING_BEFORE.test(folded.slice(Math.max(0, start - 12), start));
      const year = upcoming ? (entry.month >= refDate.m ? refDate.y : refDate.y + 1) : entry.month <= refDate.m ? refDate.y : refDate.y - 1;
      addCandidate(call, start, end, fmtMonth(year, entry.month), "relative", "gregorian", -1);
    }
  }
}

/**
 * A Chinese month or day alone (re: ZH_MONTH or ZH_DAY, global, run from `from`), each match
 * resolved against the reference date.
 */
function zhAlone(call: DatesCall, refDate: YMD, re: RegExp, day: boolean): void {
  const { folded, from, to } = call;
  re.lastIndex = from;
  for (let m = re.exec(folded); m !== null && m.index < to; m = re.exec(folded)) {
    const n = Number(m[1]);
    const value = day ? zhDayValue(refDate, n) : zhMonthValue(refDate, n, folded.slice(Math.max(0, m.index - 12), m.index));
    addCandidate(call, m.index, m.index + m[0].length, value, "relative", "gregorian", -1);
  }
}

/**
 * A Chinese month alone ("于2月和9月", in February and September): the latest such month not
 * after the reference date, or in the year named just before it (去年 last year, 今年 this year).
 */
function zhMonthValue(refDate: YMD, month: number, before: string): string | null {
  if (month < 1 || month > 12) return null;
  const yearWord = /去年[^。；，]*$/.test(before) ? -1 : /明年[^。；，]*$/.test(before) ? 1 : /今年[^。；，]*$/.test(before) ? 0 : null;
  const year = yearWord !== null ? refDate.y + yearWord : month <= refDate.m ? refDate.y : refDate.y - 1;
  return fmtMonth(year, month);
}

/** A Chinese day alone: the latest such day not after the reference date (this month's, else last month's). */
function zhDayValue(refDate: YMD, day: number): string | null {
  if (day < 1 || day > 31) return null;
  const prev = refDate.m === 1 ? { y: refDate.y - 1, m: 12 } : { y: refDate.y, m: refDate.m - 1 };
  const x = day <= refDate.d ? { y: refDate.y, m: refDate.m, d: day } : { ...prev, d: day };
  return validGregorian(x) ? fmt(x) : null;
}

/**
 * A Persian ordinal day before a month ("هشتم خرداد امسال", the eighth of Khordad this year).
 * The sticky regex runs where a match can begin (as for BARE_MONTH), within the range: the same
 * matches as a global search from `from`, which would read on to the text's end.
 */
function faOrdinalDays(call: DatesCall): void {
  const { folded, from, to, refDate } = call;
  let free = from;
  for (let p = from; p < to; p++) {
    if (p < free) continue;
    const here = folded.charCodeAt(p);
    const trail = here >= 0xdc00 && here <= 0xdfff && p > 0 && folded.charCodeAt(p - 1) >= 0xd800 && folded.charCodeAt(p - 1) <= 0xdbff;
    // Inside a surrogate pair a search steps over it; at `from`, it steps back to the pair's start.
    if (trail && p !== from) continue;
    if (!trail && !(p === 0 && phraseThenSep(FA_ORDINAL_HEADS, folded, 0, IS_SPACE)) &&
      !(!isBmpLetter(here) && phraseThenSep(FA_ORDINAL_HEADS, folded, p + 1, IS_SPACE)) &&
      !(here >= 0xd800 && here <= 0xdbff && phraseThenSep(FA_ORDINAL_HEADS, folded, p + 2, IS_SPACE))) continue;
    if (!faOrdinalCompiled) {
      compileAtOnce(FA_ORDINAL_DAY, folded);
      faOrdinalCompiled = true;
    }
    FA_ORDINAL_DAY.lastIndex = p;
    const m = FA_ORDINAL_DAY.exec(folded);
    if (m === null) continue;
    free = m.index + m[0].length;
    const entry = monthOf(m[3]);
    if (!entry) continue;
    const start = m.index + m[1].length;
    let end = m.index + m[0].length;
    const after = FA_YEAR_AFTER.exec(folded.slice(end, end + 24));
    let year: number | null = null, rel: number | null = null;
    if (after?.[1]) year = Number(after[1]);
    else if (after?.[2]) rel = 0;
    else if (after?.[3]) rel = -1;
    if (after) end += after[0].length;
    addCandidate(call, start, end, dayMonth(refDate, entry.cal, year, entry.month, FA_ORDINALS.get(m[2])!, rel), year !== null ? "absolute" : "relative", entry.cal, -1);
  }
}

/** The Persian ordinals by last unit. */
const FA_ORDINAL_TAILS = new Map<number, string[]>();
for (const w of FA_ORDINALS.keys()) {
  const last = w.charCodeAt(w.length - 1);
  FA_ORDINAL_TAILS.set(last, [...(FA_ORDINAL_TAILS.get(last) ?? []), w]);
}

/** Whether a Persian ordinal and whitespace end where one of the first `monthStarts` MONTH_STARTS begins. */
function ordinalBeforeMonth(folded: string, monthStarts: number): boolean {
  for (let w = 0; w < monthStarts; w++) {
    const s = MONTH_STARTS[w];
    let e = s;
    while (e > 0 && IS_SPACE[folded.charCodeAt(e - 1)] === 1) e--;
    if (e === s || e === 0) continue;
    const tails = FA_ORDINAL_TAILS.get(folded.charCodeAt(e - 1));
    if (tails !== undefined) for (const t of tails) if (folded.endsWith(t, e)) return true;
  }
  return false;
}

/** Longest match wins; then document order. */
function keepLongest(candidates: Candidate[]): DateMatch[] {
  // (Most calls have one candidate or none: nothing to sort or compare.)
  if (candidates.length <= 1) return candidates.length === 0 ? [] : [dateMatchOf(candidates[0])];
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start || a.pattern - b.pattern);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(dateMatchOf);
}

/** The DateMatch of a candidate (without its pattern index). */
function dateMatchOf({ start, end, value, kind, calendar }: Candidate): DateMatch {
  return { start, end, value, kind, calendar };
}
