// Phrase matcher: finds lexicon phrases in tokenised text, tolerant of inflection.
// The rules are documented for lexicon writers in data/README.md; in short:
//  - a phrase token of >= MIN_STEM letters matches a text word that extends it by at most the
//    language's inflection allowance (Russian case endings, Turkic suffixes, Arabic/Persian
//    suffixes, English plural/possessive);
//  - a token ending in "*" matches any continuation;
//  - shorter tokens match exactly;
//  - Arabic-script text words are also tried without their proclitics (و ف ب ل ك, ال, لل);
//  - phrases in Han script are found as substrings of the folded text.

import { fold, hasHan, type NormalizedText, type Token } from "../text/normalize.js";

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

interface PhraseToken {
  text: string;
  prefix: boolean; // written with a trailing "*"
  allowance: number; // 0 for exact
  /** Endings that make another word of the token (see DERIVING_ENDINGS). */
  deriving?: string[];
  /** Only these endings are allowed (proper names in English-like languages: "Russia's"). */
  suffixes?: string[];
  /** The same endings as a set, for lookup. */
  suffixSet?: Set<string>;
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

// Variants per word, remembered (the same words recur in every document).
const variantCache = new Map<string, string[]>();
const VARIANT_CACHE_SIZE = 200_000;

/** Variants of a folded text word to look up: itself and, in Arabic script, without proclitics. */
function wordVariants(word: string): string[] {
  const c = word.charCodeAt(0);
  if (!(c >= 0x0600 && c <= 0x06ff)) return [word];
  let out = variantCache.get(word);
  if (out) return out;
  out = [word];
  for (const p of AR_PREFIXES) {
    if (word.length - p.length >= 2 && word.startsWith(p)) out.push(word.slice(p.length));
  }
  if (variantCache.size >= VARIANT_CACHE_SIZE) variantCache.clear();
  variantCache.set(word, out);
  return out;
}

/** Extra letters one variant of a word adds to the phrase token, or -1 when it does not match. */
function variantMatch(pt: PhraseToken, w: string): number {
  if (w === pt.text) return 0;
  if (pt.prefix) return w.startsWith(pt.text) ? 0 : -1;
  if (pt.allowance > 0 && w.length > pt.text.length && w.length - pt.text.length <= pt.allowance && w.startsWith(pt.text)) {
    if (pt.deriving && pt.deriving.some((d) => w.startsWith(d, pt.text.length))) return -1;
    if (!pt.suffixSet || pt.suffixSet.has(w.slice(pt.text.length))) return w.length - pt.text.length;
  }
  return -1;
}

/** Extra letters the word adds to the phrase token, or -1 when it does not match. */
function tokenMatch(pt: PhraseToken, word: string): number {
  const c = word.charCodeAt(0);
  // Outside Arabic script the word is its only variant.
  if (!(c >= 0x0600 && c <= 0x06ff)) return variantMatch(pt, word);
  let best = -1;
  for (const w of wordVariants(word)) {
    const extra = variantMatch(pt, w);
    if (extra >= 0 && (best < 0 || extra < best)) best = extra;
  }
  return best;
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

/** Phrases whose first token matches one word (see PhraseMatcher.cachedCandidates). */
interface WordCandidates<T> {
  phrases: CompiledPhrase<T>[];
  firstExtra: number[];
  secondCode: number[];
  /** The second token's second code unit (-1 when it has one unit) and its length. */
  secondCode2: number[];
  secondLength: number[];
  tokenCount: number[];
  phraseLang: (string | null)[];
  needsCapital: boolean[];
}

const suffixSets = new Map<string[], Set<string>>();
function suffixSetOf(list: string[]): Set<string> {
  let set = suffixSets.get(list);
  if (!set) {
    set = new Set(list);
    suffixSets.set(list, set);
  }
  return set;
}

/** Whether a character is a cased letter (upper or lower case), by code unit. */
const casedUnit = new Int8Array(0x10000).fill(-1);
function isCasedLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  let v = casedUnit[c];
  if (v < 0) {
    v = /\p{Lu}|\p{Ll}/u.test(ch) ? 1 : 0;
    casedUnit[c] = v;
  }
  return v === 1;
}

export class PhraseMatcher<T> {
  private byFirst = new Map<string, CompiledPhrase<T>[]>();
  private byPrefix = new Map<string, CompiledPhrase<T>[]>();
  private hanPhrases: CompiledPhrase<T>[] = [];
  /** Indexes into hanPhrases by the first code unit of the phrase (built on first use). */
  private hanByFirst = new Map<number, number[]>();
  private maxAllowance = 0;
  /** Lengths of the keys present, so lookups only try slices that can exist. */
  private firstLengths = new Set<number>();
  private prefixLengths: number[] = [];
  size = 0;

