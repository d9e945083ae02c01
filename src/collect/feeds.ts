// Sources of article URLs: the feeds file (one source a line, with per-source settings) and the
// feed formats agencies publish: RSS 1.0 (RDF) and 2.0, Atom, JSON Feed, sitemaps and news
// sitemaps (and sitemap indexes, which point at more sitemaps). XML is read with fast-xml-parser.

import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One line of the feeds file. */
export interface FeedSource {
  url: string;
  /** Seconds between two requests to this source's host. */
  delay?: number;
  /** Requests at once to this source's host. */
  concurrency?: number;
  /** Minutes between two readings of this feed (watch mode). */
  every?: number;
  /** Any other key=value settings, kept for callers. */
  settings: Record<string, string>;
}

export interface FeedItem {
  url: string;
  title: string | null;
  /** ISO 8601 timestamp, or null when the feed gives no (readable) date. */
  published: string | null;
}

export type FeedKind = "rss" | "rdf" | "atom" | "json" | "sitemap" | "sitemapindex";

export interface ParsedFeed {
  kind: FeedKind;
  items: FeedItem[];
  /** Child sitemaps named by a sitemap index. */
  feeds: string[];
  /** Problems that did not stop the reading (e.g. XML errors in a feed that still gave items). */
  warnings: string[];
}

export class FeedError extends Error {
  constructor(public readonly url: string, public readonly reason: string) {
    super(`${url}: ${reason}`);
    this.name = "FeedError";
  }
}

/** Parse the feeds file: `URL key=value ...` per line, `#` starts a comment. Throws on a bad line. */
export function parseFeedsFile(text: string, origin = "feeds file"): FeedSource[] {
  const out: FeedSource[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) return;
    const [first, ...rest] = line.split(/\s+/);
    let url: URL;
    try {
      url = new URL(first);
    } catch {
      throw new Error(`${origin}:${i + 1}: not a URL: ${first}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${origin}:${i + 1}: not an http(s) URL: ${first}`);
    const src: FeedSource = { url: url.href, settings: {} };
    for (const kv of rest) {
      const m = kv.match(/^([\w-]+)=(.*)$/);
      if (!m) throw new Error(`${origin}:${i + 1}: expected key=value, got ${kv}`);
      const [, key, value] = m;
      src.settings[key] = value;
      const n = Number(value);
      if (key === "delay" || key === "concurrency" || key === "every") {
        if (!Number.isFinite(n) || n < 0 || (key === "concurrency" && (n < 1 || !Number.isInteger(n)))) {
          throw new Error(`${origin}:${i + 1}: bad ${key}: ${value}`);
        }
        src[key] = n;
      }
    }
    if (!seen.has(src.url)) out.push(src);
    seen.add(src.url);
  });
  return out;
}

/** Elements that may repeat; forced to arrays so one item and many read alike. */
const REPEATED = new Set(["item", "entry", "url", "sitemap", "link", "category"]);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // news:publication_date -> publication_date, dc:date -> date, rdf:RDF -> RDF
  removeNSPrefix: true,
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

function textOf(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "object") return textOf((v as Node)["#text"]);
  return null;
}

function asArray(v: unknown): Node[] {
  if (v == null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === "object" && x !== null);
}

/**
 * A feed date (RFC 822 in RSS, ISO 8601 elsewhere) as ISO 8601 in the feed's own UTC offset, so
 * the calendar day stays the one the agency meant (00:30 in Tashkent is still that day). Null
 * when unreadable. A bare date stays a bare date.
 */
