// Matching form of a text, with a map back to the original offsets.
//
// Lexicon phrases and document text go through the same folding so that spelling variants of one
// word compare equal: letter case, Latin diacritics, Arabic letter variants and marks, Persian
// letter variants and ZWNJ, Cyrillic letters of Tajik/Kazakh/Kyrgyz/Ukrainian folded onto their
// Russian look-alikes, apostrophes inside words (Uzbek oʻ, Turkish Rusya'nın), Eastern digits.
// Each original character becomes zero, one or more normalised characters; `origin[i]` is the
// offset in the original text of normalised character i, so spans found in the normalised text
// map back exactly.

export interface NormalizedText {
  /** The folded text. */
  norm: string;
  /** origin[i] = original offset of norm[i]; origin[norm.length] = original length. */
  origin: Int32Array;
}

const FOLD = new Map<string, string>([
  // Arabic: alef variants, hamza carriers, ta marbuta, alef maqsura.
  ["أ", "ا"], ["إ", "ا"], ["آ", "ا"], ["ٱ", "ا"], ["ؤ", "و"], ["ئ", "ي"], ["ة", "ه"], ["ى", "ي"],
  // Persian letters onto the Arabic code points (ی -> ي, ک -> ك), and heh variants.
  ["ی", "ي"], ["ک", "ك"], ["ۀ", "ه"], ["ە", "ه"], ["ھ", "ه"],
  // Cyrillic letters of Tajik, Kazakh, Kyrgyz, Ukrainian, Uzbek onto Russian look-alikes.
  ["ё", "е"], ["ӣ", "и"], ["ӯ", "у"], ["ҳ", "х"], ["қ", "к"], ["ғ", "г"], ["ҷ", "ч"],
  ["ә", "а"], ["ң", "н"], ["ө", "о"], ["ұ", "у"], ["ү", "у"], ["һ", "х"], ["і", "и"],
  ["ї", "и"], ["є", "е"], ["ґ", "г"], ["ў", "у"], ["й", "и"],
  // Turkish dotless i and capital dotted I (lower-casing alone would give "i̇").
  ["ı", "i"], ["İ", "i"],
  // Letters that NFD does not decompose.
  ["ß", "ss"], ["ø", "o"], ["đ", "d"], ["ł", "l"], ["æ", "ae"], ["œ", "oe"],
]);

