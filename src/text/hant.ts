// Traditional Chinese characters folded onto Simplified ones, one character for one character,
// so that matching on Traditional text (Taiwan, Hong Kong, overseas media) uses the Simplified
// lexicon and every offset still maps back (the folding in normalize.ts keeps an origin per unit).
//
// The tables are OpenCC's (through the opencc-js package): TSCharacters maps a Traditional
// character to its Simplified form; TWVariantsRev and HKVariantsRev map the regional variant
// characters of Taiwan and Hong Kong (為, 裡, 温) onto OpenCC's standard Traditional ones first.
// Phrase-level regional terms (紐西蘭 for 新西兰, 歐巴馬 for 奥巴马) differ in length and cannot
// be folded character by character: `regionalVariants` gives them to the lexicon instead, which
// adds the regional spelling of a phrase beside the Simplified one.

import tsCharacters from "opencc-js/dict/TSCharacters";
import twVariantsRev from "opencc-js/dict/TWVariantsRev";
import hkVariantsRev from "opencc-js/dict/HKVariantsRev";
import twPhrasesRev from "opencc-js/dict/TWPhrasesRev";
import hkPhrasesRev from "opencc-js/dict/HKPhrasesRev";

/** OpenCC's "FROM TO|FROM TO" table as pairs (the first target when several are listed). */
function pairs(table: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of table.split("|")) {
    const [from, to] = entry.split(" ");
    if (from && to) out.push([from, to]);
  }
  return out;
}

let charMap: Map<string, string> | null = null;

/** Traditional (and Taiwan/Hong Kong variant) character -> Simplified character, built once. */
function simplifiedChars(): Map<string, string> {
  if (charMap) return charMap;
  const ts = new Map(pairs(tsCharacters));
  const map = new Map<string, string>();
  for (const [t, s] of ts) if (t !== s) map.set(t, s);
  // A regional variant goes to OpenCC's standard form, then to Simplified when that has one.
  for (const [variant, standard] of [...pairs(twVariantsRev), ...pairs(hkVariantsRev)]) {
    if (map.has(variant)) continue;
    const s = ts.get(standard);
    if (s !== undefined && s !== variant) map.set(variant, s);
  }
  // A target that is itself mapped would make folding depend on how often it ran: follow it.
  for (const [t, s] of map) {
    let to = s;
    for (let k = 0; k < 3 && map.has(to) && map.get(to) !== to; k++) to = map.get(to)!;
    map.set(t, to);
  }
  charMap = map;
  return map;
}

/** The Simplified form of one Traditional character, or undefined when it has none of its own. */
export function simplifiedChar(ch: string): string | undefined {
  return simplifiedChars().get(ch);
}

/** Fold a Han string character by character to Simplified (same number of characters). */
export function toSimplified(s: string): string {
  let out = "";
  for (const ch of s) out += simplifiedChars().get(ch) ?? ch;
  return out;
}

let regional: Array<[string, string]> | null = null;

/**
 * Taiwan and Hong Kong terms whose letters differ from the mainland term beyond the character
 * map (紐西蘭 / 新西兰, 歐巴馬 / 奥巴马), as [regional, mainland] pairs both folded to Simplified
 * characters; pairs that fold to the same string are left out.
 */
export function regionalVariants(): Array<[string, string]> {
  if (regional) return regional;
  const seen = new Set<string>();
  regional = [];
  for (const [local, standard] of [...pairs(twPhrasesRev), ...pairs(hkPhrasesRev)]) {
    const a = toSimplified(local), b = toSimplified(standard);
    if (a === b || seen.has(a + "\u0000" + b)) continue;
    seen.add(a + "\u0000" + b);
    regional.push([a, b]);
  }
  return regional;
}

/** Latin letters of pinyin, with and without tone marks. */
const PINYIN_LETTER = /[a-zü\u00e0-\u00fc\u0101-\u01dc]/;
/** Vowels with a tone mark: what tells a reading gloss from a Latin word in brackets. */
const TONE_MARKED = /[\u00e0\u00e1\u00e8\u00e9\u00ec\u00ed\u00f2\u00f3\u00f9\u00fa\u0101\u0113\u011b\u012b\u014d\u016b\u01ce\u01d0\u01d2\u01d4\u01d6\u01d8\u01da\u01dc]/;

/**
 * Where a pinyin reading glossed after a Han character ends, or -1: some converters of Chinese
 * pages write the reading of an ambiguous character after it, "聯(lián)合國", "關(guān)係". The gloss
 * is lower-case pinyin with a tone mark, in ASCII brackets, right after a Han character; `at` is
 * the index of its "(". Folding drops it so that 联合国 still matches. `end`: where the text
 * read ends (a slice read in place).
 */
export function pinyinGlossEnd(text: string, at: number, end = text.length): number {
  if (text.charCodeAt(at) !== 0x28 || at === 0 || text.charCodeAt(at - 1) < 0x3400) return -1;
  let k = at + 1;
  let toned = false;
  while (k < end && k - at <= 8 && PINYIN_LETTER.test(text[k])) {
    if (TONE_MARKED.test(text[k])) toned = true;
    k++;
  }
  return toned && k > at + 1 && k < end && text.charCodeAt(k) === 0x29 ? k + 1 : -1;
}
