// Phrase matcher: finds lexicon phrases in tokenised text, tolerant of inflection.
// The rules are documented for lexicon writers in data/README.md; in short:
//  - a phrase token of >= MIN_STEM letters matches a text word that extends it by at most the
//    language's inflection allowance (Russian case endings, Turkic suffixes, Arabic/Persian
//    suffixes, English plural/possessive);
//  - a token ending in "*" matches any continuation; one ending in "=" only itself;
//  - shorter tokens match exactly;
//  - Arabic-script text words are also tried without their proclitics (و ف ب ل ك, ال, لل);
//  - phrases in Han script are found as substrings of the folded text;
//  - person names decline (Russian/Ukrainian), "UK's" is read as "UK";
//  - trigger phrases may skip a few modifiers between their words (see matchGapped), and their
//    verbs stand for other forms by rule (aspect.ts) or as written ("a|b"); Persian light verbs
//    may be joined to the word before them.

import { fold, hasHan, type NormalizedText, type Token } from "../text/normalize.js";
import { russianImperfective, turkishParticiples } from "./aspect.js";
import { WordTable } from "./word-table.js";

export { WordTable } from "./word-table.js";

export const MIN_STEM = 4;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** Letters a word may add to a stem, per language of the phrase. */
const INFLECTION_ALLOWANCE: Record<string, number> = {
  ru: 4, uk: 4, tg: 4, kk: 4, ky: 4, uz: 5, tr: 5, az: 5, tk: 5, hu: 7,
  ar: 3, fa: 3, ur: 3,
  en: 2, fr: 2, de: 2, es: 2,
};
const DEFAULT_ALLOWANCE = 2;

/**
 * Languages whose endings are few enough to list: a stem may only take one of these (folded
 * forms). Arabic "تركي" (Turkish) + "ة" is a form of the word; "تركيز" (focus) is not.
 * Hungarian's (HU_ENDINGS, below) are built from its case, possessive and plural endings.
 */
const SUFFIX_SETS: Record<string, string[]> = {
  ar: ["ه", "ي", "ين", "ون", "ان", "يه", "ات", "ها", "هم", "هما", "ا", "يا", "يين", "يون", "تان", "تين", "يتين", "يان", "ته", "وا", "نا"],
  fa: ["ي", "ها", "هاي", "هايي", "ان", "اي", "يي", "ش", "شان", "ه", "يه", "ند", "يد", "م", "يم"],
};
SUFFIX_SETS.ur = SUFFIX_SETS.fa;

/**
 * Endings that make another word of a stem, not a form of it: Turkish and Azerbaijani -lık/-lik/
 * -luk/-lük (folded, ğ -> g) turn "bakan" (minister) into "bakanlığı" (ministry) and "büyükelçi"
 * (ambassador) into "büyükelçiliği" (embassy).
 */
const DERIVING_ENDINGS: Record<string, string[]> = {
  tr: ["lik", "luk", "lig", "lug"],
  az: ["lik", "luk", "lig", "lug", "liy", "luy"],
};

// Persian light verbs (folded past stems: کرد, شد, نمود, داد, گرفت, زد, داشت, ساخت; present
// stems such as کن or ده are common words of their own and are left alone). Text writes «محکوم کرد», «محکوم‌کرد» (ZWNJ, dropped by folding) or
// «محکومکرد»: a phrase word before a light verb is also tried joined to it, and the light verb
// also takes the infinitive ن («محکوم کردن»).
const LIGHT_VERB = /^(كرد|شد|نمود|داد|گرفت|زد|داشت|ساخت)/;
const LIGHT_VERB_LANGS = new Set(["fa"]);
const LIGHT_VERB_SUFFIXES = [...SUFFIX_SETS.fa, "ن", "نش"];

/** The phrase with a word and the light verb after it written as one word (none when it has none). */
function joinedLightVerbs(tokens: PhraseToken[], lang: string): PhraseToken[][] {
  if (!LIGHT_VERB_LANGS.has(lang)) return [];
  const out: PhraseToken[][] = [];
  for (let k = 1; k < tokens.length; k++) {
    const verb = tokens[k];
    if (!LIGHT_VERB.test(verb.text) || tokens[k - 1].prefix) continue;
    const joined: PhraseToken = { ...verb, text: tokens[k - 1].text + verb.text, allowance: Math.max(verb.allowance, 3), alts: undefined };
    out.push([...tokens.slice(0, k - 1), joined, ...tokens.slice(k + 1)]);
  }
  return out;
}

export interface PhraseToken {
  text: string;
  prefix: boolean; // written with a trailing "*"
  allowance: number; // 0 for exact
  /** Endings that make another word of the token (see DERIVING_ENDINGS). */
  deriving?: string[];
  /** Only these endings are allowed (proper names in English-like languages: "Russia's"). */
  suffixes?: string[];
  /** The same endings as a set, for lookup. */
  suffixSet?: Set<string>;
  /** Other forms of the word (written "a|b", or verb forms by rule: see aspect.ts). */
  alts?: PhraseToken[];
}

export interface CompiledPhrase<T> {
  tokens: PhraseToken[];
  /** Proper names must start with an upper-case letter in cased scripts. */
  capitalized: boolean;
  /** Acronyms that are also words (UN/"un", WHO/"who") must be all upper case. */
  upper: boolean;
  /** Set when the phrase only applies to documents in its own language (titles, verbs, cues). */
  lang: string | null;
  payload: T;
  surface: string;
  /** Words the text may put between the phrase's tokens, in all (0: consecutive words only). */
  gap: number;
}

export interface Match<T> {
  payload: T;
  /** Letters of inflection the text added to the phrase (fewer is a closer match). */
  extra: number;
  start: number; // original offsets
  end: number;
  /** Index of the first and one past the last token matched (-1 for substring matches). */
  tokenStart: number;
  tokenEnd: number;
  surface: string;
}

// Arabic-script proclitics, longest first: conjunction/preposition letters, then the article.
const AR_PREFIXES = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"];
const ARABIC_LETTER = /[\u0600-\u06ff]/;

/**
 * Whether a code unit is in the Arabic block (U+0600-U+06FF), whose words have variants. One mask
 * and one comparison, both always run: "c >= 0x0600 && c <= 0x06ff" optimised before any unit
 * above 0x05ff had been seen is deoptimised by the first one.
 */
function isArabicUnit(c: number): boolean {
  return (c & 0xff00) === 0x0600;
}

// Variants per word, remembered (the same words recur in every document).
const variantCache = new WordTable<string[]>();
const VARIANT_CACHE_SIZE = 200_000;

/** Variants of a folded text word to look up: itself and, in Arabic script, without proclitics. */
function wordVariants(word: string): string[] {
  const c = word.charCodeAt(0);
  if (!isArabicUnit(c)) return [word];
  let out = variantCache.get(word);
  if (out) return out;
  out = [word];
  for (const p of AR_PREFIXES) {
    if (word.length - p.length >= 2 && word.startsWith(p)) out.push(word.slice(p.length));
  }
  if (variantCache.size >= VARIANT_CACHE_SIZE) variantCache.clear();
  variantCache.add(word, out);
  return out;
}

