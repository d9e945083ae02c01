// Benchmark adapter: @mozilla/readability 0.6 on linkedom, default options, block-aware text of article.content.
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { blockText } from "./_text.mjs";

export const name = "readability";
export const version = "0.6.0+linkedom";

export function extract(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  if (!article?.content) return null;
  const { document: doc } = parseHTML(`<!DOCTYPE html><html><head></head><body>${article.content}</body></html>`);
  return blockText(doc.body);
}
