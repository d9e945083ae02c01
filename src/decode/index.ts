// Decode: raw bytes to text. Refuses empty, binary and oversized input; strips a BOM and
// otherwise keeps the text exactly as decoded, because every later offset indexes it.
//
// Order: size/empty checks, BOM, known binary magic numbers, BOM-less UTF-16/32, binary
// control bytes, strict UTF-8, declared charset (or an HTML meta charset), then chardet's
// candidates (widened to the legacy encodings of the region) ranked by how much the decoded
// text looks like real text.

import chardet from "chardet";
import iconv from "iconv-lite";
import { InputError, type DecodedText, type RawInput } from "../types.js";

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Canonical output names for the iconv-lite encodings we may decode with. */
const CANONICAL: Record<string, string> = {
  "utf-8": "UTF-8", utf8: "UTF-8",
  "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", "utf-32le": "UTF-32LE", "utf-32be": "UTF-32BE",
  "windows-1250": "windows-1250", "windows-1251": "windows-1251", "windows-1252": "windows-1252",
  "windows-1253": "windows-1253", "windows-1254": "windows-1254", "windows-1255": "windows-1255",
  "windows-1256": "windows-1256", "windows-1257": "windows-1257", "windows-1258": "windows-1258",
  "koi8-r": "KOI8-R", "koi8-u": "KOI8-U", maccyrillic: "x-mac-cyrillic",
  "iso-8859-1": "ISO-8859-1", "iso-8859-2": "ISO-8859-2", "iso-8859-5": "ISO-8859-5",
  "iso-8859-6": "ISO-8859-6", "iso-8859-7": "ISO-8859-7", "iso-8859-8": "ISO-8859-8",
  "iso-8859-9": "ISO-8859-9", gb18030: "GB18030", big5: "Big5", shift_jis: "Shift_JIS",
  "euc-jp": "EUC-JP", "euc-kr": "EUC-KR",
};

/** chardet name -> iconv-lite name (null: not decodable as a single charset). */
function iconvName(chardetName: string): string | null {
  const n = chardetName.toLowerCase();
  if (n === "ascii") return "utf-8";
  if (n === "mbcs" || n === "sbcs" || n.startsWith("iso-2022") || n === "iso_2022") return null;
  if (n === "utf-32") return "utf-32be";
  return iconv.encodingExists(n) ? n : null;
}

/** Single-byte encodings that are confused with each other; when one is a candidate all are. */
const FAMILIES: string[][] = [
  ["windows-1251", "koi8-r", "koi8-u", "iso-8859-5", "maccyrillic"],
  ["windows-1256", "iso-8859-6"],
  ["windows-1252", "windows-1254", "iso-8859-1", "iso-8859-9"],
];

/** Well-known binary formats by their leading bytes, so the error can say what it was. */
const MAGIC: Array<[string, number[], number]> = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47], 0],
  ["JPEG image", [0xff, 0xd8, 0xff], 0],
  ["GIF image", [0x47, 0x49, 0x46, 0x38], 0],
  ["PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d], 0],
  ["ZIP archive (or DOCX/XLSX/ODT)", [0x50, 0x4b, 0x03, 0x04], 0],
  ["gzip archive", [0x1f, 0x8b], 0],
  ["RAR archive", [0x52, 0x61, 0x72, 0x21], 0],
  ["7-Zip archive", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ["MS Office (OLE2) document", [0xd0, 0xcf, 0x11, 0xe0], 0],
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46], 0],
  ["Windows executable", [0x4d, 0x5a], 0],
  ["SQLite database", [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 0],
  ["MP4/QuickTime media", [0x66, 0x74, 0x79, 0x70], 4],
  ["WebP/WAV/AVI (RIFF) media", [0x52, 0x49, 0x46, 0x46], 0],
  ["Ogg media", [0x4f, 0x67, 0x67, 0x53], 0],
];

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function knownBinary(b: Uint8Array): string | null {
  for (const [what, sig, at] of MAGIC) if (startsWith(b, sig, at)) return what;
  return null;
}

/**
 * BOM-less UTF-16/32 heuristic: mostly-ASCII text in UTF-16 has NUL in every other byte.
 * Returns the encoding when one byte lane is nearly all NUL and the other nearly never.
 */
