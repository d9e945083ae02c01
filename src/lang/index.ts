// Language identification for news text: script counts first, then distinctive letters and
// function words within a script, and franc (trigrams) for Latin-script text.

import { francScores, francScoresOfWords, type TrigramScore } from "./trigrams.js";
import { isHighSurrogate, isLetterOrMarkUnit, isSurrogate, letterOrMarkWidth } from "../text/normalize.js";
import type { Lang } from "../types.js";

/** Only the head of a document is looked at: enough for a stable answer, and fast. */
/** Trigram scoring costs per character; 800 letters of running text decide it. */
const FRANC_SAMPLE = 800;
/** Characters of a text read to identify its language: enough letters to decide (trigram scoring costs per character). */
export const LANGUAGE_SAMPLE = 2000;
const MAX_CHARS = LANGUAGE_SAMPLE;

type Script = "Cyrillic" | "Arabic" | "Latin" | "Han" | "Armenian";

function scriptOf(c: number): Script | null {
  if (c < 0x250) return "Latin";
  if (c >= 0x1e00 && c < 0x1f00) return "Latin";
  if (c >= 0x400 && c < 0x530) return "Cyrillic";
  if (c >= 0x531 && c < 0x590) return "Armenian";
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return "Arabic";
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0) || (c >= 0xf900 && c < 0xfb00)) return "Han";
  return null;
}

// ---- words of the head ----------------------------------------------------------------------

const SCRIPTS: readonly Script[] = ["Cyrillic", "Arabic", "Latin", "Han", "Armenian"];
const CYRILLIC = 0, ARABIC = 1, LATIN = 2;

/**
 * The words of the text being identified (runs of letters and marks, as /[\p{L}\p{M}]+/u finds
 * them), as spans into it with the script of their first code point (an index into SCRIPTS):
 * scratch arrays, refilled on each call, so that only the words of the script that wins are ever
 * copied out of the text.
 */
let wordStart = new Int32Array(1024);
let wordEnd = new Int32Array(1024);
let wordScript = new Uint8Array(1024);
let wordCount = 0;
let wordText = "";

function pushWord(start: number, end: number, script: number): void {
  if (wordCount === wordStart.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(a.length * 2);
      b.set(a);
      return b;
    };
    wordStart = grow(wordStart);
    wordEnd = grow(wordEnd);
    wordScript = grow(wordScript);
  }
  wordStart[wordCount] = start;
  wordEnd[wordCount] = end;
  wordScript[wordCount] = script;
  wordCount++;
}

/** The words of one script, in order. */
function wordsOf(script: number): string[] {
  const out: string[] = [];
  for (let k = 0; k < wordCount; k++) if (wordScript[k] === script) out.push(wordText.slice(wordStart[k], wordEnd[k]));
  return out;
}

/**
 * The words of one script joined by single spaces (what the stages below call its letters), or
 * only the first `limit` units of that: words are taken until the join is that long.
 */
function lettersOf(script: number, limit = Infinity): string {
  const out: string[] = [];
  let length = -1;
  for (let k = 0; k < wordCount && length < limit; k++) {
    if (wordScript[k] !== script) continue;
    out.push(wordText.slice(wordStart[k], wordEnd[k]));
    length += 1 + wordEnd[k] - wordStart[k];
  }
  const joined = out.join(" ");
  return joined.length > limit ? joined.slice(0, limit) : joined;
}

/**
 * franc's scores (francScores) of lettersOf(script, FRANC_SAMPLE), read from the words in place
 * where they allow it.
 */
function francScoresOf(script: number, only: string[]): TrigramScore[] {
  return francScoresOfWords(wordText, wordStart, wordEnd, wordScript, wordCount, script, FRANC_SAMPLE, only, 3) ?? francScores(lettersOf(script, FRANC_SAMPLE), only, 3);
}

