// Bytes of an HTML page to a string. Charset sources in order of trust: a byte-order mark, the
// Content-Type header, <meta charset>/http-equiv near the top, strict UTF-8 validity, then
// chardet's guess. gzip input (.html.gz) is gunzipped first.

import { isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import chardet from "chardet";
import iconv from "iconv-lite";

/** Labels that WHATWG maps to another decoder (iso-8859-1 pages are really windows-1252). */
const WHATWG_ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252", "latin1": "windows-1252", "us-ascii": "windows-1252", "ascii": "utf-8",
  "iso-8859-9": "windows-1254", "x-cp1251": "windows-1251", "cp1251": "windows-1251", "win-1251": "windows-1251",
  "gb2312": "gbk", "x-sjis": "shift_jis", "tis-620": "windows-874", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
};

function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, "");
  const name = WHATWG_ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** charset= parameter of a Content-Type value. */
export function charsetFromContentType(header: string | null | undefined): string | null {
  const m = header?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? normalizeCharset(m[1]) : null;
}

/** <meta charset> or http-equiv Content-Type in the first bytes (read as Latin-1, so any ASCII-compatible page works). */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString("latin1");
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return m ? normalizeCharset(m[1]) : null;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: "utf-8", skip: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { charset: "utf-16le", skip: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { charset: "utf-16be", skip: 2 };
  return null;
}

/**
 * Decode an HTML page. `contentTypeHeader` is the HTTP Content-Type when known. A declared
 * charset that the bytes contradict (declared legacy but valid multi-byte UTF-8) is overridden,
 * because mislabelled UTF-8 pages are common and the reverse almost never happens.
 */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader?: string): string {
  let b = bytes;
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) b = gunzipSync(b);
  if (b.length === 0) return "";
  const bom = bomCharset(b);
  if (bom) return iconv.decode(Buffer.from(b.buffer, b.byteOffset + bom.skip, b.length - bom.skip), bom.charset);
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length);
  const declared = charsetFromContentType(contentTypeHeader) ?? charsetFromMeta(b);
  // Validity is checked without building a string, and valid UTF-8 is decoded once, natively
  // (iconv-lite's UTF-8 decoder gives the same string, several times slower).
  const validUtf8 = isUtf8(b);
  if (declared === "utf-8" && validUtf8) return buf.toString("utf8");
  if (declared && (declared === "utf-8" || !validUtf8 || !hasNonAscii(b))) return iconv.decode(buf, declared);
  if (validUtf8) return buf.toString("utf8");
  const guess = chardet.detect(b);
  const enc = normalizeCharset(guess) ?? "windows-1252";
  return iconv.decode(buf, enc);
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return true;
  return false;
}