/** Extra letters one variant of a word adds to the phrase token, or -1 when it does not match. */
function variantMatch(pt: PhraseToken, w: string): number {
  if (w === pt.text) return 0;
  if (pt.prefix) return w.startsWith(pt.text) ? 0 : -1;
  if (pt.allowance > 0 && w.length > pt.text.length && w.length - pt.text.length <= pt.allowance && w.startsWith(pt.text)) {
    // (A loop, not some() with a closure: a closure over w and pt would have them stored in a
    // context made at every call of this function.)
    const deriving = pt.deriving;
    if (deriving) for (let k = 0; k < deriving.length; k++) if (w.startsWith(deriving[k], pt.text.length)) return -1;
    if (!pt.suffixSet || pt.suffixSet.has(w.slice(pt.text.length))) return w.length - pt.text.length;
  }
  return -1;
}

/** Extra letters the word adds to the phrase token or one of its forms, or -1 when none matches. */
function tokenMatch(pt: PhraseToken, word: string): number {
  return anyFormMatch(pt, word, null);
}

/** The token's own form first, then its other forms: against the word, or against its variants when given. */
function anyFormMatch(pt: PhraseToken, word: string, variants: string[] | null): number {
  const e = variants ? formMatchIn(pt, variants) : formMatch(pt, word);
  if (e >= 0 || !pt.alts) return e;
  // (Indexed loops here and below: these run per word and candidate, without an iterator made.)
  const alts = pt.alts;
  for (let k = 0; k < alts.length; k++) {
    const alt = alts[k];
    const x = variants ? formMatchIn(alt, variants) : formMatch(alt, word);
    if (x >= 0) return x;
  }
  return -1;
}

/** Extra letters the word adds to one form of the phrase token, or -1 when it does not match. */
function formMatch(pt: PhraseToken, word: string): number {
  const c = word.charCodeAt(0);
  // Outside Arabic script the word is its only variant.
  if (!isArabicUnit(c)) return variantMatch(pt, word);
  return formMatchIn(pt, wordVariants(word));
}

/** formMatch given the word's variants: the fewest extra letters any of them adds, or -1. */
function formMatchIn(pt: PhraseToken, variants: string[]): number {
  let best = -1;
  for (let k = 0; k < variants.length; k++) {
    const extra = variantMatch(pt, variants[k]);
    if (extra >= 0 && (best < 0 || extra < best)) best = extra;
  }
  return best;
}

/**
 * The quick test of a phrase token's (and its forms') first two code units and shortest length
 * on an Arabic-script word's variants: every form matches only a variant that starts with it,
 * and the forms share their first two code units (see add()).
 */
function mayMatchVariant(variants: string[], code: number, code2: number, length: number): boolean {
  for (let k = 0; k < variants.length; k++) {
    const v = variants[k];
    if (v.charCodeAt(0) === code && v.length >= length && (code2 < 0 || v.charCodeAt(1) === code2)) return true;
  }
  return false;
}

/** tokenMatch of an Arabic-script word given its variants and, first, mayMatchVariant's test. */
function tokenMatchIn(pt: PhraseToken, variants: string[], code: number, code2: number, length: number): number {
  if (!mayMatchVariant(variants, code, code2, length)) return -1;
  return anyFormMatch(pt, "", variants);
}

/**
 * Hungarian endings, folded (ő ö ó -> o, é -> e, á -> a): a case ending, after a possessive or
 * plural ending or none. A final a/e lengthens before them (Moszkva -> Moszkvában, Szlovákia ->
 * Szlovákiával), which folding makes the same letters; the -val/-vel of a word ending in a
 * consonant doubles that consonant (Lavrovval, Putyinnal). Listed endings only, so that
 * "külügyminisztérium" (the ministry) is not a form of "külügyminiszter" (the minister).
 */
const HU_CASES = ["", "t", "ot", "et", "at", "nak", "nek", "ban", "ben", "ba", "be", "bol", "rol", "ra", "re", "hoz", "hez", "tol", "nal", "nel",
  "val", "vel", "ert", "on", "en", "n", "ig", "kent", "kor", "ul"];
/** What may stand between the word and its case: possessives, plurals, the adjective of place (moszkvai). */
const HU_BEFORE_CASE = ["", "a", "e", "ja", "je", "ai", "ei", "jai", "jei", "uk", "juk", "ok", "ek", "ak", "k", "i", "iak", "ie", "ia"];
const HU_ENDINGS = [...new Set([
  ...HU_BEFORE_CASE.flatMap((b) => HU_CASES.map((c) => b + c)),
  ...[..."bcdfghjklmnprstvz"].flatMap((c) => [`${c}al`, `${c}el`]),
])].filter((x) => x.length > 0);
SUFFIX_SETS.hu = HU_ENDINGS;

/**
 * Whether a word of tokens[from..to] may match a phrase token starting with code units `code`,
 * `code2` (-1: any) whose forms are at least `length` long: one starting with them and as long,
 * or an Arabic-script word with the first of them after its proclitics.
 */
function secondWithin(tokens: Token[], from: number, to: number, code: number, code2: number, length: number): boolean {
  for (let p = from; p <= to && p < tokens.length; p++) {
    const w = tokens[p].norm;
    const c = w.charCodeAt(0);
    if (c === code && w.length >= length && (code2 < 0 || w.charCodeAt(1) === code2)) return true;
    // Arabic script: the letter may follow proclitics (at most four letters: "وبال").
    if (isArabicUnit(c)) for (let k = 1; k <= 4 && k < w.length; k++) if (w.charCodeAt(k) === code) return true;
  }
  return false;
}

/**
 * Whether the phrase of candidate fields data[f..] (n tokens, skipping up to `gap` words) may
 * still match from token i with words skipped: its second token on a word of tokens[from..i + 1 +
 * gap] and its last on one of tokens[i + n - 1..i + n - 1 + gap] (each token k stands at i + k
 * plus the words skipped before it). Tested before a phrase is handed to matchGapped.
 */
function mayMatchGapped(tokens: Token[], i: number, from: number, n: number, gap: number, data: Int32Array, f: number): boolean {
  return secondWithin(tokens, from, i + 1 + gap, data[f + F_SECOND], data[f + F_SECOND2], data[f + F_SECOND_LENGTH])
    && (n < 3 || secondWithin(tokens, i + n - 1, i + n - 1 + gap, data[f + F_LAST], data[f + F_LAST2], data[f + F_LAST_LENGTH]));
}

/**
 * The shortest length of a phrase token's forms. (A loop: spreading the forms' lengths into
 * Math.min took arrays of two element kinds, the forms' and an empty literal's.)
 */
function shortestForm(pt: PhraseToken): number {
  let shortest = pt.text.length;
  const alts = pt.alts;
  if (alts) for (let k = 0; k < alts.length; k++) shortest = Math.min(shortest, alts[k].text.length);
  return shortest;
}

/** tokenMatch for a phrase's first token; a possessive ("UK's") may also match without its "s". */
function firstTokenMatch(pt: PhraseToken, word: string, possessive = false): number {
  const e = tokenMatch(pt, word);
  return e >= 0 || !possessive ? e : tokenMatch(pt, word.slice(0, -1));
}