/** Per code unit, a bit set of the letter classes below (tables filled from the letters as written). */
function unitClasses(classes: Array<[string, number]>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [letters, bit] of classes) for (let i = 0; i < letters.length; i++) table[letters.charCodeAt(i)] |= bit;
  return table;
}

// ---- Cyrillic -------------------------------------------------------------------------------

/**
 * Distinctive-letter weights per Cyrillic language. Letters unique to one language weigh 3,
 * letters shared by two or three of them weigh 1. Kyrgyz has no letter of its own: it is
 * ң ө ү without the Kazakh-only letters (handled in cyrillicLanguage).
 */
const CYRILLIC_CUES: Array<[Lang, Record<string, number>]> = [
  ["uk", { "ї": 3, "є": 3, "ґ": 3, "і": 1 }],
  ["kk", { "ә": 2, "ұ": 3, "һ": 1, "қ": 1, "ғ": 1, "ң": 1, "ө": 1, "ү": 1, "і": 1 }],
  ["ky", { "ң": 1, "ө": 1, "ү": 1 }],
  ["tg", { "ӣ": 3, "ӯ": 3, "ҷ": 3, "ҳ": 1, "қ": 1, "ғ": 1 }],
  ["uz", { "ў": 3, "ҳ": 1, "қ": 1, "ғ": 1 }],
];
const KAZAKH_ONLY = 1, RUSSIAN_NOT_UKRAINIAN = 2, UKRAINIAN_ONLY = 4, UKRAINIAN_ONLY_ANY_CASE = 8;
const CYRILLIC_CLASS = unitClasses([
  ["әұһіқғ", KAZAKH_ONLY],
  // Letters Ukrainian does not use; their presence argues against uk.
  ["ыэъё", RUSSIAN_NOT_UKRAINIAN],
  ["їєґ", UKRAINIAN_ONLY],
  ["їєґЇЄҐ", UKRAINIAN_ONLY_ANY_CASE],
]);
/** Cue weights by Cyrillic code unit (offset from U+0400), one entry per CYRILLIC_CUES language. */
const CUE_WEIGHTS: (number[] | undefined)[] = new Array(0x130);
CYRILLIC_CUES.forEach(([, weights], k) => {
  for (const [ch, w] of Object.entries(weights)) {
    const at = ch.charCodeAt(0) - 0x400;
    CUE_WEIGHTS[at] ??= new Array<number>(CYRILLIC_CUES.length).fill(0);
    CUE_WEIGHTS[at]![k] += w;
  }
});

/**
 * Lower case of each code unit where it is one unit (else the unit itself; -1 not computed yet).
 * Lower-casing a string maps each Cyrillic letter to one Cyrillic letter and nothing else to a
 * Cyrillic letter, so the Cyrillic letters of s.toLowerCase() are those of the units' lower cases.
 */
const lowerUnit = new Int32Array(0x10000).fill(-1);
/** (The table read apart from its filling: small enough to be inlined where it is read per letter.) */
function lowerOf(c: number): number {
  const l = lowerUnit[c];
  return l >= 0 ? l : lowerOfNew(c);
}
function lowerOfNew(c: number): number {
  const s = String.fromCharCode(c).toLowerCase();
  return (lowerUnit[c] = s.length === 1 ? s.charCodeAt(0) : c);
}

/** Function words of Tajik and of Uzbek (Cyrillic), for telling them apart without their own letters. */
const TAJIK_WORDS = new Set(["дар", "бо", "ба", "ки", "аз", "барои", "шуд", "мебошад", "карда", "намуд", "оид", "байни"]);
const UZBEK_WORDS = new Set(["билан", "учун", "бўйича", "буйича", "бир", "ҳам", "қилинди", "этди", "бўлди", "бўлиб", "ўртасида", "томонидан"]);
const FRANC_CYRILLIC: Record<string, Lang> = { rus: "ru", ukr: "uk", kaz: "kk", kir: "ky", tgk: "tg" };
const CYRILLIC_CANDIDATES = Object.keys(FRANC_CYRILLIC);
/** Letters Ukrainian writes in almost every sentence and Russian never (Kyrgyz may go a sentence without its own). */
const OWN_LETTERS: Record<string, RegExp> = { ukr: /[іїєґ]/iu };

