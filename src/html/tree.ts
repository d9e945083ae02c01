// Light HTML tree: htmlparser2 events folded into plain objects that keep only what content
// scoring needs (tag, id/class/role/itemprop, hidden flags, link presence, text). Contents of
// script/style/svg/iframe/... are never stored, which is most of what makes this fast.
// Head data (meta tags, <title>, canonical link, JSON-LD, <html lang>) is collected on the way.

import { Parser } from "htmlparser2";

export interface HNode {
  tag: string;
  /** id and class joined by a space, lower-cased: the "match string" of boilerplate rules. */
  idClass: string;
  role: string;
  itemprop: string;
  /** hidden attribute, aria-hidden=true or an inline display:none/visibility:hidden. */
  hidden: boolean;
  /** <a> with an href. */
  isLink: boolean;
  children: (HNode | string)[];
  parent: HNode | null;
  /** datetime attribute of <time> (dates when the page has no metadata). */
  datetime?: string;
  // Statistics filled by computeStats(); recomputed after pruning.
  textLen: number;
  linkLen: number;
  commas: number;
  /** Readability-style content score while choosing the main container. */
  score: number;
  scored: boolean;
}

export interface HeadData {
  title: string | null;
  /** meta name/property/itemprop (lower-cased) -> content, first occurrence wins. */
  meta: Map<string, string>;
  canonical: string | null;
  lang: string | null;
  jsonLd: string[];
}

export interface ParsedPage {
  root: HNode;
  body: HNode;
  head: HeadData;
}

/** Elements whose contents are never article text: not stored at all. */
const SKIP_CONTENT = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
  "select", "option", "button", "textarea", "video", "audio", "map",
]);

/** Elements that start a new line/paragraph when serialising. */
export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