// Endings a proper name may take: a plural/possessive s in English-like languages; the case
// endings in Russian and Ukrainian ("Каир" + "е", not "Қайрағоч" folded to "каирагоч"); the
// izofa and object endings in Tajik.
const RU_CASE_ENDINGS = ["а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ой", "ей", "ою", "ею", "ым", "им", "ов", "ев", "ам", "ям", "ами", "ями", "ах", "ях", "ии", "ию", "ия", "ией", "ого", "ому", "ую", "ая"];
const NAME_SUFFIXES: Record<string, string[]> = {
  en: ["s"], fr: ["s"], de: ["s"], es: ["s"],
  ru: RU_CASE_ENDINGS,
  uk: [...RU_CASE_ENDINGS, "ові", "еві", "ою", "і"].map((x) => x.replace(/і/g, "и")),
  tg: ["и", "ро", "ба", "ҳо", "ӣ"].map((x) => x.replace("ҳ", "х").replace("ӣ", "и")),
  // Turkic case endings (folded: ı->i, ң->н, ғ->г, қ->к, і->и, ө->о, ү/ұ->у), so that
  // "Rusya'nın", "Ресейдің", "Rossiyaning" match and an unrelated longer word does not.
  tr: ["nin", "nun", "in", "un", "a", "e", "ya", "ye", "na", "ne", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ndan", "nden", "la", "le", "yla", "yle", "daki", "deki", "taki", "teki", "yi", "yu", "i", "u", "li", "lu", "ya", "nda", "nde"],
  az: ["nin", "nun", "in", "un", "a", "e", "ya", "ye", "da", "de", "dan", "den", "la", "le", "ya", "yi", "i", "u", "li"],
  hu: HU_ENDINGS,
  // Latin and Cyrillic (folded: қ->к, ғ->г, ҳ->х).
  uz: ["ning", "ga", "ka", "qa", "da", "dan", "ni", "dagi", "lik", "liklar", "нинг", "га", "ка", "да", "дан", "ни", "даги", "лик", "ликлар"],
  kk: ["нин", "дин", "тин", "нын", "дын", "тын", "га", "ге", "ка", "ке", "а", "е", "на", "не", "ны", "ни", "ды", "ди", "ты", "ти", "н", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "дагы", "деги", "тагы", "теги"],
  ky: ["нын", "нин", "дын", "дин", "тын", "тин", "нун", "дун", "тун", "га", "ге", "ка", "ке", "го", "ко", "а", "е", "ны", "ни", "ды", "ди", "ты", "ти", "ну", "ду", "ту", "да", "де", "та", "те", "до", "то", "дан", "ден", "тан", "тен", "дон", "тон", "нан", "нен", "менен"],
};

// Person names in Russian and Ukrainian decline as nouns (Лавров, Лаврова, Лавровым) or, for
// surnames in -ский/-ой, as adjectives (Зеленский, Зеленского, Зеленским); given names in -й/-а/-я/-ь
// drop that letter (Сергей/Сергея, Мария/Марии, Игорь/Игоря). A person token is written in the
// nominative; it is compiled to its stem with all these endings (folded: й is и).
const ADJECTIVE_ENDINGS = ["ий", "ый", "ой", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем", "ая", "яя", "ую", "юю", "ие", "ые", "их", "ых", "ими", "ыми", "ь", "й"];
const PERSON_SUFFIXES: Record<string, string[]> = {
  ru: [...new Set([...RU_CASE_ENDINGS, ...ADJECTIVE_ENDINGS])],
  uk: [...new Set([...NAME_SUFFIXES.uk, ...ADJECTIVE_ENDINGS, "ього", "ьому", "ьким", "ім"].map((x) => x.replace(/і/g, "и")))],
};
// Raw (unfolded) endings a declining person token loses: adjectival two letters, then one.
const PERSON_DROP2 = /(?:[ыиоі]й|[ая]я)$/u;
const PERSON_DROP1 = /(?:[аеиоуюяэ]й|[аяь])$/u;

/** Stem of a Russian/Ukrainian person-name token (folded) given its raw spelling, or the token. */
export function personStem(raw: string, folded: string): string {
  const lower = raw.toLowerCase();
  let cut = PERSON_DROP2.test(lower) ? 2 : PERSON_DROP1.test(lower) ? 1 : 0;
  if (folded.length - cut < 3) cut = 0;
  return cut ? folded.slice(0, folded.length - cut) : folded;
}

/** Words a trigger phrase may leave between its tokens, per language (articles, adjectives). */
const GAP_WORDS: Record<string, number> = { en: 3, fr: 3, es: 3, de: 3 };
const DEFAULT_GAP = 2;

/**
 * The phrases whose first token matches a word (see PhraseMatcher.candidateCaches), and the
 * fields matchTokens tests first, copied into one array of numbers (FIELDS per phrase): the
 * candidates of a word are read together, so they are kept together (few memory lines to read;
 * the phrase objects are read only once those tests pass). For a word that starts many phrases
 * ("the", a given name) the candidates are also split by what the next word must start with: a
 * phrase of several words that may skip none is only tried when the next word starts with its
 * second token's first code unit (else it fails that test at once); the others (one word, or
 * words it may skip) are always tried.
 */
interface WordCandidates<T> {
  phrases: CompiledPhrase<T>[];
  /** phrases.length, read without visiting the array. */
  count: number;
  /**
   * The copied fields, from `base` on: one array holds those of many words (see
   * PhraseMatcher.reserveCandidateData), an object read often enough to stay in the cache,
   * rather than an array object of each word's own to visit on the way to its numbers.
   */
  data: Int32Array;
  base: number;
  /** Candidate numbers always tried, in order; null for a short list (tried whole). */
  always: Int32Array | null;
  /**
   * The second tokens' first code units, ascending, and the candidate numbers of each, in order
   * (searched by bisection over numbers read together, rather than a Map get per word, which the
   * profile put at a twentieth of matchTokens' own time).
   */
  nextCodes: Int32Array | null;
  nextLists: Int32Array[] | null;
}

// The fields of a candidate in WordCandidates.data, from its word's base.
/** Tokens in the phrase. */
const F_COUNT = 0;
/** Letters the word adds to the first token. */
const F_EXTRA = 1;
/** The second token's first code unit (-1 for a one-token phrase), and its second (-1 when it has one). */
const F_SECOND = 2;
const F_SECOND2 = 3;
/** The shortest length of the second token's forms (0 for a one-token phrase). */
const F_SECOND_LENGTH = 4;
/** Words the phrase may skip (see CompiledPhrase.gap). */
const F_GAP = 5;
/** 1: a capitalised proper name, 2: all upper case. */
const F_FLAGS = 6;
/**
 * The last token's first two code units and shortest length, as F_SECOND..F_SECOND_LENGTH, for a
 * phrase of three tokens or more (-1, -1, 0 for a shorter one): most phrases of three words that
 * pass the second word's test fail on the third; a phrase that skips words must find its last
 * token too (see mayMatchGapped).
 */
const F_LAST = 7;
const F_LAST2 = 8;
const F_LAST_LENGTH = 9;
const FIELDS = 10;

/** Numbers in one array of candidate fields (see WordCandidates.data): 64 KB. */
const CANDIDATE_CHUNK = 16384;

/** Lists longer than this are split by next code unit (see WordCandidates). */
const SPLIT_CANDIDATES = 6;

/** Words whose candidates the caches of all document languages hold together, at most. */
const CANDIDATE_CACHE_SIZE = 200_000;

/** The candidates of a word that starts no phrase (never written to). */
const NO_CANDIDATES: WordCandidates<never> = { phrases: [], count: 0, data: new Int32Array(0), base: 0, always: null, nextCodes: null, nextLists: null };
const NONE = new Int32Array(0);

/** The split of a word's candidates (see WordCandidates), when there are many. */
function splitCandidates(data: Int32Array, base: number, count: number): Pick<WordCandidates<unknown>, "always" | "nextCodes" | "nextLists"> {
  if (count <= SPLIT_CANDIDATES) return { always: null, nextCodes: null, nextLists: null };
  const always: number[] = [];
  const lists = new Map<number, number[]>();
  for (let j = 0; j < count; j++) {
    const f = base + j * FIELDS;
    if (data[f + F_COUNT] < 2 || data[f + F_GAP] > 0) always.push(j);
    else {
      const list = lists.get(data[f + F_SECOND]);
      if (list) list.push(j);
      else lists.set(data[f + F_SECOND], [j]);
    }
  }
  const nextCodes = Int32Array.from(lists.keys()).sort();
  const nextLists = Array.from(nextCodes, (code) => Int32Array.from(lists.get(code)!));
  return { always: Int32Array.from(always), nextCodes, nextLists };
}

/** The candidate numbers split off for a next word starting with `code` (see WordCandidates.nextCodes), or none. */
function candidatesForNext(codes: Int32Array, lists: Int32Array[], code: number): Int32Array {
  let lo = 0, hi = codes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codes[mid] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo < codes.length && codes[lo] === code ? lists[lo] : NONE;
}

const suffixSets = new Map<string[], Set<string>>();
function suffixSetOf(list: string[]): Set<string> {
  let set = suffixSets.get(list);
  if (!set) {
    // Folded as the text is (Cyrillic "ой" is read "ои": й folds to и).
    set = new Set(list.map((x) => fold(x)));
    suffixSets.set(list, set);
  }
  return set;
}

/**
 * Whether a word's first code unit is a cased letter (upper or lower case); false for an empty
 * word. Read by code (a one-unit string outside Latin-1 would be a string made per call).
 */
const casedUnit = new Int8Array(0x10000).fill(-1);
function startsCased(word: string): boolean {
  if (word.length === 0) return false;
  const c = word.charCodeAt(0);
  let v = casedUnit[c];
  if (v < 0) {
    v = /\p{Lu}|\p{Ll}/u.test(String.fromCharCode(c)) ? 1 : 0;
    casedUnit[c] = v;
  }
  return v === 1;
}

export interface AddOptions {
  /** A proper name: the text word must start with an upper-case letter (cased scripts). */
  capitalized?: boolean;
  /** An acronym that is also a word: all upper case in the text. */
  upper?: boolean;
  /** Only for documents of the phrase's language. */
  langBound?: boolean;
  /** Letters of inflection allowed (default: the language's). */
  allowance?: number;
  /** Words may stand between the tokens (triggers; see GAP_WORDS). */
  gaps?: boolean;
  /** A person's name: Russian/Ukrainian tokens decline as names (see PERSON_SUFFIXES). */
  person?: boolean;
}

/** What a built matcher holds (see PhraseMatcher.exportState). */
export interface MatcherState<T> {
  byFirst: Map<string, CompiledPhrase<T>[]>;
  byPrefix: Map<string, CompiledPhrase<T>[]>;
  hanPhrases: CompiledPhrase<T>[];
  maxAllowance: number;
  firstLengths: Set<number>;
  prefixLengths: number[];
  size: number;
}

/**
 * Where a matcher read from a snapshot finds its phrases: lists by first-word key, built on first
 * use (see packed.ts), so that a short run does not build the phrases it never meets.
 */
export interface PhraseSource<T> {
  first(key: string): CompiledPhrase<T>[] | undefined;
  prefix(key: string): CompiledPhrase<T>[] | undefined;
  han(): CompiledPhrase<T>[];
  /** Every key, in the order the built matcher had them. */
  firstKeys(): string[];
  prefixKeys(): string[];
}

export class PhraseMatcher<T> {
  /**
   * `blocksGap`: mentions a gap may not contain (another trigger, a negation, a person): a phrase
   * with words between its tokens must not swallow a mention that changes what it says.
   */
  constructor(private readonly blocksGap: (payload: T) => boolean = () => true) {}

  /** The compiled phrases and their indexes: plain data, for a snapshot (v8.serialize) of a built matcher. */
  exportState(): MatcherState<T> {
    this.materialize();
    const { byFirst, byPrefix, hanPhrases, maxAllowance, firstLengths, prefixLengths, size } = this;
    return { byFirst, byPrefix, hanPhrases, maxAllowance, firstLengths, prefixLengths, size };
  }

  /** A matcher from exportState()'s data (after a round trip through v8.serialize): it matches as the original did. */
  static fromState<T>(state: MatcherState<T>, blocksGap?: (payload: T) => boolean): PhraseMatcher<T> {
    const m = new PhraseMatcher<T>(blocksGap);
    m.byFirst = state.byFirst;
    m.byPrefix = state.byPrefix;
    m.hanPhrases = state.hanPhrases;
    m.maxAllowance = state.maxAllowance;
    m.firstLengths = state.firstLengths;
    m.prefixLengths = state.prefixLengths;
    m.size = state.size;
    return m;
  }

  /**
   * A matcher over a phrase source: the same lookups as fromState's, the phrases read from the
   * source as words need them. `meta` is what exportState gives besides the phrases.
   */
  static fromSource<T>(source: PhraseSource<T>, meta: Pick<MatcherState<T>, "maxAllowance" | "firstLengths" | "prefixLengths" | "size">, blocksGap?: (payload: T) => boolean): PhraseMatcher<T> {
    const m = new PhraseMatcher<T>(blocksGap);
    m.source = source;
    m.maxAllowance = meta.maxAllowance;
    m.firstLengths = meta.firstLengths;
    m.prefixLengths = meta.prefixLengths;
    m.size = meta.size;
    return m;
  }

  /** Set while the phrases are still in their source (see fromSource). */
  private source: PhraseSource<T> | null = null;

  /** Every phrase out of the source into the maps (before adding to them or exporting them). */
  private materialize(): void {
    const src = this.source;
    if (!src) return;
    this.source = null;
    for (const k of src.firstKeys()) this.byFirst.set(k, src.first(k)!);
    for (const k of src.prefixKeys()) this.byPrefix.set(k, src.prefix(k)!);
    this.hanPhrases = src.han();
    this.hanFirst = null;
  }

  private firstList(key: string): CompiledPhrase<T>[] | undefined {
    return this.source ? this.source.first(key) : this.byFirst.get(key);
  }

  private prefixList(key: string): CompiledPhrase<T>[] | undefined {
    return this.source ? this.source.prefix(key) : this.byPrefix.get(key);
  }

  private byFirst = new Map<string, CompiledPhrase<T>[]>();
  private byPrefix = new Map<string, CompiledPhrase<T>[]>();
  private hanPhrases: CompiledPhrase<T>[] = [];
  /**
   * Per code unit, 1 + the number in hanLists of the phrases of hanPhrases whose text starts with
   * it (0: none), built on first use (null until then): one array read per unit of a Han text.
   */
  private hanFirst: Uint16Array | null = null;
  /** Indexes into hanPhrases, one list per first code unit (see hanFirst). */
  private hanLists: number[][] = [];
  /** Per phrase of hanPhrases, its text (read without visiting the phrase), and the second code unit of it (-1 when it has one), built with hanFirst. */
  private hanTexts: string[] = [];
  private hanSecond: number[] = [];
  /** Per phrase of hanPhrases, the number of the last matchHan call that found it (see hanCall). */
  private hanFound = new Int32Array(0);
  private hanCall = 0;
  private maxAllowance = 0;
  /** Lengths of the keys present, so lookups only try slices that can exist. */
  private firstLengths = new Set<number>();
  private prefixLengths: number[] = [];
  size = 0;

  /**
   * When set, add() hands each phrase to it instead of adding it: it adds the phrase and its other
   * spellings with addSpelling (see lexicon/index.ts, expandPhrases). A field every matcher has,
   * not a replaced add method: an own `add` gave the lexicon's matcher a hidden class of its own,
   * so that the matcher's code, reached with both kinds of matcher, was deoptimised for it.
   */
  expand: ((phrase: string, lang: string, payload: T, opts: AddOptions) => void) | null = null;

  /**
   * Add a phrase. `lang` sets the inflection allowance; `capitalized` requires an upper-case
   * first letter in the text (for proper names in cased scripts: "Того" the country vs "того").
   */
  add(phrase: string, lang: string, payload: T, opts: AddOptions = {}): void {
    if (this.expand) this.expand(phrase, lang, payload, opts);
    else this.addSpelling(phrase, lang, payload, opts);
  }

  /** Add one spelling of a phrase, as add() does without `expand`. */
  addSpelling(phrase: string, lang: string, payload: T, opts: AddOptions = {}): void {
    const raw = phrase.trim();
    if (!raw) return;
    this.materialize();
    const boundLang = opts.langBound ? lang : null;
    if (hasHan(raw)) {
      // (The fields of every other token, too: one hidden class for the code reading tokens.)
      const token: PhraseToken = { text: fold(raw).replace(/\s+/g, ""), prefix: false, allowance: 0, deriving: undefined, suffixes: undefined, suffixSet: undefined, alts: undefined };
      this.hanPhrases.push({ tokens: [token], capitalized: false, upper: false, lang: boundLang, payload, surface: raw, gap: 0 });
      this.hanFirst = null;
      this.size++;
      return;
    }
    const allowance = opts.allowance ?? INFLECTION_ALLOWANCE[lang] ?? DEFAULT_ALLOWANCE;
    const tokens: PhraseToken[] = [];
    const declines = opts.person && opts.capitalized ? PERSON_SUFFIXES[lang] : undefined;
    const suffixes = declines ?? (opts.capitalized && NAME_SUFFIXES[lang] ? NAME_SUFFIXES[lang] : SUFFIX_SETS[lang]);
    const lightVerbs = LIGHT_VERB_LANGS.has(lang);
    const deriving = DERIVING_ENDINGS[lang];
    const make = (text: string, prefix: boolean, stemmed = false): PhraseToken => {
      const light = lightVerbs && LIGHT_VERB.test(text);
      const ends = light ? LIGHT_VERB_SUFFIXES : suffixes;
      // One object shape for every token (fewer hidden classes to build at start-up).
      return { text, prefix: prefix && text.length >= 3, allowance: text.length >= MIN_STEM || stemmed || light ? allowance : 0, deriving, suffixes: ends, suffixSet: ends ? suffixSetOf(ends) : undefined, alts: undefined };
    };
    for (const whole of raw.split(/\s+/)) {
      // "вызвал*|вызывал*": one word written in several forms.
      const forms = whole.includes("|") ? whole.split("|") : [whole];
      const part = forms[0];
      const prefix = part.endsWith("*");
      // "посла=": this form only, no inflection allowance (посла, not послание).
      const exact = !prefix && part.length > 1 && part.endsWith("=");
      const bare = prefix || exact ? part.slice(0, -1) : part;
      // Plain ASCII letters (most names) are one word, in lower case; the rest is folded and split.
      const words = ASCII_WORD.test(bare) ? [bare.toLowerCase()] : fold(bare).match(/[\p{L}\p{N}]+/gu) ?? [];
      const rawWords = declines ? bare.match(/[\p{L}\p{N}]+/gu) ?? [] : [];
      words.forEach((word, i) => {
        const last = i === words.length - 1;
        // The Arabic article is written in phrases but optional in text ("الأمم" in "وللأمم"):
        // keep the phrase token without it; text words are tried with and without.
        let w = ARABIC_LETTER.test(word[0]) && word.startsWith("ال") && word.length >= 5 ? word.slice(2) : word;
        if (declines && rawWords.length === words.length) w = personStem(rawWords[i], w);
        const token = make(w, prefix && last, !!declines && w !== word);
        if (exact) token.allowance = 0;
        // Other forms: written ones, then the verb forms a trigger word stands for by rule.
        const others = last && forms.length > 1 ? forms.slice(1).map((o) => fold(o.replace(/\*$/, "")) + (o.endsWith("*") ? "*" : "")) : [];
        if (opts.gaps && lang === "ru") others.push(...russianImperfective(w).map((x) => x + (token.prefix ? "*" : "")));
        if (opts.gaps && lang === "tr" && !token.prefix) others.push(...turkishParticiples(w));
        if (others.length) {
          const alts = others.filter((f) => f.slice(0, 2) === w.slice(0, 2)).map((f) => make(f.replace(/\*$/, ""), f.endsWith("*")));
          if (alts.length) token.alts = alts;
        }
        tokens.push(token);
      });
    }
    if (!tokens.length) return;
    this.maxAllowance = Math.max(this.maxAllowance, allowance);
    const gap = opts.gaps && tokens.length > 1 ? (GAP_WORDS[lang] ?? DEFAULT_GAP) : 0;
    // (Map.clear allocates anew: only when there is something to clear.)
    if (this.cachedWords) this.clearCandidates();
    if (this.firstUnits.size) this.firstUnits.clear();
    const variants = lightVerbs && tokens.length > 1 ? [tokens, ...joinedLightVerbs(tokens, lang)] : [tokens];
    for (const variant of variants) {
      const compiled: CompiledPhrase<T> = { tokens: variant, capitalized: !!opts.capitalized, upper: !!opts.upper, lang: boundLang, payload, surface: raw, gap: variant.length > 1 ? gap : 0 };
      // The phrase is found from its first word in any of its forms.
      for (const first of variant[0].alts ? [variant[0], ...variant[0].alts] : [variant[0]]) {
        const index = first.prefix ? this.byPrefix : this.byFirst;
        if (first.prefix) {
          if (!this.prefixLengths.includes(first.text.length)) this.prefixLengths = [...this.prefixLengths, first.text.length].sort((a, b) => a - b);
        } else this.firstLengths.add(first.text.length);
        const list = index.get(first.text);
        if (list) list.push(compiled);
        else index.set(first.text, [compiled]);
      }
    }
    this.size++;
  }

  /**
   * Candidate phrases per word and document language, remembered: news reuses the same words
   * document after document. Only phrases whose first token matches the word and that can match
   * in the document's language (bound to no language, or to that one; every phrase for a
   * document of unknown language) are kept, with that token's extra letters, the first code unit
   * of their second token (a quick test on the next word), and copies of the fields tested first
   * (read here without visiting each phrase object). Another language's phrases are never looked
   * at again. Indexed by language number (see langId; 0: any language) times two, plus one for
   * words read as possessives ("UK's": the phrases of "uks" and of "uk"); made on first use.
   */
  private candidateCaches: (WordTable<WordCandidates<T>> | undefined)[] = [];
  /** Words remembered in all the caches together (they are emptied past CANDIDATE_CACHE_SIZE). */
  private cachedWords = 0;
  /** Phrase languages as numbers (from 1), for candidateCaches. */
  private langIds = new Map<string, number>();

  private langId(lang: string): number {
    let id = this.langIds.get(lang);
    if (id === undefined) this.langIds.set(lang, (id = this.langIds.size + 1));
    return id;
  }

  private clearCandidates(): void {
    this.candidateCaches = [];
    this.cachedWords = 0;
    this.candidateDataUsed = CANDIDATE_CHUNK;
  }

  /** The array the last words' candidate fields went into (see WordCandidates.data), and how much of it is used. */
  private candidateData = new Int32Array(0);
  private candidateDataUsed = CANDIDATE_CHUNK;

  /**
   * Room for `size` more numbers in candidateData, a new array of CANDIDATE_CHUNK numbers (or
   * of `size`, if more) when the current one has not that much left; returns where it starts.
   */
  private reserveCandidateData(size: number): number {
    if (this.candidateDataUsed + size > this.candidateData.length) {
      this.candidateData = new Int32Array(Math.max(CANDIDATE_CHUNK, size));
      this.candidateDataUsed = 0;
    }
    const base = this.candidateDataUsed;
    this.candidateDataUsed = base + size;
    return base;
  }

  /** The cache of a document language's candidates (langId 0: any language), made on first use. */
  private candidateCache(langId: number, possessive: boolean): WordTable<WordCandidates<T>> {
    const k = langId * 2 + (possessive ? 1 : 0);
    let cache = this.candidateCaches[k];
    if (cache === undefined) {
      while (this.candidateCaches.length < k) this.candidateCaches.push(undefined);
      this.candidateCaches[k] = cache = new WordTable();
    }
    return cache;
  }

  /**
   * A word's candidates in a document of language `lang` (undefined: any language), not yet in
   * the cache given (see candidateCache): found, and remembered there.
   */
  private newCandidates(cache: WordTable<WordCandidates<T>>, word: string, possessive: boolean, lang: string | undefined): WordCandidates<T> {
    let hit: WordCandidates<T>;
    const set = new Set<CompiledPhrase<T>>();
    this.candidates(word, set);
    if (possessive) this.candidates(word.slice(0, -1), set);
    const phrases: CompiledPhrase<T>[] = [];
    const extras: number[] = [];
    for (const c of set) {
      if (c.lang && lang !== undefined && c.lang !== lang) continue;
      const e = firstTokenMatch(c.tokens[0], word, possessive);
      if (e < 0) continue;
      phrases.push(c);
      extras.push(e);
    }
    if (phrases.length) {
      const base = this.reserveCandidateData(phrases.length * FIELDS);
      const data = this.candidateData;
      for (let j = 0; j < phrases.length; j++) {
        const c = phrases[j];
        const f = base + j * FIELDS;
        const n = c.tokens.length;
        const second = n > 1 ? c.tokens[1].text : "";
        data[f + F_COUNT] = n;
        data[f + F_EXTRA] = extras[j];
        // (An empty second token, which no word matches, has the code NaN: stored as 0, which
        // no folded word starts with either.)
        data[f + F_SECOND] = n > 1 ? second.charCodeAt(0) : -1;
        data[f + F_SECOND2] = second.length > 1 ? second.charCodeAt(1) : -1;
        data[f + F_SECOND_LENGTH] = n > 1 ? shortestForm(c.tokens[1]) : 0;
        data[f + F_GAP] = c.gap;
        data[f + F_FLAGS] = (c.capitalized ? 1 : 0) | (c.upper ? 2 : 0);
        // (Read for every phrase, stored for the longer ones: code first reached in a branch after
        // this function was optimised deoptimised it. The forms share their first two code units,
        // so none is shorter than that: a bound read without visiting them.)
        const lastToken = c.tokens[n - 1];
        const last = lastToken.text;
        const last0 = last.charCodeAt(0), last1 = last.length > 1 ? last.charCodeAt(1) : -1;
        const lastShortest = lastToken.alts ? Math.min(2, last.length) : last.length;
        data[f + F_LAST] = n > 2 ? last0 : -1;
        data[f + F_LAST2] = n > 2 ? last1 : -1;
        data[f + F_LAST_LENGTH] = n > 2 ? lastShortest : 0;
      }
      hit = { phrases, count: phrases.length, data, base, ...splitCandidates(data, base, phrases.length) };
    } else {
      // Most words start no phrase: they share one empty entry (less memory for the cache to hold).
      hit = NO_CANDIDATES;
    }
    cache.add(word, hit);
    this.cachedWords++;
    return hit;
  }

  /**
   * The first code units of the keys (1 where some key starts with it and lists a phrase for the
   * document's language), per language number (0: any language), for a matcher whose phrases are
   * in its maps (a small one: most words of a text then start none of its keys). Empty for a
   * matcher reading its source.
   */
  private firstUnits = new Map<number, Uint8Array>();

  private firstUnitsFor(langId: number, lang: string | undefined): Uint8Array {
    let units = this.firstUnits.get(langId);
    if (units) return units;
    units = new Uint8Array(0x10000);
    for (const index of [this.byFirst, this.byPrefix])
      for (const [k, list] of index) if (langId === 0 || list.some((c) => !c.lang || c.lang === lang)) units[k.charCodeAt(0)] = 1;
    this.firstUnits.set(langId, units);
    return units;
  }

  private candidates(word: string, out: Set<CompiledPhrase<T>>): void {
    for (const w of wordVariants(word)) {
      // Exact and stem entries: the word itself or the word minus up to maxAllowance letters.
      for (let cut = 0; cut <= this.maxAllowance && w.length - cut >= 1; cut++) {
        if (!this.firstLengths.has(w.length - cut)) continue;
        const list = this.firstList(cut ? w.slice(0, w.length - cut) : w);
        if (list) for (const c of list) out.add(c);
      }
      // Open-prefix entries: the prefixes of the word whose lengths some entry has.
      for (const len of this.prefixLengths) {
        if (len > w.length) break;
        const list = this.prefixList(w.slice(0, len));
        if (list) for (const c of list) out.add(c);
      }
    }
  }

  /**
   * All matches in a token sequence (overlapping allowed; see `longestNonOverlapping`).
   * `lang` is the document's language: language-bound phrases of other languages are skipped.
   */
  matchTokens(tokens: Token[], lang?: string, out: Match<T>[] = []): Match<T>[] {
    const anyLang = !lang || lang === "und";
    // The document's language as the candidates' numbers have it.
    const docLang = anyLang ? 0 : this.langId(lang);
    const first = out.length;
    // Phrases that may skip words and did not match consecutive words: tried once every
    // consecutive match is known (a gap must not swallow one of them).
    let gapped: number[] | null = null; // token indexes, each followed by its first word's extra letters
    let gappedPhrases: CompiledPhrase<T>[] | null = null;
    // The candidates of this language's words (emptied, when full, between calls only).
    if (this.cachedWords >= CANDIDATE_CACHE_SIZE) this.clearCandidates();
    const phraseLang = anyLang ? undefined : lang;
    const words = this.candidateCache(docLang, false);
    const possessives = this.candidateCache(docLang, true);
    // Every key a word outside Arabic script is looked up by starts with the word's first code
    // unit (a stem or prefix of it, or of it without a possessive "s"): where no key starts with
    // that unit (none with a phrase for this language) the word starts no phrase of the
    // document's language, found without a lookup by the word.
    const units = this.source ? null : this.firstUnitsFor(docLang, lang);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (units !== null) {
        const c0 = tok.norm.charCodeAt(0);
        if (units[c0] === 0 && !isArabicUnit(c0)) continue;
      }
      const possessive = tok.possessive === true;
      const cache = possessive ? possessives : words;
      const entry = cache.get(tok.norm) ?? this.newCandidates(cache, tok.norm, possessive, phraseLang);
      const count = entry.count;
      if (!count) continue;
      // A word outside Arabic script matches a phrase token only if it starts with it (its only
      // variant is itself), so the first code units must agree, so must the second, and the
      // word cannot be shorter (tested here on numbers, before the phrase is read from memory).
      const nextNorm = i + 1 < tokens.length ? tokens[i + 1].norm : "";
      const nextCode = i + 1 < tokens.length ? nextNorm.charCodeAt(0) : -1;
      const nextCode2 = nextNorm.length > 1 ? nextNorm.charCodeAt(1) : -1;
      const nextHasVariants = isArabicUnit(nextCode);
      // An Arabic-script next word: its variants, read once for all the candidates.
      const nextVariants = nextHasVariants ? wordVariants(nextNorm) : null;
      const data = entry.data;
      const base = entry.base;
      // The candidates in their order: all of them, or (see WordCandidates) the ones always
      // tried merged with those of the next word's first code unit.
      let list: Int32Array | null = null;
      let other: Int32Array = NONE;
      if (entry.always !== null && !nextHasVariants) {
        list = entry.always;
        other = candidatesForNext(entry.nextCodes!, entry.nextLists!, nextCode);
      }
      const la = list === null ? count : list.length, lb = other.length;
      for (let a = 0, b = 0; a < la || b < lb; ) {
        const j = list === null ? a++ : b >= lb || (a < la && list[a] < other[b]) ? list[a++] : other[b++];
        // The cheap tests on the copied fields come first; the phrase itself is read only after.
        const f = base + j * FIELDS;
        const n = data[f + F_COUNT];
        if (i + n > tokens.length) continue;
        const gap = data[f + F_GAP];
        if (n > 1 && !nextHasVariants && (data[f + F_SECOND] !== nextCode || data[f + F_SECOND_LENGTH] > nextNorm.length || (data[f + F_SECOND2] >= 0 && data[f + F_SECOND2] !== nextCode2))) {
          if (gap > 0 && mayMatchGapped(tokens, i, i + 2, n, gap, data, f)) (gapped ??= []).push(i, data[f + F_EXTRA]), (gappedPhrases ??= []).push(entry.phrases[j]);
          continue;
        }
        const flags = data[f + F_FLAGS];
        // Cased script and the text word is lower case: not the proper name.
        if ((flags & 1) !== 0 && !tok.capitalized && startsCased(tok.norm)) continue;
        // The same test on an Arabic-script next word's variants, before the phrase is read: for a
        // phrase that skips no words, or one of two words, whose last token is its second (the
        // test for skipping words below then needs nothing of the phrase object either).
        if (nextVariants !== null && (gap === 0 ? n > 1 : n === 2) && !mayMatchVariant(nextVariants, data[f + F_SECOND], data[f + F_SECOND2], data[f + F_SECOND_LENGTH])) {
          if (gap > 0 && mayMatchGapped(tokens, i, i + 1, n, gap, data, f)) (gapped ??= []).push(i, data[f + F_EXTRA]), (gappedPhrases ??= []).push(entry.phrases[j]);
          continue;
        }
        // The last word's test likewise, on a word outside Arabic script (a failure here is one
        // of the words below: the same test for skipping words follows).
        if (n > 2) {
          const word = tokens[i + n - 1].norm;
          const w0 = word.charCodeAt(0);
          if (!isArabicUnit(w0) && (data[f + F_LAST] !== w0 || data[f + F_LAST_LENGTH] > word.length || (data[f + F_LAST2] >= 0 && data[f + F_LAST2] !== word.charCodeAt(1)))) {
            if (gap > 0 && mayMatchGapped(tokens, i, i + 1, n, gap, data, f)) (gapped ??= []).push(i, data[f + F_EXTRA]), (gappedPhrases ??= []).push(entry.phrases[j]);
            continue;
          }
        }
        const c = entry.phrases[j];
        const ptokens = c.tokens;
        let extra = data[f + F_EXTRA];
        for (let k = 1; k < n; k++) {
          const e = k === 1 && nextVariants !== null
            ? tokenMatchIn(ptokens[1], nextVariants, data[f + F_SECOND], data[f + F_SECOND2], data[f + F_SECOND_LENGTH])
            : tokenMatch(ptokens[k], tokens[i + k].norm);
          if (e < 0) { extra = -1; break; }
          extra += e;
        }
        if (extra < 0) {
          if (gap > 0 && mayMatchGapped(tokens, i, i + 1, n, gap, data, f)) (gapped ??= []).push(i, data[f + F_EXTRA]), (gappedPhrases ??= []).push(c);
          continue;
        }
        if ((flags & 2) !== 0) {
          let allUpper = true;
          for (let k = i; k < i + n; k++) if (!tokens[k].upper) { allUpper = false; break; }
          if (!allUpper) continue;
        }
        const last = tokens[i + n - 1];
        out.push({ payload: c.payload, extra, start: tok.start, end: last.end, tokenStart: i, tokenEnd: i + n, surface: c.surface });
      }
    }
    if (gapped && gappedPhrases) this.matchGapped(tokens, gapped, gappedPhrases, out, first);
    return out;
  }

  /**
   * Phrases matched with words between their tokens: each next token within the phrase's gap
   * allowance (all gaps together), the skipped words being no part of a blocking mention (see
   * the constructor), and no clause break (; : ! ?) nor an unpaired comma, dash or bracket
   * between two tokens: "entretien, ce mardi, avec" bridges an inserted phrase, "talks, and
   * with" does not. `pending` holds the token index where each phrase's first token matched and
   * the letters it added to it (as its candidate's F_EXTRA: not matched again).
   */
  private matchGapped(tokens: Token[], pending: number[], phrases: CompiledPhrase<T>[], out: Match<T>[], first: number): void {
    let blocked: Uint8Array | null = null;
    for (let q = 0; q < phrases.length; q++) {
      const i = pending[2 * q];
      const c = phrases[q];
      const n = c.tokens.length;
      let extra = pending[2 * q + 1];
      let pos = i;
      let left = c.gap;
      for (let k = 1; k < n && pos >= 0; k++) {
        let found = -1;
        let soft = 0;
        const pt = c.tokens[k];
        // A short word that ends the phrase ("freed the") opens the object: nothing before it.
        const room = k === n - 1 && pt.text.length < MIN_STEM && !pt.prefix ? 0 : left;
        // (A word outside Arabic script matches only if it starts with the token's first code unit.)
        const code = pt.text.charCodeAt(0);
        for (let p = pos + 1; p < tokens.length && p - pos - 1 <= room; p++) {
          if (p > pos + 1) {
            if (!blocked) blocked = this.blockedTokens(tokens, out, first);
            if (blocked[p - 1]) break;
          }
          const pause = tokens[p].pause ?? 0;
          if (pause >= 2) break;
          if (pause === 1) soft++;
          const w = tokens[p].norm;
          const wc = w.charCodeAt(0);
          const e = wc !== code && !isArabicUnit(wc) ? -1 : tokenMatch(pt, w);
          if (e >= 0 && soft % 2 === 0) {
            found = p;
            extra += e;
            break;
          }
        }
        if (found < 0) pos = -1;
        else {
          left -= found - pos - 1;
          pos = found;
        }
      }
      if (pos < 0) continue;
      out.push({ payload: c.payload, extra, start: tokens[i].start, end: tokens[pos].end, tokenStart: i, tokenEnd: pos + 1, surface: c.surface });
    }
  }

  /** Tokens covered by consecutive matches that a gap may not contain. */
  private blockedTokens(tokens: Token[], out: Match<T>[], first: number): Uint8Array {
    const blocked = new Uint8Array(tokens.length);
    for (let m = first; m < out.length; m++) {
      const x = out[m];
      if (x.tokenStart < 0 || !this.blocksGap(x.payload)) continue;
      for (let k = x.tokenStart; k < x.tokenEnd; k++) blocked[k] = 1;
    }
    return blocked;
  }

  /**
   * Substring matches of Han-script phrases in a folded text. `offset` is added to every offset
   * (for a text that is a slice of a larger one starting there, as tokenize's), so that a match is
   * made with its final offsets: its fields are never written again.
   */
  matchHan(nt: NormalizedText, lang?: string, offset = 0, from = 0, to = nt.norm.length): Match<T>[] {
    const out: Match<T>[] = [];
    const hay = nt.norm.slice(from, to);
    if (!hasHan(hay)) return out;
    // Han phrases are few: a matcher read from its snapshot builds them all at the first Han text.
    if (this.source) this.hanPhrases = this.source.han();
    if (!this.hanPhrases.length) return out;
    // Only the phrases that occur are searched, in their own order: the positions of the text
    // whose code unit starts some phrase are checked against those phrases first.
    let hanFirst = this.hanFirst;
    if (hanFirst === null) {
      hanFirst = this.hanFirst = new Uint16Array(0x10000);
      this.hanLists = [];
      this.hanTexts = this.hanPhrases.map((c) => c.tokens[0].text);
      this.hanSecond = this.hanTexts.map((text) => (text.length > 1 ? text.charCodeAt(1) : -1));
      this.hanFound = new Int32Array(this.hanPhrases.length);
      this.hanTexts.forEach((text, index) => {
        const first = text.charCodeAt(0);
        if (hanFirst![first] === 0) hanFirst![first] = this.hanLists.push([]);
        this.hanLists[hanFirst![first] - 1].push(index);
      });
    }
    // (A phrase known to occur is not tested again; one whose second unit differs is not read.)
    if (this.hanCall >= 0x3fffffff) this.hanFound.fill((this.hanCall = 0));
    const call = ++this.hanCall;
    const found = this.hanFound;
    const occurring: number[] = [];
    const texts = this.hanTexts;
    const second = this.hanSecond;
    for (let p = 0; p < hay.length; p++) {
      const number = hanFirst[hay.charCodeAt(p)];
      if (number === 0) continue;
      const list = this.hanLists[number - 1];
      const next = p + 1 < hay.length ? hay.charCodeAt(p + 1) : -2;
      for (let q = 0; q < list.length; q++) {
        const index = list[q];
        const sc = second[index];
        if (sc >= 0 && sc !== next) continue;
        if (found[index] !== call && hay.startsWith(texts[index], p)) {
          found[index] = call;
          occurring.push(index);
        }
      }
    }
    if (!occurring.length) return out;
    for (const index of occurring.sort((a, b) => a - b)) {
      const c = this.hanPhrases[index];
      const needle = c.tokens[0].text;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        const s = from + at;
        const e = s + needle.length;
        if (c.lang && lang && lang !== "und" && c.lang !== lang) continue;
        out.push({ payload: c.payload, extra: 0, start: nt.origin[s] + offset, end: (nt.origin[e] ?? nt.origin[nt.origin.length - 1]) + offset, tokenStart: -1, tokenEnd: -1, surface: c.surface });
      }
    }
    return out;
  }
}

/** Keep the longest of overlapping matches (ties: the closer match, then the earlier). */
export function longestNonOverlapping<T>(matches: Match<T>[]): Match<T>[] {
  if (matches.length <= 1) return matches.slice();
  const sorted = sortSmall(matches.slice(), (a, b) => b.end - b.start - (a.end - a.start) || a.extra - b.extra || a.start - b.start);
  const taken: Match<T>[] = [];
  for (const m of sorted) {
    let overlaps = false;
    for (let k = 0; k < taken.length; k++) {
      const t = taken[k];
      if (m.start < t.end && t.start < m.end) { overlaps = true; break; }
    }
    if (!overlaps) taken.push(m);
  }
  return taken.length > 1 ? sortSmall(taken, byStart) : taken;
}

const byStart = (a: Match<unknown>, b: Match<unknown>) => a.start - b.start;

/**
 * Array.prototype.sort's result (a stable sort) for the few matches of a sentence, in place by
 * insertion, without the work array the built-in allocates; longer arrays go to the built-in.
 */
function sortSmall<X>(list: X[], cmp: (a: X, b: X) => number): X[] {
  if (list.length > 16) return list.sort(cmp);
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && cmp(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}