/**
 * What cyrillicLanguage reads of each unit, in one lookup (0 not computed yet): UNIT_UK_ANY_CASE
 * (ї є ґ in either case), UNIT_CYRILLIC (its lower case is a Cyrillic letter, counted), UNIT_CUE
 * (that lower case has a cue weight or a class: only those are looked up further).
 */
const CYRILLIC_UNIT = new Uint8Array(0x10000);
const UNIT_KNOWN = 1, UNIT_UK_ANY_CASE = 2, UNIT_CYRILLIC = 4, UNIT_CUE = 8;
function cyrillicUnitNew(raw: number): number {
  const c = lowerOf(raw);
  const cyrillic = c >= 0x400 && c < 0x530;
  const cue = cyrillic && (CUE_WEIGHTS[c - 0x400] !== undefined || CYRILLIC_CLASS[c] !== 0);
  return (CYRILLIC_UNIT[raw] = UNIT_KNOWN | ((CYRILLIC_CLASS[raw] & UKRAINIAN_ONLY_ANY_CASE) !== 0 ? UNIT_UK_ANY_CASE : 0) |
    (cyrillic ? UNIT_CYRILLIC : 0) | (cue ? UNIT_CUE : 0));
}

/** The language of the Cyrillic words found (wordsOf(CYRILLIC)). */
function cyrillicLanguage(): Lang {
  const text = wordText;
  // Cues are counted on words that do not start with a capital: proper names ("Тәуелсіздік",
  // "Київ") in a Russian report must not turn it into Kazakh or Ukrainian. All-caps text
  // (a headline-only input) is counted whole.
  let words = 0, lowerWords = 0;
  for (let k = 0; k < wordCount; k++) {
    if (wordScript[k] !== CYRILLIC) continue;
    words++;
    const first = text.charCodeAt(wordStart[k]);
    if (lowerOf(first) === first) lowerWords++;
  }
  const onlyLower = lowerWords * 3 >= words;
  // One pass over the words: Cyrillic letters (lower-cased) of the cue words, cue weights per
  // language, Kazakh-only letters, letters Ukrainian lacks, Ukrainian-only letters; and ї є ґ in
  // any case in every word.
  let total = 0, kazakhOnly = 0, notUk = 0, ukOnlyLower = 0, ukOnlyAll = 0;
  const langScores = new Array<number>(CYRILLIC_CUES.length).fill(0);
  for (let k = 0; k < wordCount; k++) {
    if (wordScript[k] !== CYRILLIC) continue;
    const start = wordStart[k], end = wordEnd[k];
    const cue = !onlyLower || lowerOf(text.charCodeAt(start)) === text.charCodeAt(start);
    for (let i = start; i < end; i++) {
      const raw = text.charCodeAt(i);
      let info = CYRILLIC_UNIT[raw];
      if (info === 0) info = cyrillicUnitNew(raw);
      if ((info & UNIT_UK_ANY_CASE) !== 0) ukOnlyAll++;
      if (!cue || (info & UNIT_CYRILLIC) === 0) continue; // cue letters are all Cyrillic
      total++;
      if ((info & UNIT_CUE) === 0) continue;
      const c = lowerOf(raw);
      const weights = CUE_WEIGHTS[c - 0x400];
      if (weights) for (let j = 0; j < weights.length; j++) langScores[j] += weights[j];
      const cls = CYRILLIC_CLASS[c];
      if (cls === 0) continue;
      if ((cls & KAZAKH_ONLY) !== 0) kazakhOnly++;
      if ((cls & RUSSIAN_NOT_UKRAINIAN) !== 0) notUk++;
      if ((cls & UKRAINIAN_ONLY) !== 0) ukOnlyLower++;
    }
  }
  const scores = new Map<Lang, number>();
  CYRILLIC_CUES.forEach(([lang], k) => scores.set(lang, langScores[k]));
  // Kyrgyz: ң ө ү only count when the Kazakh-only letters are (nearly) absent.
  const ky = scores.get("ky")!;
  scores.set("ky", kazakhOnly * 4 < ky ? ky * 1.5 : 0);
  // Ukrainian: ы э ъ ё are Russian (or Central Asian) letters; і alone is also Kazakh.
  // ї є ґ exist only in Ukrainian; Russian text spells even Ukrainian names without them
  // ("Украины", not "України"), so they count in capitalised words too.
  const ukOnlyInNames = ukOnlyAll - ukOnlyLower;
  scores.set("uk", Math.max(0, scores.get("uk")! + ukOnlyInNames * 3 - notUk * 2));
  let best: Lang = "ru", bestScore = 0;
  for (const [lang, s] of scores) if (s > bestScore) { best = lang; bestScore = s; }
  // Tajik and Uzbek Cyrillic share қ ғ ҳ; without their own letters (ӣ ӯ ҷ, ў) seen, their
  // function words decide ("дар", "бо", "ки" against "билан", "учун", "бўйича").
  if ((best === "tg" || best === "uz") && scores.get("tg") === scores.get("uz")) {
    let tg = 0, uz = 0;
    for (const w of wordsOf(CYRILLIC)) {
      const lw = w.toLowerCase();
      if (TAJIK_WORDS.has(lw)) tg++;
      else if (UZBEK_WORDS.has(lw)) uz++;
    }
    best = uz > tg ? "uz" : "tg";
    // The words decide even below the letter threshold (franc has no Uzbek Cyrillic model).
    if (uz !== tg) return best;
  }
  // A few extended letters (a Kazakh place name in a Russian report) do not make a language:
  // require the cues to weigh at least 1% of the Cyrillic letters, or 3 on short text.
  if (bestScore >= Math.max(3, total * 0.01)) return best;
  // No decisive letters (Kyrgyz can be written without ң ө ү for a sentence or two): trigrams.
  const ranked = francScoresOf(CYRILLIC, CYRILLIC_CANDIDATES);
  const top = ranked[0];
  const rus = ranked.find(([code]) => code === "rus");
  // ...but only a language whose own letters the text has: a Russian sentence with none of
  // і ї є ґ («Путин поблагодарил Трампа за встречу на Аляске») is not Ukrainian.
  if (top && top[0] !== "rus" && (!rus || rus[1] < 0.85) && OWN_LETTERS[top[0]]?.test(lettersOf(CYRILLIC)) !== false) return FRANC_CYRILLIC[top[0]];
  return "ru";
}