const VOID_TAGS = new Set(["img", "br", "hr", "input", "wbr", "meta", "link", "area", "base", "col", "source", "track", "param"]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function newNode(tag: string, parent: HNode | null): HNode {
  return {
    tag, idClass: "", role: "", itemprop: "", hidden: false, isLink: false, children: [], parent,
    textLen: 0, linkLen: 0, commas: 0, score: 0, scored: false,
  };
}

/** Parse HTML into the light tree. Never throws on malformed markup (htmlparser2 is forgiving). */
export function parseHtml(html: string): ParsedPage {
  const root = newNode("#root", null);
  const head: HeadData = { title: null, meta: new Map(), canonical: null, lang: null, jsonLd: [] };
  let cur = root;
  let body: HNode | null = null;
  // Depth inside a skipped element; >0 means "drop everything".
  let skipDepth = 0;
  let skipTag = "";
  // Raw text capture for <title> and JSON-LD scripts.
  let capture: "title" | "jsonld" | null = null;
  let captured = "";
  let sawTitle = false;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0) {
          if (name === skipTag) skipDepth++;
          return;
        }
        if (name === "meta") {
          const key = (attrs.property || attrs.name || attrs.itemprop || attrs["http-equiv"] || "").toLowerCase();
          const content = attrs.content;
          if (key && content != null && !head.meta.has(key)) head.meta.set(key, content);
          if (attrs.charset && !head.meta.has("charset")) head.meta.set("charset", attrs.charset);
          return;
        }
        if (name === "link") {
          if (!head.canonical && attrs.href && /\bcanonical\b/i.test(attrs.rel || "")) head.canonical = attrs.href;
          return;
        }
        if (name === "html") {
          if (attrs.lang || attrs["xml:lang"]) head.lang = attrs.lang || attrs["xml:lang"];
          return;
        }
        if (name === "title" && !sawTitle && cur.tag !== "svg") {
          capture = "title"; captured = "";
          return;
        }
        if (name === "script") {
          if (/ld\+json/i.test(attrs.type || "")) { capture = "jsonld"; captured = ""; return; }
        }
        if (SKIP_CONTENT.has(name)) {
          skipDepth = 1; skipTag = name;
          return;
        }
        if (name === "head") return;
        if (name === "body") {
          if (!body) { body = newNode("body", cur); cur.children.push(body); cur = body; }
          return;
        }
        const node = newNode(name, cur);
        const id = attrs.id, cls = attrs.class;
        if (id || cls) node.idClass = ((id || "") + " " + (cls || "")).toLowerCase();
        if (attrs.role) node.role = attrs.role.toLowerCase();
        if (attrs.itemprop) node.itemprop = attrs.itemprop.toLowerCase();
        if ("hidden" in attrs || attrs["aria-hidden"] === "true" || (attrs.style && HIDDEN_STYLE.test(attrs.style))) node.hidden = true;
        if (name === "a" && attrs.href != null) node.isLink = true;
        if (name === "time" && attrs.datetime) node.datetime = attrs.datetime;
        if (VOID_TAGS.has(name)) {
          // Void: keep as a leaf marker (br/hr become line breaks when serialising).
          cur.children.push(node);
          return;
        }
        cur.children.push(node);
        cur = node;
      },
      ontext(text) {
        if (capture) { captured += text; return; }
        if (skipDepth > 0) return;
        const kids = cur.children;
        const last = kids.length - 1;
        // htmlparser2 may split text at entities: merge adjacent runs.
        if (last >= 0 && typeof kids[last] === "string") kids[last] = (kids[last] as string) + text;
        else kids.push(text);
      },
      onclosetag(name) {
        if (capture) {
          if (capture === "title" && name === "title") {
            head.title = captured.replace(/\s+/g, " ").trim() || null; sawTitle = true; capture = null;
          } else if (capture === "jsonld" && name === "script") {
            head.jsonLd.push(captured); capture = null;
          }
          return;
        }
        if (skipDepth > 0) {
          if (name === skipTag) skipDepth--;
          return;
        }
        if (name === "body" || name === "html" || name === "head" || VOID_TAGS.has(name)) return;
        // Close the nearest open element of that name; ignore stray end tags.
        for (let n: HNode | null = cur; n && n !== root; n = n.parent) {
          if (n.tag === name) { cur = n.parent ?? root; return; }
          if (n === body) return;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (!body) {
    // No <body>: everything outside <head> is the body.
    body = newNode("body", root);
    body.children = root.children;
    for (const c of body.children) if (typeof c !== "string") c.parent = body;
    root.children = [body];
  }
  return { root, body, head };
}

/** Child elements of a node. */
export function elementChildren(n: HNode): HNode[] {
  const out: HNode[] = [];
  for (const c of n.children) if (typeof c !== "string") out.push(c);
  return out;
}

/** Comma-like punctuation in many scripts: Latin, Arabic/Persian, CJK. */
const COMMA_RE = /[,،、，]/g;

/**
 * Bottom-up text statistics of a subtree: visible text length (whitespace runs counted once),
 * text inside links, and comma count. Iterative, because some pages nest thousands deep.
 */
export function computeStats(top: HNode): void {
  const order: HNode[] = [];
  const stack: HNode[] = [top];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of n.children) if (typeof c !== "string") stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    let len = 0, link = 0, commas = 0;
    for (const c of n.children) {
      if (typeof c === "string") {
        const l = visibleLength(c);
        len += l;
        if (l) commas += countCommas(c);
      } else {
        len += c.textLen; link += c.linkLen; commas += c.commas;
      }
    }
    n.textLen = len;
    n.linkLen = n.isLink ? len : link;
    n.commas = commas;
  }
}

function countCommas(s: string): number {
  const m = s.match(COMMA_RE);
  return m ? m.length : 0;
}

/** Length of text with whitespace runs counted as one character and the ends trimmed. */
export function visibleLength(s: string): number {
  let n = 0, ws = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!ws) { n++; ws = true; }
    } else { n++; ws = false; }
  }
  return ws && n > 0 ? n - 1 : n;
}

/** Plain inline text of a subtree, whitespace collapsed. */
export function innerText(n: HNode): string {
  const parts: string[] = [];
  const stack: (HNode | string)[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === "string") { parts.push(x); continue; }
    if (x.tag === "br" || BLOCK_TAGS.has(x.tag)) parts.push(" ");
    for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** Remove a node from its parent. */
export function detach(n: HNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.children.indexOf(n);
  if (i >= 0) p.children.splice(i, 1);
  n.parent = null;
}

/** All elements of a subtree in document order (the top included). */
export function allElements(top: HNode): HNode[] {
  const out: HNode[] = [];
  const stack: HNode[] = [top];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (typeof c !== "string") stack.push(c);
    }
  }
  return out;
}