export function feedDate(v: string | null): string | null {
  if (!v) return null;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Number.isNaN(Date.parse(s)) ? null : s;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const m = s.match(/([+-])(\d{2}):?(\d{2})$/);
  const offsetMin = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(t + offsetMin * 60_000).toISOString().slice(0, 19);
  if (!offsetMin) return `${local}Z`;
  const abs = Math.abs(offsetMin);
  return `${local}${offsetMin < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** An absolute http(s) URL from a feed link, or null (mailto:, javascript:, garbage). */
function absoluteUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    u.hash = "";
    return u.href;
  } catch {
    return null;
  }
}

function pushItem(items: FeedItem[], seen: Set<string>, url: string | null, title: string | null, published: string | null): void {
  if (!url || seen.has(url)) return;
  seen.add(url);
  items.push({ url, title: title ? title.replace(/\s+/g, " ").trim() : null, published: feedDate(published) });
}

function parseJsonFeed(body: string, baseUrl: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new FeedError(baseUrl, `malformed JSON Feed: ${(e as Error).message}`);
  }
  const doc = data as Node;
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.items)) throw new FeedError(baseUrl, "JSON without a JSON Feed items list");
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const it of asArray(doc.items)) {
    const url = absoluteUrl(textOf(it.url) ?? textOf(it.external_url) ?? textOf(it.id), baseUrl);
    pushItem(items, seen, url, textOf(it.title), textOf(it.date_published) ?? textOf(it.date_modified));
  }
  return { kind: "json", items, feeds: [], warnings: [] };
}

/** The Atom link to the article: rel="alternate" (or no rel) of an HTML type first. */
function atomLink(entry: Node, base: string): string | null {
  const links = asArray(entry.link);
  const alt = links.filter((l) => !l["@rel"] || l["@rel"] === "alternate");
  const best = alt.find((l) => !l["@type"] || /html/i.test(String(l["@type"]))) ?? alt[0] ?? null;
  const href = best ? textOf(best["@href"]) : textOf(entry.link);
  return absoluteUrl(href, base);
}

/** Read a feed or sitemap of any supported kind. Throws FeedError when nothing usable is there. */
export function parseFeed(body: string, baseUrl: string): ParsedFeed {
  const trimmed = body.replace(/^\uFEFF/, "").trim();
  if (!trimmed) throw new FeedError(baseUrl, "empty feed");
  if (trimmed.startsWith("{")) return parseJsonFeed(trimmed, baseUrl);
  if (!trimmed.startsWith("<")) throw new FeedError(baseUrl, "neither XML nor JSON");

  const warnings: string[] = [];
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) warnings.push(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let doc: Node;
  try {
    doc = xml.parse(trimmed) as Node;
  } catch (e) {
    throw new FeedError(baseUrl, `malformed XML: ${(e as Error).message}`);
  }

  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const feeds: string[] = [];
  let kind: FeedKind | null = null;

  const rss = doc.rss as Node | undefined;
  const rdf = doc.RDF as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const urlset = doc.urlset as Node | undefined;
  const index = doc.sitemapindex as Node | undefined;

  if (rss && typeof rss === "object") {
    kind = "rss";
    for (const ch of asArray(rss.channel)) {
      for (const it of asArray(ch.item)) {
        // <link> first; a permalink <guid> when the link is missing.
        const guid = it.guid as Node | string | undefined;
        const guidIsLink = typeof guid === "string" || (guid && (guid as Node)["@isPermaLink"] !== "false");
        const link = textOf(it.link) ?? (guidIsLink ? textOf(guid) : null);
        pushItem(items, seen, absoluteUrl(link, baseUrl), textOf(it.title), textOf(it.pubDate) ?? textOf(it.date));
      }
    }
  } else if (rdf && typeof rdf === "object") {
    kind = "rdf";
    for (const it of asArray(rdf.item)) {
      pushItem(items, seen, absoluteUrl(textOf(it.link) ?? textOf(it["@about"]), baseUrl), textOf(it.title), textOf(it.date));
    }
  } else if (atom && typeof atom === "object") {
    kind = "atom";
    const base = absoluteUrl(textOf(atom["@base"]), baseUrl) ?? baseUrl;
    for (const e of asArray(atom.entry)) {
      const entryBase = absoluteUrl(textOf(e["@base"]), base) ?? base;
      pushItem(items, seen, atomLink(e, entryBase), textOf(e.title), textOf(e.published) ?? textOf(e.updated));
    }
  } else if (urlset && typeof urlset === "object") {
    kind = "sitemap";
    for (const u of asArray(urlset.url)) {
      const news = asArray(u.news)[0];
      const title = news ? textOf(news.title) : null;
      const date = (news ? textOf(news.publication_date) : null) ?? textOf(u.lastmod);
      pushItem(items, seen, absoluteUrl(textOf(u.loc), baseUrl), title, date);
    }
  } else if (index && typeof index === "object") {
    kind = "sitemapindex";
    for (const s of asArray(index.sitemap)) {
      const u = absoluteUrl(textOf(s.loc), baseUrl);
      if (u && !feeds.includes(u)) feeds.push(u);
    }
  }

  if (!kind) {
    const root = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "nothing";
    throw new FeedError(baseUrl, warnings[0] ?? `not a feed or sitemap (root element <${root}>)`);
  }
  // An XML error that cost every item is a failure; one the parser got past is a warning.
  if (warnings.length && !items.length && !feeds.length) throw new FeedError(baseUrl, warnings[0]);
  return { kind, items, feeds, warnings };
}