  /**
   * Add a phrase. `lang` sets the inflection allowance; `capitalized` requires an upper-case
   * first letter in the text (for proper names in cased scripts: "Того" the country vs "того").
   */
  add(phrase: string, lang: string, payload: T, opts: { capitalized?: boolean; upper?: boolean; langBound?: boolean; allowance?: number } = {}): void {
    const raw = phrase.trim();
    if (!raw) return;
    const boundLang = opts.langBound ? lang : null;
    if (hasHan(raw)) {
      this.hanPhrases.push({ tokens: [{ text: fold(raw).replace(/\s+/g, ""), prefix: false, allowance: 0 }], capitalized: false, upper: false, lang: boundLang, payload, surface: raw });
      this.hanByFirst.clear();
      this.size++;
      return;
    }
    const allowance = opts.allowance ?? INFLECTION_ALLOWANCE[lang] ?? DEFAULT_ALLOWANCE;
    const tokens: PhraseToken[] = [];
    const suffixes = opts.capitalized && NAME_SUFFIXES[lang] ? NAME_SUFFIXES[lang] : SUFFIX_SETS[lang];
    const suffixSet = suffixes ? suffixSetOf(suffixes) : undefined;
    const deriving = DERIVING_ENDINGS[lang];
    for (const part of raw.split(/\s+/)) {
      const prefix = part.endsWith("*");
      const body = prefix ? part.slice(0, -1) : part;
      // Plain ASCII letters (most names) are one word, in lower case; the rest is folded and split.
      const words = ASCII_WORD.test(body) ? [body.toLowerCase()] : fold(body).match(/[\p{L}\p{N}]+/gu) ?? [];
      words.forEach((word, i) => {
        const last = i === words.length - 1;
        // The Arabic article is written in phrases but optional in text ("الأمم" in "وللأمم"):
        // keep the phrase token without it; text words are tried with and without.
        const w = ARABIC_LETTER.test(word[0]) && word.startsWith("ال") && word.length >= 5 ? word.slice(2) : word;
        // One object shape for every token (fewer hidden classes to build at start-up).
        tokens.push({ text: w, prefix: prefix && last && w.length >= 3, allowance: w.length >= MIN_STEM ? allowance : 0, deriving, suffixes, suffixSet });
      });
    }
    if (!tokens.length) return;
    this.maxAllowance = Math.max(this.maxAllowance, allowance);
    const compiled: CompiledPhrase<T> = { tokens, capitalized: !!opts.capitalized, upper: !!opts.upper, lang: boundLang, payload, surface: raw };
    if (this.candidateCache.size) this.candidateCache.clear();
    const first = tokens[0];
    const index = first.prefix ? this.byPrefix : this.byFirst;
    if (first.prefix) {
      if (!this.prefixLengths.includes(first.text.length)) this.prefixLengths = [...this.prefixLengths, first.text.length].sort((a, b) => a - b);
    } else this.firstLengths.add(first.text.length);
    const list = index.get(first.text);
    if (list) list.push(compiled);
    else index.set(first.text, [compiled]);
    this.size++;
  }

  /**
   * Candidate phrases per word, remembered: news reuses the same words document after document.
   * Only phrases whose first token matches the word are kept, with that token's extra letters, the
   * first code unit of their second token (a quick test on the next word), and copies of the
   * fields tested first (read here without visiting each phrase object).
   */
  private candidateCache = new Map<string, WordCandidates<T>>();

  private cachedCandidates(word: string): WordCandidates<T> {
    let hit = this.candidateCache.get(word);
    if (hit) return hit;
    const set = new Set<CompiledPhrase<T>>();
    this.candidates(word, set);
    const phrases: CompiledPhrase<T>[] = [];
    const firstExtra: number[] = [];
    const secondCode: number[] = [];
    const secondCode2: number[] = [];
    const secondLength: number[] = [];
    const tokenCount: number[] = [];
    const phraseLang: (string | null)[] = [];
    const needsCapital: boolean[] = [];
    for (const c of set) {
      const e = tokenMatch(c.tokens[0], word);
      if (e < 0) continue;
      phrases.push(c);
      firstExtra.push(e);
      secondCode.push(c.tokens.length > 1 ? c.tokens[1].text.charCodeAt(0) : -1);
      const second = c.tokens.length > 1 ? c.tokens[1].text : "";
      secondCode2.push(second.length > 1 ? second.charCodeAt(1) : -1);
      secondLength.push(second.length);
      tokenCount.push(c.tokens.length);
      phraseLang.push(c.lang);
      needsCapital.push(c.capitalized);
    }
    hit = { phrases, firstExtra, secondCode, secondCode2, secondLength, tokenCount, phraseLang, needsCapital };
    if (this.candidateCache.size > 200_000) this.candidateCache.clear();
    this.candidateCache.set(word, hit);
    return hit;
  }

