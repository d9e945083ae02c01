// One fetched (or archived) HTML page to a DocumentResult: decode the bytes, extract the
// article, write it as a text dump (title, blank line, paragraphs) and run the pipeline on it.
// Shared by live collection and WARC ingest so both store the same thing for the same page.

import { createHash } from "node:crypto";
import chardet from "chardet";
import { charsetFromContentType, charsetFromMeta, decodeHtml, extractArticle as extractHtmlArticle } from "../html/index.js";
import { extractText } from "../pipeline/index.js";
import type { DocumentResult } from "../types.js";
import { PageError } from "./page-error.js";

/** Below this many characters of body a page is not taken as an article (index pages, stubs, errors). */
export const MIN_ARTICLE_CHARS = 200;

export { PageError };

export interface PageDocument {
  result: DocumentResult;
  /** sha256 of the article text: what the store compares to skip unchanged documents. */
  hash: string;
  text: string;
}

/** A file-name-safe document name from a URL: host and path, shortened with a hash when long. */
export function slugOfUrl(url: string): string {
  let base: string;
  try {
    const u = new URL(url);
    base = `${u.host}${u.pathname}${u.search}`;
  } catch {
    base = url;
  }
  const slug = base
    .normalize("NFKC")
    .replace(/\.(s?html?|php|aspx?)$/i, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  if (slug.length <= 80 && slug) return slug;
  const h = createHash("sha1").update(url).digest("hex").slice(0, 10);
  return `${slug.slice(0, 69).replace(/-+$/, "")}-${h}`;
}

/** Whether a Content-Type (or, lacking one, the first bytes) says HTML. */
export function looksLikeHtml(contentType: string | null | undefined, bytes: Uint8Array): boolean {
  const ct = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (ct === "text/html" || ct === "application/xhtml+xml") return true;
  if (ct && ct !== "application/octet-stream" && ct !== "text/plain") return false;
  // No useful type: sniff. NUL bytes mean binary; otherwise look for markup near the top.
  const head = bytes.subarray(0, 1024);
  if (head.includes(0)) return false;
  return /<(!doctype html|html|head|body|p|div)\b/i.test(Buffer.from(head).toString("latin1"));
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The charset the page was decoded with, for DocumentResult.encoding; mirrors decodeHtml's order of trust. */
function encodingLabel(bytes: Uint8Array, contentType: string | null | undefined): string {
  const declared = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  let valid = true;
  try { strictUtf8.decode(bytes); } catch { valid = false; }
  const nonAscii = bytes.some((b) => b > 0x7f);
  if (declared && (declared === "utf-8" || !valid || !nonAscii)) return declared === "utf-8" ? "UTF-8" : declared;
  if (valid) return "UTF-8";
  return chardet.detect(bytes) ?? "windows-1252";
}

export interface PageOptions {
  /** Publication date from the feed item (ISO), used when the page states none. */
  published?: string | null;
}

/** Build the stored document for one HTML page. Throws PageError when it holds no article. */
export function documentFromHtml(bytes: Uint8Array, url: string, contentType: string | null | undefined, opts: PageOptions = {}): PageDocument {
  if (!looksLikeHtml(contentType, bytes)) {
    throw new PageError(url, `not an HTML page (${contentType || "binary content"})`);
  }
  let html: string;
  try {
    html = decodeHtml(bytes, contentType ?? undefined);
  } catch (e) {
    throw new PageError(url, `undecodable: ${(e as Error).message}`);
  }
  const page = extractHtmlArticle(html, url);
  const bodyChars = page.paragraphs.reduce((n, p) => n + p.length, 0);
  if (bodyChars < MIN_ARTICLE_CHARS) throw new PageError(url, `no article text found (${bodyChars} characters)`);
  const text = page.text;
  const published = page.published ?? opts.published?.slice(0, 10) ?? null;
  const result = extractText(
    { name: slugOfUrl(url), origin: url, text, encoding: encodingLabel(bytes, contentType) },
    { fallbackDate: published },
  );
  // The page's metadata fills what the text itself does not state (no text evidence for these).
  if (!result.published && published) result.published = published;
  if (!result.source) {
    try {
      result.source = new URL(url).hostname.replace(/^www\./, "");
    } catch { /* keep null */ }
  }
  const hash = createHash("sha256").update(text).digest("hex");
  return { result, hash, text };
}
