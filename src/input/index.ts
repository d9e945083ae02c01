// Input: files and folders on disk to RawInput / DecodedText records.
// Folders are walked recursively; the extension decides the reader. Errors name the path.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { decode, DEFAULT_MAX_BYTES, refuseNonText } from "../decode/index.js";
import { decodeHtml, extractArticle as extractHtmlArticle } from "../html/index.js";
import { InputError, type DecodedText, type RawInput } from "../types.js";

export const TEXT_EXTENSIONS = [".txt", ".text", ".md"];
export const HTML_EXTENSIONS = [".html", ".htm"];
export const JSON_EXTENSIONS = [".json"];
export const GZIP_EXTENSIONS = [".html.gz", ".htm.gz"];
/** Web archives hold many documents each; they are read by src/warc. */
export const WARC_EXTENSIONS = [".warc", ".warc.gz"];
const ALL = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...JSON_EXTENSIONS];

/** The extension that decides the reader: ".html.gz" counts as one. */
export function inputExtension(file: string): string {
  const lower = file.toLowerCase();
  const gz = [...GZIP_EXTENSIONS, ...WARC_EXTENSIONS].find((e) => lower.endsWith(e));
  return gz ?? path.extname(lower);
}

/** A web archive (.warc, .warc.gz), read by src/warc. */
export const isWarcPath = (file: string) => WARC_EXTENSIONS.includes(inputExtension(file));

/** Annotation files that sit beside corpus documents (NAME.gold.json) are not documents. */
const isAnnotation = (file: string) => file.endsWith(".gold.json");

/** An HTML page by its name (plain or gzipped). */
export const isHtmlFile = (file: string) => [...HTML_EXTENSIONS, ...GZIP_EXTENSIONS].includes(inputExtension(file));

/**
 * Files to read under the given paths, in a stable order. Unreadable paths throw InputError.
 * In folders, only files `accept` takes (default: every input format); named files are always read.
 */
export function* listInputs(paths: string[], accept?: (file: string) => boolean): Generator<string> {
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new InputError(p, "no such file or folder");
    }
    if (st.isDirectory()) {
      const entries = fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const full = path.join(p, e.name);
        if (e.isDirectory()) yield* listInputs([full], accept);
        else if (accept) {
          if (accept(e.name) && !isAnnotation(e.name)) yield full;
        } else if ((ALL.includes(path.extname(e.name).toLowerCase()) || [...GZIP_EXTENSIONS, ...WARC_EXTENSIONS].includes(inputExtension(e.name))) && !isAnnotation(e.name)) yield full;
      }
    } else {
      yield p;
    }
  }
}

/** Document name: the file name without its extension (the scorer relies on NAME.json). */
export function documentName(file: string): string {
  const base = path.basename(file);
  const ext = inputExtension(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/** The bytes of a file, gunzipped when its name or its first bytes say gzip; errors name the file. */
function readBytes(file: string, maxBytes: number): Uint8Array {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new InputError(file, "no such file");
  }
  if (!st.isFile()) throw new InputError(file, "not a regular file");
  if (st.size > maxBytes) throw new InputError(file, `too large (${st.size} bytes; limit ${maxBytes})`);
  const bytes: Uint8Array = fs.readFileSync(file);
  return GZIP_EXTENSIONS.includes(inputExtension(file)) ? gunzip(file, bytes, maxBytes) : bytes;
}

function gunzip(file: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new InputError(file, `not a readable gzip file (${(e as Error).message})`);
  }
}

/** Read one file as a decoded document. */
export function readDocument(file: string, opts: { maxBytes?: number } = {}): DecodedText {
  const ext = inputExtension(file);
  const bytes = readBytes(file, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const raw: RawInput = { name: documentName(file), origin: file, bytes };
  const doc = decode(raw, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
  if (JSON_EXTENSIONS.includes(ext)) return fromJson(doc);
  if (HTML_EXTENSIONS.includes(ext) || GZIP_EXTENSIONS.includes(ext)) return fromHtml(doc);
  return doc;
}

/**
 * Read an HTML page (plain or gzipped) for `parley article`: the same refusals as readDocument
 * (missing, too large, empty, binary, whitespace only), then the HTML decoder (BOM, declared
 * charset, UTF-8, a guess). Errors are InputErrors naming the file.
 */
export function readHtmlPage(file: string, opts: { maxBytes?: number } = {}): { name: string; origin: string; html: string } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes = readBytes(file, maxBytes);
  // A gzipped page under a plain name (as `parley article` always accepted).
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(file, bytes, maxBytes);
  refuseNonText(bytes, file, maxBytes);
  let html: string;
  try {
    html = decodeHtml(bytes);
  } catch (e) {
    throw new InputError(file, `cannot decode the page (${(e as Error).message})`);
  }
  if (!html.trim()) throw new InputError(file, "empty input (whitespace only)");
  return { name: documentName(file), origin: file, html };
}

/**
 * An HTML page: the article extractor finds the body and the page's metadata; the text the
 * pipeline sees is the title, a blank line, then the paragraphs separated by blank lines, and
 * evidence offsets index that text.
 */
export function fromHtml(doc: DecodedText, url?: string): DecodedText {
  const a = extractHtmlArticle(doc.text, url);
  if (!a.text.trim()) throw new InputError(doc.origin, "no article text found in the HTML page");
  const text = [a.title ?? "", ...a.paragraphs].filter(Boolean).join("\n\n");
  return {
    ...doc,
    text,
    page: { title: a.title, published: a.published, author: a.author, siteName: a.siteName, url: a.url, lang: a.lang, image: a.image },
  };
}

/** A JSON document: an object with a text field (text, body, content or article). */
export function fromJson(doc: DecodedText): DecodedText {
  let data: unknown;
  try {
    data = JSON.parse(doc.text);
  } catch (e) {
    throw new InputError(doc.origin, `invalid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new InputError(doc.origin, "JSON input must be an object with a text field");
  const o = data as Record<string, unknown>;
  const field = ["text", "body", "content", "article"].find((k) => typeof o[k] === "string" && (o[k] as string).trim());
  if (!field) throw new InputError(doc.origin, "JSON input has no non-empty text field (text, body, content or article)");
  // A title given beside the text is put in front of it, as a page would show it.
  const title = typeof o.title === "string" && o.title.trim() ? o.title.trim() + "\n\n" : "";
  return { ...doc, text: title + (o[field] as string) };
}
