// Benchmark adapter: Parley's HTML extractor (build first: npx tsc -p tsconfig.json).
import { extractArticle } from "../../dist/html/index.js";

export const name = "parley";
export const version = "0.1.0";

/** The article paragraphs, one per line (the title is not part of the benchmarks' article body). */
export function extract(html, url) {
  return extractArticle(html, url).paragraphs.join("\n");
}
