// A SQLite store of >= `target` events grown from the dev corpus as bench/api.mjs grows its own
// (extract each document once, then ingest time-shifted copies; see build.mjs).
import path from "node:path";
import { corpusFiles } from "./corpus.mjs";
import { cachedSqliteAdapter, growEvents } from "./build.mjs";

export async function buildEventsDb(root, corpus, file, target, log = () => {}) {
  const { readDocument } = await import(`${root}/dist/input/index.js`);
  const { extractText } = await import(`${root}/dist/pipeline/index.js`);
  const { loadLexicon, lexiconVersion } = await import(`${root}/dist/lexicon/index.js`);
  loadLexicon();
  const results = [];
  for (const f of corpusFiles(corpus)) {
    try {
      results.push(extractText(readDocument(f)));
    } catch (e) {
      log(`  ${path.basename(f)}: ${e.message}`);
    }
  }
  const adapter = await cachedSqliteAdapter(root, file);
  try {
    return await growEvents(root, adapter, results, { target, lexiconVersion: lexiconVersion(), onProgress: (e, d) => log(`  ${d} documents, ${e} events`) });
  } finally {
    await adapter.close();
  }
}
