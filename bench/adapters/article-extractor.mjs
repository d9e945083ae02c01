// Benchmark adapter: @extractus/article-extractor extractFromHtml(html, url) (fetches nothing), block-aware text of .content.
import { extractFromHtml } from "@extractus/article-extractor";
import { parseHTML } from "linkedom";
import { blockText } from "./_text.mjs";

export const name = "article-extractor";
export const version = "9";

export async function extract(html, url) {
  const article = await extractFromHtml(html, url);
  if (!article?.content) return null;
  const { document: doc } = parseHTML(`<!DOCTYPE html><html><head></head><body>${article.content}</body></html>`);
  return blockText(doc.body);
}