// ---- Arabic script --------------------------------------------------------------------------

const PERSIAN_LETTER = 1, PERSIAN_YEH_KAF = 2, ARABIC_LETTER = 4, URDU_LETTER = 8;
const ARABIC_CLASS = unitClasses([
  ["پچژگ", PERSIAN_LETTER],
  // Persian ی and ک (Urdu shares them); Arabic writes ي and ك.
  ["یک", PERSIAN_YEH_KAF],
  ["ةىأإؤ", ARABIC_LETTER],
  ["ےںٹڈڑھۓ", URDU_LETTER],
]);
const PERSIAN_WORDS = new Set(["است", "می", "را", "این", "که", "از", "در", "به", "با", "های", "ها", "شد", "کرد", "برای", "یک", "آن", "خود", "بود", "شده", "نیز", "وی", "گفت", "کند", "هم"]);
const ARABIC_WORDS = new Set(["في", "من", "على", "التي", "الذي", "إلى", "الى", "أن", "عن", "مع", "هذا", "هذه", "كان", "قد", "بين", "وقال", "قال", "ان", "أو", "لا", "ما", "التى", "تم", "حيث"]);
const URDU_WORDS = new Set(["ہے", "ہیں", "کے", "کی", "کا", "میں", "اور", "نے", "سے", "کو", "پر", "یہ", "وہ", "تھا", "گیا"]);
const PERSIAN_WORD = 1, ARABIC_WORD = 2, URDU_WORD = 4;
/** The sets a function word is in, as bits (one lookup per word instead of one per set). */
const FUNCTION_WORDS = new Map<string, number>();
for (const [set, bit] of [[PERSIAN_WORDS, PERSIAN_WORD], [ARABIC_WORDS, ARABIC_WORD], [URDU_WORDS, URDU_WORD]] as const) {
  for (const w of set) FUNCTION_WORDS.set(w, (FUNCTION_WORDS.get(w) ?? 0) | bit);
}
/**
 * Per first unit, bit n set where a function word of n units starts with it: a word of another
 * first unit or length is in none of the sets, so it is not copied out to be looked up.
 */
