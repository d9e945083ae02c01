// Page metadata: title, publication date, author, site name, canonical URL, language, image.
// Sources in order of trust: JSON-LD, OpenGraph/article meta, other meta tags, the body
// (<h1>, <time datetime>), the URL, and last Persian (Solar Hijri) dates written in the text.

import * as jalaali from "jalaali-js";
import type { PageInfo } from "../types.js";
import type { HeadData, HNode } from "./tree.js";
import { allElements, innerText, innerTextStart } from "./tree.js";

/** What the page says about itself, plus the JSON-LD articleBody when it publishes one. */
export interface PageMeta extends PageInfo {
  articleBody: string | null;
}

interface LdArticle { headline?: string; datePublished?: string; author?: string; publisher?: string; image?: string; articleBody?: string; url?: string }

/** Flatten JSON-LD blocks (arrays, @graph) into objects and pick the article-like one. */
export function readJsonLd(blocks: string[]): LdArticle {
  const found: LdArticle = {};
  const objs: Record<string, unknown>[] = [];
  for (const raw of blocks) {
    let data: unknown;
    try { data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, "")); } catch { continue; }
    const queue: unknown[] = [data];
    while (queue.length) {
      const x = queue.shift();
      if (Array.isArray(x)) { queue.push(...x); continue; }
      if (x && typeof x === "object") {
        objs.push(x as Record<string, unknown>);
        const g = (x as Record<string, unknown>)["@graph"];
        if (g) queue.push(g);
      }
    }
  }
  // Article types first, then anything with a headline.
  const isArticle = (o: Record<string, unknown>) => /Article|Posting|Report|Blog/i.test(String(o["@type"] ?? ""));
  objs.sort((a, b) => Number(isArticle(b)) - Number(isArticle(a)));
  for (const o of objs) {
    if (!found.headline && typeof o.headline === "string") found.headline = o.headline;
    if (!found.datePublished && typeof o.datePublished === "string") found.datePublished = o.datePublished;
    if (!found.articleBody && typeof o.articleBody === "string") found.articleBody = o.articleBody;
    if (!found.author && o.author) found.author = nameOf(o.author) ?? undefined;
    if (!found.publisher && o.publisher) found.publisher = nameOf(o.publisher) ?? undefined;
    if (!found.image && o.image) found.image = urlOf(o.image) ?? undefined;
    if (!found.url && isArticle(o) && typeof o.url === "string") found.url = o.url;
  }
  return found;
}

function nameOf(x: unknown): string | null {
  if (typeof x === "string") return x.trim() || null;
  if (Array.isArray(x)) {
    const names = x.map(nameOf).filter((s): s is string => !!s);
    return names.length ? names.join(", ") : null;
  }
  if (x && typeof x === "object" && typeof (x as { name?: unknown }).name === "string") return ((x as { name: string }).name).trim() || null;
  return null;
}

function urlOf(x: unknown): string | null {
  if (typeof x === "string") return x;
  if (Array.isArray(x)) return x.length ? urlOf(x[0]) : null;
  if (x && typeof x === "object" && typeof (x as { url?: unknown }).url === "string") return (x as { url: string }).url;
  return null;
}

/** Normalise a date string (ISO, RFC, "2023/03/10", "10.03.2023") to YYYY-MM-DD, or null. */
export function normalizeDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = toAsciiDigits(s.trim());
  let m = t.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = t.match(/^(\d{4})(\d{2})(\d{2})(?:T|$)/);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = t.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})\b/);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  const d = Date.parse(t);
  if (!Number.isNaN(d)) {
    const x = new Date(d);
    return ymd(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
  }
  return null;
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits to ASCII. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) & 0xf));
}

const PERSIAN_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

/**
 * A Solar Hijri date written in text ("۲۰ اسفند ۱۴۰۲", "1402/12/20") converted to Gregorian
 * YYYY-MM-DD; null when there is none. Years 1300-1499 only, so Gregorian dates never match.
 */
