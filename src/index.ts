// Parley's library API: the CLI, the HTTP API and the dashboard are thin layers over these.
export * from "./types.js";
export { extractRaw, extractText, extractArticle, type ExtractOptions } from "./pipeline/index.js";
export { listInputs, readDocument, documentName, fromHtml, fromJson } from "./input/index.js";
export { extractArticle as extractHtmlArticle, decodeHtml, type HtmlArticle } from "./html/index.js";
export { loadLexicon, lexiconVersion, holderOf, termOn, type Lexicon, type Person } from "./lexicon/index.js";
export { openStore, DEFAULT_DB, type Store, type EventFilter, type EventRow } from "./store/index.js";
export { ingestPaths, type IngestSummary } from "./ingest/index.js";
export { eachEvent, type DocumentFilter, type DocumentDetail, type FigureFilter } from "./store/index.js";
export { ingestBytes, ingestUrl, bodyKind, type OneIngest } from "./ingest/one.js";
export { buildServer, checkServeOptions, type ServerOptions } from "./api/server.js";
export { checkParams, ParamError, EventFilterSchema } from "./api/schemas.js";
export { openExtractor, TimeBudgetError, DEFAULT_TIME_BUDGET_MS, type Extractor, type ExtractJob, type ExtractOutput, type ExtractorOptions } from "./pipeline/guard.js";