function sniffWideUnicode(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~3;
  if (n < 8) return null;
  // Without a NUL, every lane's share is 0 and none of the tests below can pass.
  if (b.subarray(0, n).indexOf(0) < 0) return null;
  const lane = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) lane[i & 3]++;
  const q = n / 4;
  const [l0, l1, l2, l3] = lane.map((c) => c / q);
  if (l1 > 0.9 && l2 > 0.9 && l3 > 0.9 && l0 < 0.5) return "utf-32le";
  if (l0 > 0.9 && l1 > 0.9 && l2 > 0.9 && l3 < 0.5) return "utf-32be";
  const even = (l0 + l2) / 2, odd = (l1 + l3) / 2;
  if (odd > 0.4 && even < 0.05) return "utf-16le";
  if (even > 0.4 && odd < 0.05) return "utf-16be";
  return null;
}

/** Share of control bytes (not tab/newline/CR/FF/VT/ESC) in the head of the input; NUL counts. */
/** 1 for the control bytes controlShare counts. */
const CONTROL = new Uint8Array(256);
for (let c = 0; c < 256; c++) if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b) || c === 0x7f) CONTROL[c] = 1;

/** The number of control bytes among b's first n. */
function controlCount(b: Uint8Array, n: number): number {
  let ctl = 0, i = 0;
  // Four bytes at a time (from the first aligned one): a word with no byte below 0x20 and none
  // equal to 0x7f holds no control byte, and only the others are read byte by byte. (The two
  // tests are the classic "has a byte less than" and "has a zero byte" bit tricks.)
  const head = Math.min(n, (4 - (b.byteOffset & 3)) & 3);
  for (; i < head; i++) ctl += CONTROL[b[i]];
  const words = (n - i) >> 2;
  if (words > 0) {
    const w32 = new Int32Array(b.buffer, b.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      const w = w32[k];
      const x = w ^ 0x7f7f7f7f;
      if (((((w - 0x20202020) & ~w) | ((x - 0x01010101) & ~x)) & 0x80808080) !== 0) {
        const j = i + 4 * k;
        ctl += CONTROL[b[j]] + CONTROL[b[j + 1]] + CONTROL[b[j + 2]] + CONTROL[b[j + 3]];
      }
    }
    i += 4 * words;
  }
  for (; i < n; i++) ctl += CONTROL[b[i]];
  return ctl;
}

function controlShare(b: Uint8Array): { share: number; nul: boolean } {
  const n = Math.min(b.length, 65536);
  const ctl = controlCount(b, n);
  // NULs are control bytes: counted only where there are any.
  let nuls = 0;
  if (ctl > 0) for (let i = 0; i < n; i++) if (b[i] === 0) nuls++;
  // A handful of stray NULs in a long page (a scraping artefact) do not make it binary;
  // binary formats have them everywhere.
  return { share: n ? ctl / n : 0, nul: nuls > 0 && (n < 4096 || nuls > Math.max(32, n * 0.001)) };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function tryUtf8(b: Uint8Array): string | null {
  try {
    return strictUtf8.decode(b);
  } catch {
    return null;
  }
}

/** Charset named by an HTML meta tag in the (ASCII) head of the bytes, if any. */
function metaCharset(b: Uint8Array): string | null {
  const head = Buffer.from(b.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i.exec(head);
  return m ? m[1] : null;
}

function normaliseCharsetName(name: string): string | null {
  let n = name.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (n === "x-mac-cyrillic" || n === "mac-cyrillic") n = "maccyrillic";
  if (/^(cp|windows-?)125\d$/.test(n)) n = "windows-" + n.slice(-4);
  if (n === "utf8") n = "utf-8";
  return iconv.encodingExists(n) ? n : null;
}

// ---- plausibility scoring -------------------------------------------------------------------

const CYR_FREQUENT = new Set("оеаинтсрвл");
const ARABIC_FREQUENT = new Set("اليونمهربتةدیکسأ");
/** Common non-letter, non-ASCII characters in news text (quotes, dashes, numero, degree...). */
const COMMON_PUNCT = new Set("«»—–“”‘’„…№°•·€\u00a0\u00ad\u200c\u200d\u060c\u061b\u061f\u066a\u066b\u066c");
/** Latin letters that are rare in our languages; seen when Turkish/Cyrillic is read as Latin-1. */
const RARE_LATIN = new Set("ðþÐÞýÝ×÷¤¦¨¯´¸");
/** Serbian/Macedonian letters: not used by the region's languages; seen when Mac Cyrillic is read as windows-1251. */
const RARE_CYRILLIC = new Set("ЂЃЉЊЌЋЏђѓљњќћџЅѕЈј");

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();

function scriptOf(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x250) return "Latin";
  if (c >= 0x400 && c < 0x530) return "Cyrillic";
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return "Arabic";
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0)) return "Han";
  if (c >= 0x1e00 && c < 0x1f00) return "Latin";
  return "Other";
}