const FUNCTION_WORD_LENGTHS = new Uint32Array(0x10000);
for (const w of FUNCTION_WORDS.keys()) {
  if (w.length >= 32) throw new Error(`lang: function word too long for FUNCTION_WORD_LENGTHS: ${w}`);
  FUNCTION_WORD_LENGTHS[w.charCodeAt(0)] |= 1 << w.length;
}

/** The language of the Arabic-script words found (wordsOf(ARABIC)). */
function arabicScriptLanguage(): Lang {
  const text = wordText;
  let persianLetters = 0, yehKaf = 0, arabicLetters = 0, urduLetters = 0;
  let fa = 0, ar = 0, ur = 0;
  const startsWith = (prefix: string, start: number, end: number) => end - start >= prefix.length && text.startsWith(prefix, start);
  for (let k = 0; k < wordCount; k++) {
    if (wordScript[k] !== ARABIC) continue;
    const start = wordStart[k], end = wordEnd[k];
    for (let i = start; i < end; i++) {
      const cls = ARABIC_CLASS[text.charCodeAt(i)];
      if (cls === 0) continue;
      if ((cls & PERSIAN_LETTER) !== 0) persianLetters++;
      if ((cls & PERSIAN_YEH_KAF) !== 0) yehKaf++;
      if ((cls & ARABIC_LETTER) !== 0) arabicLetters++;
      if ((cls & URDU_LETTER) !== 0) urduLetters++;
    }
    const length = end - start;
    const sets = length < 32 && (FUNCTION_WORD_LENGTHS[text.charCodeAt(start)] & (1 << length)) !== 0 ? FUNCTION_WORDS.get(text.slice(start, end)) ?? 0 : 0;
    if ((sets & PERSIAN_WORD) !== 0 || startsWith("می", start, end)) fa += 2;
    if ((sets & ARABIC_WORD) !== 0) ar += 3;
    else if (startsWith("ال", start, end) || startsWith("وال", start, end) || startsWith("بال", start, end)) ar += 1;
    if ((sets & URDU_WORD) !== 0) ur += 3;
  }
  // (Letter counts weigh halves and wholes, word counts wholes: the sums are exact in any order.)
  fa += persianLetters * 2 + yehKaf * 0.5;
  ar += arabicLetters * 1;
  ur += urduLetters * 2;
  // Urdu letters are the decisive cue: Persian and Arabic text has almost none of them.
  if (ur > fa && ur > ar) return "ur";
  if (fa === 0 && ar === 0) return "und";
  return fa > ar ? "fa" : "ar";
}

// ---- Latin script ---------------------------------------------------------------------------

const FRANC_LATIN: Record<string, Lang> = {
  eng: "en", fra: "fr", deu: "de", spa: "es", tur: "tr", uzn: "uz", tuk: "tk", azj: "az", hun: "hu",
};
/** Other Latin-script languages, so that Italian or Polish text comes out "und", not "es". */
const FRANC_LATIN_DISTRACTORS = ["ita", "por", "pol", "nld", "ron", "ces", "slk", "hrv", "swe", "ind"];
const LATIN_CANDIDATES = [...Object.keys(FRANC_LATIN), ...FRANC_LATIN_DISTRACTORS];