export function persianDateInText(text: string): string | null {
  const t = toAsciiDigits(text).replace(/[يى]/g, "ی");
  let m = t.match(/(?<!\d)(1[34]\d\d)\/(\d{1,2})\/(\d{1,2})(?!\d)/);
  let jy = 0, jm = 0, jd = 0;
  if (m) { jy = +m[1]; jm = +m[2]; jd = +m[3]; }
  else {
    m = t.match(new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${PERSIAN_MONTHS.join("|")})\\s+(1[34]\\d\\d)(?!\\d)`));
    if (!m) return null;
    jd = +m[1]; jm = PERSIAN_MONTHS.indexOf(m[2]) + 1; jy = +m[3];
  }
  if (jm < 1 || jm > 12 || jd < 1 || jd > 31 || !jalaali.isValidJalaaliDate(jy, jm, jd)) return null;
  const g = jalaali.toGregorian(jy, jm, jd);
  return ymd(g.gy, g.gm, g.gd);
}

/** Date in a URL path: /2023/03/10/, /2023-03-10/, /20230310/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = url.match(/\/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/) ?? url.match(/[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)/);
  return m ? ymd(+m[1], +m[2], +m[3]) : null;
}

const DATE_META_KEYS = [
  "article:published_time", "og:article:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
  "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
  "article.published", "published_time", "og:published_time", "created", "release_date",
];

function cleanTitle(title: string, siteName: string | null): string {
  let t = title.replace(/\s+/g, " ").trim();
  if (siteName && t.length > siteName.length + 3) {
    const idx = t.lastIndexOf(siteName);
    if (idx > 0) t = t.slice(0, idx).replace(/[\s|\-–—:»·•/]+$/, "").trim() || t;
    else if (idx === 0) t = t.slice(siteName.length).replace(/^[\s|\-–—:»·•/]+/, "").trim() || t;
  }
  // "Headline | Site" / "Headline - Site" when the site name is unknown: keep the longest part.
  const parts = t.split(/\s+[|–—»]\s+|\s+-\s+/);
  if (parts.length > 1) {
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length >= 15) t = longest;
  }
  return t;
}

export function readMeta(head: HeadData, body: HNode, url: string | undefined): PageMeta {
  const meta = head.meta;
  const ld = readJsonLd(head.jsonLd);
  const get = (...keys: string[]) => {
    for (const k of keys) { const v = meta.get(k); if (v && v.trim()) return v.trim(); }
    return null;
  };
  const siteName = get("og:site_name", "application-name", "twitter:site") ?? ld.publisher ?? null;
  let h1: string | null = null;
  let timeAttr: string | null = null;
  for (const n of allElements(body)) {
    if (!h1 && n.tag === "h1") h1 = innerText(n) || null;
    if (!timeAttr && n.tag === "time" && n.datetime) timeAttr = n.datetime;
    if (h1 && timeAttr) break;
  }
  const rawTitle = get("og:title", "twitter:title") ?? ld.headline ?? h1 ?? head.title;
  const title = rawTitle ? cleanTitle(rawTitle, siteName) || null : null;
  const canonical = get("og:url") ?? head.canonical ?? ld.url ?? url ?? null;
  let published = normalizeDate(ld.datePublished);
  for (const k of DATE_META_KEYS) { if (published) break; published = normalizeDate(meta.get(k)); }
  published ??= normalizeDate(timeAttr) ?? dateFromUrl(canonical) ?? dateFromUrl(url);
  published ??= persianDateInText(innerTextStart(body, 5000));
  const author = ld.author ?? get("author", "article:author", "dc.creator", "parsely-author", "sailthru.author") ?? null;
  const lang = head.lang ?? get("content-language", "og:locale", "dc.language") ?? null;
  const image = get("og:image", "twitter:image", "og:image:url") ?? ld.image ?? null;
  return {
    title, published, author: author && !/^https?:/.test(author) ? author : null, siteName, url: canonical, lang, image,
    articleBody: ld.articleBody ? decodeLdText(ld.articleBody) : null,
  };
}

/** JSON-LD articleBody sometimes carries HTML tags or entities: reduce it to text. */
function decodeLdText(s: string): string {
  return s.replace(/<\/(?:p|div|h\d|li)>|<br\s*\/?>/gi, "\n").replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
