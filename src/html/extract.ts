// Article extraction: a chain of small steps with fallbacks.
//   parse -> metadata -> (1) prune boilerplate -> (2) find main content -> (3) clean it
//   -> (5) paragraphs; (4) when that is too short: retry without class-based pruning, then the
//   page's JSON-LD articleBody, then all remaining body text.

import { pruneBoilerplate } from "./boilerplate.js";
import { cleanContent, findMainContent, toParagraphs } from "./content.js";
import type { PageInfo } from "../types.js";
import { readMeta } from "./meta.js";
import { type ParsedPage, parseHtml } from "./tree.js";

/** A page's article: what the page says about itself (PageInfo) and the article text. */
export interface HtmlArticle extends PageInfo {
  /** title line, blank line, paragraphs separated by blank lines */
  text: string;
  paragraphs: string[];
}

/** Below this many characters an extraction is considered failed (heuristic, Readability's 500 is too strict for short news). */
const MIN_TEXT_CHARS = 250;

function totalLength(ps: string[]): number {
  let n = 0;
  for (const p of ps) n += p.length;
  return n;
}

/** One extraction attempt; it prunes `page` in place, so every attempt needs its own tree. */
function attempt(page: ParsedPage, byClass: boolean, title: string | null): string[] {
  pruneBoilerplate(page.body, { byClass });
  const main = findMainContent(page.body);
  if (!main) return [];
  cleanContent(main, title);
  return toParagraphs(main);
}

/** Extract the article (text and metadata) from an HTML page. Never throws on bad markup. */
export function extractArticle(html: string, url?: string): HtmlArticle {
  const page = parseHtml(html ?? "");
  const meta = readMeta(page.head, page.body, url);
  let paragraphs: string[] = [];
  if (html && html.trim()) {
    // Metadata is read before the first attempt mutates the tree.
    paragraphs = attempt(page, true, meta.title);
    if (totalLength(paragraphs) < MIN_TEXT_CHARS) {
      const lenient = attempt(parseHtml(html), false, meta.title);
      if (totalLength(lenient) > totalLength(paragraphs)) paragraphs = lenient;
    }
    const ld = meta.articleBody?.trim();
    if (ld && ld.length >= MIN_TEXT_CHARS && ld.length > 1.5 * totalLength(paragraphs)) {
      paragraphs = ld.split(/\n+/).map((p) => p.replace(/\s+/g, " ").trim().normalize("NFC")).filter(Boolean);
    }
    if (totalLength(paragraphs) < MIN_TEXT_CHARS / 2) {
      // Last resort: everything left in the body once boilerplate is gone.
      const rest = parseHtml(html);
      pruneBoilerplate(rest.body, { byClass: true });
      const all = toParagraphs([rest.body]);
      if (totalLength(all) > totalLength(paragraphs)) paragraphs = all;
    }
  }
  const text = (meta.title ? meta.title + "\n\n" : "") + paragraphs.join("\n\n");
  return {
    title: meta.title, published: meta.published, author: meta.author, siteName: meta.siteName, url: meta.url,
    lang: meta.lang, image: meta.image, text, paragraphs,
  };
}