  private candidates(word: string, out: Set<CompiledPhrase<T>>): void {
    for (const w of wordVariants(word)) {
      // Exact and stem entries: the word itself or the word minus up to maxAllowance letters.
      for (let cut = 0; cut <= this.maxAllowance && w.length - cut >= 1; cut++) {
        if (!this.firstLengths.has(w.length - cut)) continue;
        const list = this.byFirst.get(cut ? w.slice(0, w.length - cut) : w);
        if (list) for (const c of list) out.add(c);
      }
      // Open-prefix entries: the prefixes of the word whose lengths some entry has.
      for (const len of this.prefixLengths) {
        if (len > w.length) break;
        const list = this.byPrefix.get(w.slice(0, len));
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
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const { phrases, firstExtra, secondCode, secondCode2, secondLength, tokenCount, phraseLang, needsCapital } = this.cachedCandidates(tok.norm);
      if (!phrases.length) continue;
      // A word outside Arabic script matches a phrase token only if it starts with it (its only
      // variant is itself), so the first code units must agree, so must the second, and the
      // word cannot be shorter (tested here on numbers, before the phrase is read from memory).
      const nextNorm = i + 1 < tokens.length ? tokens[i + 1].norm : "";
      const nextCode = i + 1 < tokens.length ? nextNorm.charCodeAt(0) : -1;
      const nextCode2 = nextNorm.length > 1 ? nextNorm.charCodeAt(1) : -1;
      const nextHasVariants = nextCode >= 0x0600 && nextCode <= 0x06ff;
      for (let j = 0; j < phrases.length; j++) {
        // The cheap tests on the cached arrays come first; the phrase itself is read only after.
        const n = tokenCount[j];
        if (i + n > tokens.length) continue;
        if (n > 1 && !nextHasVariants && (secondCode[j] !== nextCode || secondLength[j] > nextNorm.length || (secondCode2[j] >= 0 && secondCode2[j] !== nextCode2))) continue;
        const pl = phraseLang[j];
        if (pl && !anyLang && pl !== lang) continue;
        // Cased script and the text word is lower case: not the proper name.
        if (needsCapital[j] && !tok.capitalized && isCasedLetter(tok.norm[0])) continue;
        const c = phrases[j];
        let extra = firstExtra[j];
        for (let k = 1; k < n; k++) {
          const e = tokenMatch(c.tokens[k], tokens[i + k].norm);
          if (e < 0) { extra = -1; break; }
          extra += e;
        }
        if (extra < 0) continue;
        if (c.upper) {
          let allUpper = true;
          for (let k = i; k < i + n; k++) if (!tokens[k].upper) { allUpper = false; break; }
          if (!allUpper) continue;
        }
        const last = tokens[i + n - 1];
        out.push({ payload: c.payload, extra, start: tok.start, end: last.end, tokenStart: i, tokenEnd: i + n, surface: c.surface });
      }
    }
    return out;
  }

  /** Substring matches of Han-script phrases in a folded text. */
  matchHan(nt: NormalizedText, lang?: string, from = 0, to = nt.norm.length): Match<T>[] {
    const out: Match<T>[] = [];
    if (!this.hanPhrases.length) return out;
    const hay = nt.norm.slice(from, to);
    if (!hasHan(hay)) return out;
    // Only the phrases that occur are searched, in their own order: the positions of the text
    // whose code unit starts some phrase are checked against those phrases first.
    if (this.hanByFirst.size === 0) {
      this.hanPhrases.forEach((c, index) => {
        const first = c.tokens[0].text.charCodeAt(0);
        const list = this.hanByFirst.get(first);
        if (list) list.push(index);
        else this.hanByFirst.set(first, [index]);
      });
    }
    const occurring = new Set<number>();
    for (let p = 0; p < hay.length; p++) {
      const list = this.hanByFirst.get(hay.charCodeAt(p));
      if (!list) continue;
      for (const index of list) if (hay.startsWith(this.hanPhrases[index].tokens[0].text, p)) occurring.add(index);
    }
    if (!occurring.size) return out;
    for (const index of [...occurring].sort((a, b) => a - b)) {
      const c = this.hanPhrases[index];
      const needle = c.tokens[0].text;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
        const s = from + at;
        const e = s + needle.length;
        if (c.lang && lang && lang !== "und" && c.lang !== lang) continue;
        out.push({ payload: c.payload, extra: 0, start: nt.origin[s], end: nt.origin[e] ?? nt.origin[nt.origin.length - 1], tokenStart: -1, tokenEnd: -1, surface: c.surface });
      }
    }
    return out;
  }
}

/** Keep the longest of overlapping matches (ties: the closer match, then the earlier). */
export function longestNonOverlapping<T>(matches: Match<T>[]): Match<T>[] {
  if (matches.length <= 1) return matches.slice();
  const sorted = matches.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.extra - b.extra || a.start - b.start);
  const taken: Match<T>[] = [];
  for (const m of sorted) {
    let overlaps = false;
    for (let k = 0; k < taken.length; k++) {
      const t = taken[k];
      if (m.start < t.end && t.start < m.end) { overlaps = true; break; }
    }
    if (!overlaps) taken.push(m);
  }
  return taken.length > 1 ? taken.sort((a, b) => a.start - b.start) : taken;
}