// Apostrophe-like characters inside words are dropped (oʻzbek, g'arb, Rusya'nın, Russia's).
const APOSTROPHES = new Set(["'", "’", "‘", "ʻ", "ʼ", "`", "´"]);
// Removed outright: tatweel, ZWNJ/ZWJ, soft hyphen, bidi marks.
const DROP = new Set(["ـ", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f", "\u061c"]);

const foldCache = new Map<string, string>();
// Basic Multilingual Plane characters are looked up by code unit: the hot path of normalize.
const bmpCache: (string | undefined)[] = new Array(0x10000);

/** Fold one character (code point) to its matching form. */
export function foldChar(ch: string): string {
  if (ch.length === 1) {
    const hit = bmpCache[ch.charCodeAt(0)];
    if (hit !== undefined) return hit;
  }
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const code = ch.codePointAt(0)!;
  if (DROP.has(ch)) out = "";
  else if (code >= 0x0660 && code <= 0x0669) out = String(code - 0x0660); // Arabic-Indic digits
  else if (code >= 0x06f0 && code <= 0x06f9) out = String(code - 0x06f0); // Persian digits
  else if ((code >= 0x064b && code <= 0x065f) || code === 0x0670) out = ""; // harakat, superscript alef
  else {
    const lower = ch.toLowerCase();
    const mapped = FOLD.get(ch) ?? FOLD.get(lower);
    if (mapped !== undefined) out = mapped;
    else {
      // Strip combining marks after canonical decomposition (Latin diacritics, Cyrillic breve).
      out = lower.normalize("NFD").replace(/\p{M}/gu, "");
      const again = FOLD.get(out);
      if (again !== undefined) out = again;
    }
  }
  foldCache.set(ch, out);
  if (ch.length === 1) bmpCache[ch.charCodeAt(0)] = out;
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

const ELIDED = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "dell", "dall", "nell", "sull", "all"]);
/** Whether the apostrophe at i ends an elided French/Italian word at a word start. */
function isElision(text: string, i: number): boolean {
  let s = i;
  while (s > 0 && /\p{L}/u.test(text[s - 1])) s--;
  return ELIDED.has(text.slice(s, i).toLowerCase());
}

const utf16 = new TextDecoder("utf-16le");
// Folded forms of BMP characters as code units: unit1 (-1: folds to nothing, -2: not yet
// known) and unit2 (-1: none). Filled on first sight from foldChar.
const unit1 = new Int32Array(0x10000).fill(-2);
const unit2 = new Int32Array(0x10000).fill(-1);
const APOSTROPHE_CODES = new Set([0x27, 0x60, 0x2019, 0x2018, 0x02bb, 0x02bc, 0xb4]);

/** Fold a whole text, keeping the offset map. */
export function normalize(text: string): NormalizedText {
  // Output code units and their origins go into typed arrays (folding never produces more
  // than two code units per input unit: ß -> ss), decoded once at the end.
  const cap = text.length * 2 + 2;
  const units = new Uint16Array(cap);
  const origin = new Int32Array(cap + 1);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    // Fast path: ASCII letters and digits fold to themselves in lower case.
    if (code < 128 && code !== 39 && code !== 96) {
      units[n] = code >= 65 && code <= 90 ? code + 32 : code;
      origin[n++] = i;
      i++;
      continue;
    }
    // Other BMP characters: the table, filled from foldChar on first sight.
    if (code < 0xd800 || (code > 0xdfff && code <= 0xffff)) {
      if (!APOSTROPHE_CODES.has(code) && code !== 0x0301) {
        let u = unit1[code];
        if (u === -2) {
          const f = foldChar(text[i]);
          u = f.length ? f.charCodeAt(0) : -1;
          unit1[code] = u;
          unit2[code] = f.length > 1 ? f.charCodeAt(1) : -1;
        }
        if (u >= 0) {
          units[n] = u;
          origin[n++] = i;
          const v = unit2[code];
          if (v >= 0) {
            units[n] = v;
            origin[n++] = i;
          }
        }
        i++;
        continue;
      }
    }
    // Surrogate pairs (outside the BMP) are folded as one code point.
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const ch = isPair ? text.slice(i, i + 2) : text[i];
    const cp = isPair ? text.codePointAt(i)! : code;
    const width = ch.length;
    let out: string;
    if (APOSTROPHES.has(ch)) {
      // Inside a word the apostrophe joins (oʻzbek, Rusya'nın); after a French/Italian elided
      // article or preposition (l'ONU, d'Iran, dell'Unione) it separates; elsewhere it is a quote.
      const joins = isWordChar(text[i - 1]) && isWordChar(text[i + width]);
      out = joins && !isElision(text, i) ? "" : " ";
    } else if (cp === 0x0301) {
      out = ""; // stress accents in Russian dictionary-style text
    } else {
      out = foldChar(ch);
    }
    for (let k = 0; k < out.length && n < cap; k++) {
      units[n] = out.charCodeAt(k);
      origin[n++] = i;
    }
    i += width;
  }
  origin[n] = text.length;
  return { norm: utf16.decode(units.subarray(0, n)), origin: origin.subarray(0, n + 1) };
}


/** Fold a string without keeping offsets (lexicon phrases). */
export function fold(text: string): string {
  return normalize(text).norm;
}

/** A word token of the normalised text with its span in the ORIGINAL text. */
export interface Token {
  /** Folded form. */
  norm: string;
  start: number;
  end: number;
  /** The token is written with an upper-case first letter in the original text. */
  capitalized: boolean;
  /** Every cased letter of the token is upper case in the original text (acronyms). */
  upper: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/** Word tokens of a text (runs of letters and digits), with original offsets. */
export function tokenize(text: string, nt: NormalizedText = normalize(text)): Token[] {
  const tokens: Token[] = [];
  for (const m of nt.norm.matchAll(WORD)) {
    const ns = m.index!;
    const ne = ns + m[0].length;
    const start = nt.origin[ns];
    const end = ne < nt.origin.length - 1 ? nt.origin[ne] : text.length;
    const first = text[start];
    const surface = text.slice(start, Math.max(end, start + 1));
    tokens.push({
      upper: surface === surface.toUpperCase() && surface !== surface.toLowerCase(),
      norm: m[0],
      start,
      end: Math.max(end, start + 1),
      capitalized: first !== undefined && first !== first.toLowerCase(),
    });
  }
  return tokens;
}

/** Whether a string contains Han characters (matched as substrings, not tokens). */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}