/**
 * How much a decoding looks like real text, per non-ASCII character (higher is better).
 * Penalises replacement and control characters, odd symbols, words mixing scripts, words of
 * mostly accented Latin letters (Cyrillic/Arabic read as Latin-1) and lower-to-upper case
 * flips inside words (KOI8-R read as windows-1251 and vice versa); rewards frequent Cyrillic
 * letters and lower case.
 */
export function plausibility(text: string): number {
  const { score, nonAscii } = plausibilityTotal(text);
  return nonAscii ? score / nonAscii : 0;
}

function plausibilityTotal(text: string): { score: number; nonAscii: number } {
  const sample = text.length > 200000 ? text.slice(0, 200000) : text;
  let score = 0, nonAscii = 0;
  for (const word of sample.split(/[\s\d!-/:-@[-`{-~]+/)) {
    if (!word) continue;
    let prev = "", latinAccented = 0, latinAll = 0, hanLatinJoins = 0;
    const scripts = new Set<string>();
    for (const ch of word) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) {
        if (isLetter(ch)) {
          latinAll++;
          scripts.add("Latin");
          if (prev && scriptOf(prev) === "Han") hanLatinJoins++;
        }
        prev = ch;
        continue;
      }
      nonAscii++;
      if (c === 0xfffd || (c >= 0x80 && c < 0xa0) || c < 0x20) { score -= 10; prev = ""; continue; }
      if (!isLetter(ch)) {
        if (!COMMON_PUNCT.has(ch) && !/\p{M}/u.test(ch)) score -= RARE_LATIN.has(ch) ? 2 : 1;
        prev = ch;
        continue;
      }
      const script = scriptOf(ch);
      scripts.add(script);
      if (script === "Latin") {
        latinAll++;
        latinAccented++;
        score += RARE_LATIN.has(ch) ? -2 : 1;
      } else if (script === "Cyrillic") {
        score += RARE_CYRILLIC.has(ch) ? -3 : 1;
        if (CYR_FREQUENT.has(ch.toLowerCase())) score += 0.3;
        // Upper case after the first letter of a word is rare in real text (all-caps headlines
        // aside) and common in KOI8-R/windows-1251 mix-ups, which swap the cases.
        if (prev && isLetter(prev) && isUpper(ch)) score -= 0.7;
        else score += 0.3;
      } else if (script === "Arabic") {
        // On a par with Cyrillic: base plus a bonus for the most frequent letters; presentation
        // forms are rare in real text.
        if (c >= 0xfb50) score += 0.3;
        else score += ARABIC_FREQUENT.has(ch) ? 1.6 : 1.3;
      } else if (script === "Han") {
        score += 2; // a Han character stands for two bytes in GB/Big5
        if (prev && /[A-Za-z]/.test(prev)) hanLatinJoins++;
      } else {
        score -= 0.5;
      }
      // Case flip inside a word: lower followed by upper.
      if (prev && isLower(prev) && isUpper(ch)) score -= 2;
      prev = ch;
    }
    const letterScripts = [...scripts].filter((s) => s !== "Other");
    // Han runs have no spaces, so only Han glued to Latin letters counts as mixing there.
    if (letterScripts.length > 1 && !scripts.has("Han")) score -= 3 * [...word].length;
    score -= 4 * hanLatinJoins;
    // A Latin word made mostly of accented letters is what a non-Latin script read as Latin-1 looks like.
    if (latinAll >= 3 && latinAccented / latinAll > 0.5) score -= 1.5 * latinAccented;
  }
  return { score, nonAscii };
}

function clean(text: string): boolean {
  return !/[\ufffd\u0080-\u009f]/.test(text);
}

function decodeWith(b: Uint8Array, enc: string): string {
  return iconv.decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), enc, { stripBOM: false });
}

function result(input: RawInput, text: string, enc: string): DecodedText {
  return { name: input.name, origin: input.origin, text, encoding: CANONICAL[enc] ?? enc };
}

const RANK_BYTES = 65536;
const EAST_ASIAN_NON_CHINESE = new Set(["shift_jis", "euc-jp", "euc-kr"]);

function nonAsciiBytes(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) n++;
  return n;
}

/** Rank candidate legacy encodings; returns the best decoding. */
function detectLegacy(whole: Uint8Array, declared: string | null): { enc: string; text: string } {
  // Rank on the head only (speed on large files); the winner decodes the whole input.
  const b = whole.length > RANK_BYTES ? whole.subarray(0, RANK_BYTES) : whole;
  const matches = chardet.analyse(b);
  const candidates: string[] = [];
  const conf = new Map<string, number>();
  for (const [i, m] of matches.slice(0, 6).entries()) {
    const name = iconvName(m.name);
    if (!name || name === "utf-8" || name.startsWith("utf-")) continue;
    // Japanese and Korean are not languages of this domain; their multi-byte readings of
    // short Cyrillic text look like plausible CJK, so they only count when chardet is sure.
    if (EAST_ASIAN_NON_CHINESE.has(name) && !(i === 0 && m.confidence >= 50)) continue;
    if (!candidates.includes(name)) candidates.push(name);
    if (!conf.has(name)) conf.set(name, m.confidence);
  }
  if (declared && !candidates.includes(declared)) candidates.unshift(declared);
  for (const fam of FAMILIES) if (fam.some((e) => candidates.includes(e))) for (const e of fam) if (!candidates.includes(e)) candidates.push(e);
  // The region's common legacy encodings are always in the running: chardet often misses
  // them on short text.
  for (const e of ["windows-1251", "koi8-r", "windows-1256", "windows-1252"]) if (!candidates.includes(e)) candidates.push(e);
  const byteCount = Math.max(1, nonAsciiBytes(b));
  let best: { enc: string; text: string; score: number } | null = null;
  for (const enc of candidates) {
    let text: string;
    try {
      text = decodeWith(b, enc);
    } catch {
      continue;
    }
    // chardet's confidence only breaks near-ties; the decoded text decides.
    // Scored per non-ASCII input byte, so multi-byte readings (fewer, wider characters) compare fairly.
    const score = plausibilityTotal(text).score / byteCount + (conf.get(enc) ?? 0) / 1000 + (enc === declared ? 0.05 : 0);
    if (!best || score > best.score) best = { enc, text, score };
  }
  const enc = best?.enc ?? "windows-1252";
  return { enc, text: b === whole && best ? best.text : decodeWith(whole, enc) };
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf], BOM_UTF16LE = [0xff, 0xfe], BOM_UTF16BE = [0xfe, 0xff];
const BOM_UTF32LE = [0xff, 0xfe, 0x00, 0x00], BOM_UTF32BE = [0x00, 0x00, 0xfe, 0xff];
const hasBom = (b: Uint8Array) =>
  startsWith(b, BOM_UTF8) || startsWith(b, BOM_UTF16LE) || startsWith(b, BOM_UTF16BE) || startsWith(b, BOM_UTF32BE);

/**
 * The checks that come before any decoding: throws InputError naming `origin` for empty,
 * oversized and binary input (a known file format, NUL bytes, control bytes). Text with a
 * byte-order mark or in BOM-less UTF-16/32 passes. Shared by decode() and readers with a
 * decoder of their own (HTML pages for `parley article`).
 */
export function refuseNonText(b: Uint8Array, origin: string, maxBytes = DEFAULT_MAX_BYTES): void {
  refuseNonTextSniffed(b, origin, maxBytes);
}

/**
 * refuseNonText, returning what it found on the way: the BOM-less UTF-16/32 encoding the bytes
 * look like (sniffWideUnicode's answer where it was asked: not for input with a BOM), so that
 * decode() does not sniff twice.
 */
function refuseNonTextSniffed(b: Uint8Array, origin: string, maxBytes = DEFAULT_MAX_BYTES): string | null {
  if (b.length === 0) throw new InputError(origin, "empty input (0 bytes)");
  if (b.length > maxBytes) throw new InputError(origin, `input too large (${b.length} bytes; limit ${maxBytes})`);
  if (hasBom(b)) return null;
  const binary = knownBinary(b);
  if (binary) throw new InputError(origin, `binary input (${binary}), not text`);
  const wide = sniffWideUnicode(b);
  if (wide) return wide;
  const { share, nul } = controlShare(b);
  if (nul) throw new InputError(origin, "binary input (contains NUL bytes), not text");
  if (share > 0.05) throw new InputError(origin, `binary input (${Math.round(share * 100)}% control bytes), not text`);
  return null;
}

/**
 * Decode raw bytes to text. Throws InputError for empty, binary or oversized input.
 * The BOM is stripped; nothing else is changed (line endings are kept), so offsets into
 * DecodedText.text are offsets into the document.
 */
export function decode(input: RawInput, opts: { maxBytes?: number } = {}): DecodedText {
  const sniffed = refuseNonTextSniffed(input.bytes, input.origin, opts.maxBytes);
  let b = input.bytes;

  // BOMs. UTF-32 LE is checked before UTF-16 LE since its BOM starts with the same two bytes.
  let bomEnc: string | null = null;
  if (startsWith(b, BOM_UTF8)) { bomEnc = "utf-8"; b = b.subarray(3); }
  else if (startsWith(b, BOM_UTF32LE)) { bomEnc = "utf-32le"; b = b.subarray(4); }
  else if (startsWith(b, BOM_UTF32BE)) { bomEnc = "utf-32be"; b = b.subarray(4); }
  else if (startsWith(b, BOM_UTF16LE)) { bomEnc = "utf-16le"; b = b.subarray(2); }
  else if (startsWith(b, BOM_UTF16BE)) { bomEnc = "utf-16be"; b = b.subarray(2); }
  if (bomEnc) {
    const text = bomEnc === "utf-8" ? (tryUtf8(b) ?? decodeWith(b, "utf-8")) : decodeWith(b, bomEnc);
    if (!text.trim()) throw new InputError(input.origin, "empty input (only a byte order mark and whitespace)");
    return result(input, text, bomEnc);
  }

  // (Without a BOM, b is the input refuseNonTextSniffed sniffed.)
  const wide = sniffed;
  if (wide) {
    const text = decodeWith(b, wide);
    if (!text.trim()) throw new InputError(input.origin, "empty input (whitespace only)");
    return result(input, text, wide);
  }

  const utf8 = tryUtf8(b);
  if (utf8 !== null) {
    if (!utf8.trim()) throw new InputError(input.origin, "empty input (whitespace only)");
    return result(input, utf8, "utf-8");
  }

  // Declared charset: honoured when known and it decodes cleanly, unless another member of its
  // confusable family reads far more plausibly (mislabelled pages are common).
  const declaredRaw = input.declaredCharset ?? metaCharset(b);
  const declared = declaredRaw ? normaliseCharsetName(declaredRaw) : null;
  if (declared && declared !== "utf-8" && !declared.startsWith("utf-")) {
    let text: string | null = null;
    try {
      text = decodeWith(b, declared);
    } catch {
      text = null;
    }
    if (text !== null && clean(text)) {
      const detected = detectLegacy(b, declared);
      const margin = plausibility(detected.text) - plausibility(text);
      const chosen = detected.enc !== declared && margin > 1 ? detected : { enc: declared, text };
      return result(input, chosen.text, chosen.enc);
    }
  }

  const best = detectLegacy(b, null);
  if (!best.text.trim()) throw new InputError(input.origin, "empty input (whitespace only)");
  return result(input, best.text, best.enc);
}
