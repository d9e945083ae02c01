// HTML article extractor: decoding, light parsing, boilerplate removal, main-content choice,
// metadata. See extract.ts for the chain of steps.
export { extractArticle, type HtmlArticle } from "./extract.js";
export { decodeHtml, charsetFromContentType, charsetFromMeta } from "./decode.js";
export { parseHtml, type HNode, type ParsedPage } from "./tree.js";
export { pruneBoilerplate, looksLikeBoilerplate } from "./boilerplate.js";
export { findMainContent, cleanContent, toParagraphs } from "./content.js";
export { normalizeDate, persianDateInText, dateFromUrl } from "./meta.js";
