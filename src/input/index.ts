// Input: files and folders on disk to RawInput / DecodedText records.
// Folders are walked recursively; the extension decides the reader. Errors name the path.

import fs from "node:fs";
import path from "node:path";
import { decode } from "../decode/index.js";
import { InputError, type DecodedText, type RawInput } from "../types.js";

export const TEXT_EXTENSIONS = [".txt", ".text", ".md"];
export const HTML_EXTENSIONS = [".html", ".htm"];
export const JSON_EXTENSIONS = [".json"];
const ALL = [...TEXT_EXTENSIONS, ...HTML_EXTENSIONS, ...JSON_EXTENSIONS];

/** Annotation files that sit beside corpus documents (NAME.gold.json) are not documents. */
const isAnnotation = (file: string) => file.endsWith(".gold.json");

/** Files to read under the given paths, in a stable order. Unreadable paths throw InputError. */
export function* listInputs(paths: string[]): Generator<string> {
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
        if (e.isDirectory()) yield* listInputs([full]);
        else if (ALL.includes(path.extname(e.name).toLowerCase()) && !isAnnotation(e.name)) yield full;
      }
    } else {
      yield p;
    }
  }
}

/** Document name: the file name without its extension (the scorer relies on NAME.json). */
export function documentName(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/** Read one file as a decoded document. */
export function readDocument(file: string, opts: { maxBytes?: number } = {}): DecodedText {
  const ext = path.extname(file).toLowerCase();
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new InputError(file, "no such file");
  }
  if (!st.isFile()) throw new InputError(file, "not a regular file");
  if (st.size > maxBytes) throw new InputError(file, `too large (${st.size} bytes; limit ${maxBytes})`);
  const raw: RawInput = { name: documentName(file), origin: file, bytes: fs.readFileSync(file) };
  const doc = decode(raw, { maxBytes });
  if (JSON_EXTENSIONS.includes(ext)) return fromJson(doc);
  if (HTML_EXTENSIONS.includes(ext)) return { ...doc, text: htmlToText(doc.text) };
  return doc;
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

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", laquo: "«", raquo: "»", mdash: "—", ndash: "–", hellip: "…", rsquo: "’", lsquo: "‘", ldquo: "“", rdquo: "”" };

/**
 * A simple HTML-to-text reader: drops scripts, styles and comments, turns block elements into
 * line breaks and decodes entities. The article stage then finds the body in the text.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(br|hr)\b[^>]*>/gi, "\n")
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|nav|aside|blockquote|title|time|figure|figcaption|main)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