/** Uzbek Latin writes oʻ/gʻ with a turned comma; plain apostrophes stand in for it (weaker cue:
 * English has o'clock and O'Brien). */
const UZBEK_OG_STRONG = "ʻ‘";
const UZBEK_OG_WEAK = "'’`ʼ";
const UZBEK_WORDS_LATIN = /\b(va|bilan|uchun|ham|bo[ʻ‘’'`ʼ]yicha|o[ʻ‘’'`ʼ]rtasida)\b/gi;
const AZERBAIJANI = 1, TURKMEN = 2, A_UMLAUT = 4, TURKISH = 8, HUNGARIAN = 16;
const LATIN_CLASS = unitClasses([
  ["əƏ", AZERBAIJANI],
  ["ňŇýÝžŽ", TURKMEN],
  ["äÄ", A_UMLAUT],
  ["ğışİ", TURKISH],
  // ő and ű are Hungarian letters only.
  ["őűŐŰ", HUNGARIAN],
]);

const matches = (text: string, re: RegExp) => (text.match(re) ?? []).length;
/**
 * How often o or g (either case) stands before one of `marks` in text, and, where `letterAfter`,
 * a letter (/[og][marks](?=\p{L})/giu; without it /[og][marks]/gi): found from the marks, which
 * are rare, instead of from every o and g.
 */
function ogMarks(text: string, marks: string, letterAfter: boolean): number {
  let n = 0;
  for (let m = 0; m < marks.length; m++) {
    for (let at = text.indexOf(marks[m], 1); at >= 0; at = text.indexOf(marks[m], at + 1)) {
      const before = text.charCodeAt(at - 1) | 0x20;
      if ((before === 0x6f || before === 0x67) && (!letterAfter || letterAt(text, at + 1))) n++;
    }
  }
  return n;
}

/** Whether a letter (\p{L}) starts at text[at] (a code point: a surrogate pair is read whole). */
function letterAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (isHighSurrogate(c) && at + 1 < text.length) return LETTER.test(text.slice(at, at + 2));
  let v = letterUnit[c];
  if (v < 0) v = letterUnit[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return v === 1;
}
const LETTER = /^\p{L}$/u;
/** Whether each BMP code unit is a letter (1/0; -1 not yet known). */
const letterUnit = new Int8Array(0x10000).fill(-1);

/** The language of the Latin-script words found (wordsOf(LATIN)) in `raw`, the head of the text. */
function latinLanguage(raw: string): Lang {
  const text = wordText;
  let words = 0, units = 0, az = 0, tk = 0, aUmlaut = 0, tr = 0, hu = 0;
  for (let k = 0; k < wordCount; k++) {
    if (wordScript[k] !== LATIN) continue;
    const start = wordStart[k], end = wordEnd[k];
    words++;
    units += end - start;
    for (let i = start; i < end; i++) {
      const cls = LATIN_CLASS[text.charCodeAt(i)];
      if (cls === 0) continue;
      if ((cls & AZERBAIJANI) !== 0) az++;
      if ((cls & TURKMEN) !== 0) tk++;
      if ((cls & A_UMLAUT) !== 0) aUmlaut++;
      if ((cls & TURKISH) !== 0) tr++;
      if ((cls & HUNGARIAN) !== 0) hu++;
    }
  }
  // The length of the words joined by spaces.
  const total = units + words - 1;
  if (az >= 2 && az > total * 0.005) return "az";
  if (tk >= 2 && tk > total * 0.005 && aUmlaut > 0) return "tk";
  // The Uzbek cues, each counted only where the decision needs it.
  const strong = ogMarks(raw, UZBEK_OG_STRONG, false);
  const weak = ogMarks(raw, UZBEK_OG_WEAK, true);
  let uzWordCount = -1;
  const uzWords = () => (uzWordCount >= 0 ? uzWordCount : (uzWordCount = matches(raw, UZBEK_WORDS_LATIN)));
  if ((strong >= 2 && strong + uzWords() > total * 0.005) || (strong + weak >= 2 && uzWords() >= 2)) return "uz";
  let ranked = francScoresOf(LATIN, LATIN_CANDIDATES);
  const [trigramTop] = ranked[0] ?? ["und"];
  // Uzbek Latin writes o‘ g‘ or its function words in almost every sentence: without any of
  // them, trigrams that put Uzbek first (a foreign name's letters) defer to the next language.
  if (trigramTop === "uzn" && strong + weak === 0 && uzWords() === 0) ranked = ranked.slice(1);
  const [topCode] = ranked[0] ?? ["und"];
  // Turkish letters settle Turkish vs the others when trigrams hesitate.
  if (tr >= 2 && tr > total * 0.005 && topCode !== "azj" && topCode !== "tuk") return "tr";
  // Uzbek Latin has none of ğ ı ş: a short Turkish sentence that trigrams call Uzbek is Turkish.
  if (tr >= 1 && (trigramTop === "uzn" || !(topCode in FRANC_LATIN))) return "tr";
  // ő and ű are Hungarian letters only: with trigrams undecided they settle it.
  if (hu >= 1 && !(topCode in FRANC_LATIN)) return "hu";
  if (topCode in FRANC_LATIN) return FRANC_LATIN[topCode];
  // A distractor won: answer a target language only if it scored nearly as well.
  const target = ranked.find(([code]) => code in FRANC_LATIN);
  if (target && target[1] >= 0.95) return FRANC_LATIN[target[0]];
  return "und";
}

// ---- entry point ----------------------------------------------------------------------------

/**
 * Per BMP unit (0 not computed yet): NOT_LETTER, SURROGATE (read as part of a pair), or a letter
 * or mark, with its script (FIRST_SCRIPT + index into SCRIPTS) or NO_SCRIPT.
 */
const NOT_LETTER = 1, SURROGATE = 2, NO_SCRIPT = 3, FIRST_SCRIPT = 4;
const unitInfos = new Uint8Array(0x10000);
/** (The table read apart from its filling: small enough to be inlined in the scan.) */
function unitInfo(c: number): number {
  const v = unitInfos[c];
  return v !== 0 ? v : unitInfoNew(c);
}
function unitInfoNew(c: number): number {
  let v: number;
  if (isSurrogate(c)) v = SURROGATE;
  else if (!isLetterOrMarkUnit(c)) v = NOT_LETTER;
  else {
    const s = scriptOf(c);
    v = s === null ? NO_SCRIPT : FIRST_SCRIPT + SCRIPTS.indexOf(s);
  }
  return (unitInfos[c] = v);
}

/** A language with how sure the guess is (0 none, 1 certain). */
export interface LanguageGuess {
  lang: Lang;
  confidence: number;
}

/** Letters below which trigram statistics say little: short texts are decided by letters alone. */
const SHORT_LETTERS = 24;

/** Detect the language of a text; "und" when there is too little to go on. */
export function detectLanguage(text: string): Lang {
  return identifyLanguage(text).lang;
}

/**
 * The language of a text and the confidence of the guess. A text of a few letters gets its best
 * guess with a low confidence (a short Cyrillic word is Russian unless a letter of another
 * language says otherwise), or "und" where the script alone does not point to one language
 * (a short Latin word); never a trigram verdict on a handful of letters.
 */
export function identifyLanguage(text: string): LanguageGuess {
  const head = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // Letters only (digits, punctuation and symbols say nothing about the language): the words,
  // runs of letters and marks, each of the script of its first code point.
  wordText = head;
  wordCount = 0;
  const units = [0, 0, 0, 0, 0];
  const n = head.length;
  for (let i = 0; i < n; ) {
    const ws = i;
    // The first unit: a letter or mark of the BMP (its script), or a surrogate (read as a pair).
    let info = unitInfo(head.charCodeAt(i));
    if (info === NOT_LETTER) {
      i++;
      continue;
    }
    if (info === SURROGATE) {
      const w = letterOrMarkWidth(head, i);
      if (!w) {
        i++;
        continue;
      }
      // A letter outside the BMP: none of the scripts.
      info = NO_SCRIPT;
      i += w;
    } else i++;
    while (i < n) {
      const next = unitInfo(head.charCodeAt(i));
      if (next === NOT_LETTER) break;
      if (next !== SURROGATE) {
        i++;
        continue;
      }
      const w = letterOrMarkWidth(head, i);
      if (!w) break;
      i += w;
    }
    if (info !== NO_SCRIPT) {
      const k = info - FIRST_SCRIPT;
      pushWord(ws, i, k);
      units[k] += i - ws;
    }
  }
  // A Han character carries about a word's worth of text; weigh it like three letters.
  const weights: Array<[Script, number]> = [
    ["Cyrillic", units[0]],
    ["Arabic", units[1]],
    ["Latin", units[2]],
    ["Han", units[3] * 3],
    ["Armenian", units[4]],
  ];
  weights.sort((a, b) => b[1] - a[1]);
  const [script, weight] = weights[0];
  if (weight < 3) return { lang: "und", confidence: 0 };
  // How much of the text the script holds, and how much text there is to go on.
  const total = weights.reduce((n, [, w]) => n + w, 0);
  const share = weight / total;
  const amount = Math.min(1, weight / (SHORT_LETTERS * 4));
  const short = weight < SHORT_LETTERS;
  const sure = (lang: Lang, base = 1): LanguageGuess => ({ lang, confidence: lang === "und" ? 0 : Math.round(base * share * (0.4 + 0.6 * amount) * 100) / 100 });
  // (One call of `sure` that every text reaches: a call in a script's own branch had no feedback
  // where identifyLanguage was optimised before the first text of that script, and deoptimised.)
  let lang: Lang, base = 1;
  switch (script) {
    case "Han":
      lang = "zh";
      break;
    case "Armenian":
      lang = "hy";
      break;
    case "Cyrillic":
      if (short) {
        lang = shortCyrillic(lettersOf(CYRILLIC));
        base = 0.5;
      } else lang = cyrillicLanguage();
      break;
    case "Arabic":
      lang = arabicScriptLanguage();
      if (short) base = 0.5;
      break;
    case "Latin":
      if (short) {
        lang = shortLatin(lettersOf(LATIN));
        base = 0.5;
      } else lang = latinLanguage(head);
      break;
  }
  return sure(lang, base);
}

/** Cyrillic letters that belong to one language only. */
const SHORT_CYRILLIC: Array<[RegExp, Lang]> = [[/[їєґ]/iu, "uk"], [/[ӣӯҷ]/iu, "tg"], [/[ў]/iu, "uz"], [/[әұһ]/iu, "kk"], [/[ңөү]/iu, "ky"]];
/** Latin letters that point to one language (ő ű are Hungarian only, ğ ı Turkish...). */
const SHORT_LATIN: Array<[RegExp, Lang]> = [[/[ə]/iu, "az"], [/[ňý]/iu, "tk"], [/[őű]/iu, "hu"], [/[ğı]/u, "tr"], [/[ñ]/iu, "es"], [/[ß]/u, "de"], [/[ʻ]/u, "uz"]];

/** A few Cyrillic letters: Russian unless a letter only another language has is there. */
function shortCyrillic(letters: string): Lang {
  for (const [re, lang] of SHORT_CYRILLIC) if (re.test(letters)) return lang;
  return "ru";
}

/** A few Latin letters: a language only where a letter of its own shows it. */
function shortLatin(letters: string): Lang {
  for (const [re, lang] of SHORT_LATIN) if (re.test(letters)) return lang;
  return "und";
}
