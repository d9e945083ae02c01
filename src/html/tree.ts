// Light HTML tree: htmlparser2 events folded into plain objects that keep only what content
// scoring needs (tag, id/class/role/itemprop, hidden flags, link presence, text). Contents of
// script/style/svg/iframe/... are never stored, which is most of what makes this fast.
// Head data (meta tags, <title>, canonical link, JSON-LD, <html lang>) is collected on the way.

import type { QuoteType, Tokenizer as TokenizerClass } from "htmlparser2";

/**
 * htmlparser2's tokenizer. The package's index also loads its parser, DOM handler and DOM
 * utilities, about half of its load time, and the tree builder needs none of them: the
 * tokenizer's own module is loaded from beside the index, with the index as the fallback.
 */
const Tokenizer: typeof TokenizerClass = await import(new URL("./Tokenizer.js", import.meta.resolve("htmlparser2")).href)
  .then((m: { default: typeof TokenizerClass }) => m.default)
  .catch(async () => (await import("htmlparser2")).Tokenizer);

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
  /** Child elements and text runs; a removed child leaves "" in its slot (see detach). */
  children: (HNode | string)[];
  parent: HNode | null;
  /** Position in parent.children (kept by detach; lets it remove a child in constant time). */
  idx: number;
  /** Depth below the root (see MAX_TREE_DEPTH). */
  depth: number;
  /** Slots of removed children still in `children`. */
  removed: number;
  /** datetime attribute of <time> (dates when the page has no metadata). */
  datetime?: string;
  // Statistics filled by computeStats(); recomputed after pruning.
  textLen: number;
  linkLen: number;
  commas: number;
  /** Visible length and commas of the node's own text runs (-1: not counted yet). They never
   * change after parsing (removing a child leaves "", of no length), so computeStats counts
   * them once however often the statistics are recomputed. */
  ownLen: number;
  ownCommas: number;
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
    idx: 0, depth: parent ? parent.depth + 1 : 0, removed: 0, textLen: 0, linkLen: 0, commas: 0, ownLen: -1, ownCommas: 0, score: 0, scored: false,
  };
}

/**
 * Deepest element nesting kept in the tree. Beyond it, elements are added as siblings of the
 * element at this depth instead of inside it (Blink's HTML parser does the same at 512), so a
 * page nested 100,000 deep costs what a flat one does and no tree walk is deeper than this.
 */
export const MAX_TREE_DEPTH = 512;

/** htmlparser2's rules (Parser.js): an opening tag closes these open elements first. */
const P_TAG = new Set(["p"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const FORM_TAGS = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
const TABLE_SECTIONS = new Set(["thead", "tbody"]);
const DD_DT = new Set(["dd", "dt"]);
const RT_RP = new Set(["rt", "rp"]);
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])],
  ["body", new Set(["head", "link", "script"])], ["a", new Set(["a"])], ["li", new Set(["li"])],
  ["p", P_TAG], ["h1", HEADINGS], ["h2", HEADINGS], ["h3", HEADINGS], ["h4", HEADINGS], ["h5", HEADINGS], ["h6", HEADINGS],
  ["select", FORM_TAGS], ["input", FORM_TAGS], ["output", FORM_TAGS], ["button", FORM_TAGS], ["datalist", FORM_TAGS], ["textarea", FORM_TAGS],
  ["option", new Set(["option"])], ["optgroup", new Set(["optgroup", "option"])], ["dd", DD_DT], ["dt", DD_DT],
  ...["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
    "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"].map((t): [string, Set<string>] => [t, P_TAG]),
  ["rt", RT_RP], ["rp", RT_RP], ["tbody", TABLE_SECTIONS], ["tfoot", TABLE_SECTIONS],
]);
/** htmlparser2's void elements: never pushed on the open-element stack. */
const PARSER_VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
  "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements inside SVG/MathML where HTML parsing rules apply again. */
const INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"]);

/**
 * The attributes of one tag that openElement reads, in fixed fields (null: absent; the first
 * occurrence wins, as in browsers): one object shape, where a record per tag keyed by attribute
 * name made every read a dictionary lookup.
 */
class TagAttrs {
  id: string | null = null;
  cls: string | null = null;
  role: string | null = null;
  itemprop: string | null = null;
  hidden: string | null = null;
  ariaHidden: string | null = null;
  style: string | null = null;
  href: string | null = null;
  datetime: string | null = null;
  property: string | null = null;
  name: string | null = null;
  httpEquiv: string | null = null;
  content: string | null = null;
  charset: string | null = null;
  rel: string | null = null;
  lang: string | null = null;
  xmlLang: string | null = null;
  type: string | null = null;
  private dirty = false;

  reset(): this {
    if (this.dirty) {
      this.id = this.cls = this.role = this.itemprop = this.hidden = this.ariaHidden = this.style = this.href = this.datetime = null;
      this.property = this.name = this.httpEquiv = this.content = this.charset = this.rel = this.lang = this.xmlLang = this.type = null;
      this.dirty = false;
    }
    return this;
  }

  /** Store an attribute (lower-cased name) unless the tag already had it. */
  set(name: string, v: string): void {
    this.dirty = true;
    switch (name) {
      case "id": this.id ??= v; break;
      case "class": this.cls ??= v; break;
      case "role": this.role ??= v; break;
      case "itemprop": this.itemprop ??= v; break;
      case "hidden": this.hidden ??= v; break;
      case "aria-hidden": this.ariaHidden ??= v; break;
      case "style": this.style ??= v; break;
      case "href": this.href ??= v; break;
      case "datetime": this.datetime ??= v; break;
      case "property": this.property ??= v; break;
      case "name": this.name ??= v; break;
      case "http-equiv": this.httpEquiv ??= v; break;
      case "content": this.content ??= v; break;
      case "charset": this.charset ??= v; break;
      case "rel": this.rel ??= v; break;
      case "lang": this.lang ??= v; break;
      case "xml:lang": this.xmlLang ??= v; break;
      case "type": this.type ??= v; break;
    }
  }
}

/** The attributes openElement reads, per element (ELEMENT_ATTRIBUTES for any other element). */
const ELEMENT_ATTRIBUTES = new Set(["id", "class", "role", "itemprop", "hidden", "aria-hidden", "style"]);
const ATTRIBUTES_READ = new Map<string, Set<string>>([
  ["meta", new Set(["property", "name", "itemprop", "http-equiv", "content", "charset"])],
  ["link", new Set(["href", "rel"])],
  ["html", new Set(["lang", "xml:lang"])],
  ["script", new Set(["type"])],
  ["a", new Set([...ELEMENT_ATTRIBUTES, "href"])],
  ["time", new Set([...ELEMENT_ATTRIBUTES, "datetime"])],
]);

/** One open element: its name, and the current node to return to when it closes. */
interface Open {
  name: string;
  /** cur before this element opened; null: closing it leaves cur alone (body, skipped content). */
  restore: HNode | null;
  /** Foreign-content context this element pushed (svg, math, integration points). */
  foreign: boolean;
}

/**
 * Parse HTML into the light tree. Never throws on malformed markup. htmlparser2's tokenizer
 * with a tree builder that follows htmlparser2's Parser (implied end tags, void elements, stray
 * end tags ignored) but keeps its open-element stack with the top at the end and counts open
 * names, so every tag costs constant (amortised) time whatever the depth: the Parser's own
 * stack costs time proportional to the depth at every tag.
 */
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

  const append = (parent: HNode, node: HNode) => {
    node.idx = parent.children.length;
    parent.children.push(node);
  };

  /** An element opens; returns what closing it restores (see Open.restore). */
  function openElement(name: string, attrs: TagAttrs): HNode | null {
    if (skipDepth > 0) {
      if (name === skipTag) skipDepth++;
      return null;
    }
    if (name === "meta") {
      const key = (attrs.property || attrs.name || attrs.itemprop || attrs.httpEquiv || "").toLowerCase();
      const content = attrs.content;
      if (key && content !== null && !head.meta.has(key)) head.meta.set(key, content);
      if (attrs.charset && !head.meta.has("charset")) head.meta.set("charset", attrs.charset);
      return null;
    }
    if (name === "link") {
      if (!head.canonical && attrs.href && /\bcanonical\b/i.test(attrs.rel || "")) head.canonical = attrs.href;
      return null;
    }
    if (name === "html") {
      if (attrs.lang || attrs.xmlLang) head.lang = attrs.lang || attrs.xmlLang;
      return null;
    }
    if (name === "title" && !sawTitle) {
      capture = "title"; captured = "";
      return null;
    }
    if (name === "script" && /ld\+json/i.test(attrs.type || "")) { capture = "jsonld"; captured = ""; return null; }
    if (SKIP_CONTENT.has(name)) {
      skipDepth = 1; skipTag = name;
      return null;
    }
    if (name === "head") return null;
    if (name === "body") {
      // Closing </body> leaves cur inside the body: trailing junk after it is still body text.
      if (!body) { body = newNode("body", cur); append(cur, body); cur = body; }
      return null;
    }
    // Past the depth limit the element becomes a sibling of the deepest one (flattened).
    const parent = cur.depth >= MAX_TREE_DEPTH && cur.parent ? cur.parent : cur;
    const node = newNode(name, parent);
    const id = attrs.id, cls = attrs.cls;
    if (id || cls) node.idClass = ((id || "") + " " + (cls || "")).toLowerCase();
    if (attrs.role) node.role = attrs.role.toLowerCase();
    if (attrs.itemprop) node.itemprop = attrs.itemprop.toLowerCase();
    if (attrs.hidden !== null || attrs.ariaHidden === "true" || (attrs.style && HIDDEN_STYLE.test(attrs.style))) node.hidden = true;
    if (name === "a" && attrs.href !== null) node.isLink = true;
    if (name === "time" && attrs.datetime) node.datetime = attrs.datetime;
    append(parent, node);
    // Void: a leaf marker (br/hr become line breaks when serialising).
    if (VOID_TAGS.has(name)) return null;
    const before = cur;
    cur = node;
    return before;
  }

  function closeElement(name: string): void {
    if (capture) {
      if (capture === "title" && name === "title") {
        head.title = captured.replace(/\s+/g, " ").trim() || null; sawTitle = true; capture = null;
      } else if (capture === "jsonld" && name === "script") {
        head.jsonLd.push(captured); capture = null;
      }
      return;
    }
    if (skipDepth > 0 && name === skipTag) skipDepth--;
  }

  function addText(text: string): void {
    if (capture) { captured += text; return; }
    if (skipDepth > 0 || !text) return;
    const kids = cur.children;
    const last = kids.length - 1;
    // The tokenizer splits text at entities: merge adjacent runs.
    if (last >= 0 && typeof kids[last] === "string") kids[last] = (kids[last] as string) + text;
    else kids.push(text);
  }

  // The open-element stack (top at the end), the number of open elements per name, and the
  // foreign-content contexts (true: SVG or MathML, where <title>/<style> are not raw text).
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  const foreign: boolean[] = [false];
  let tagname = "";
  // One attribute record, reused: openElement reads it before the next tag starts.
  const record = new TagAttrs();
  let attrs: TagAttrs | null = null;
  let attrName = "";
  let attrValue = "";
  /** Attributes of the current tag worth storing (null: none); the rest are not even sliced out. */
  let wanted: Set<string> | null = null;
  let keepAttr = false;

  function pop(): void {
    const e = stack.pop()!;
    openCount.set(e.name, openCount.get(e.name)! - 1);
    if (e.foreign) foreign.pop();
    closeElement(e.name);
    if (e.restore) cur = e.restore;
  }

  function emitOpenTag(name: string): void {
    tagname = name;
    // A second <form> inside one is ignored (the spec's rule, kept by htmlparser2).
    if (name === "form" && (openCount.get("form") ?? 0) > 0) { tagname = ""; attrs = null; wanted = null; return; }
    const implies = OPEN_IMPLIES_CLOSE.get(name);
    if (implies) while (stack.length && implies.has(stack[stack.length - 1].name)) pop();
    attrs = record.reset();
    // Inside skipped content no attribute is read; elsewhere only those openElement reads.
    wanted = skipDepth > 0 ? null : (ATTRIBUTES_READ.get(name) ?? ELEMENT_ATTRIBUTES);
  }

  function endOpenTag(): void {
    const name = tagname;
    tagname = "";
    if (!attrs) return;
    const a = attrs;
    attrs = null;
    const restore = openElement(name, a);
    if (PARSER_VOID.has(name)) {
      closeElement(name);
      if (restore) cur = restore;
      return;
    }
    const isForeign = name === "svg" || name === "math" || (foreign.length > 1 && INTEGRATION.has(name)) || name === "title";
    if (isForeign) foreign.push(name === "svg" || name === "math");
    stack.push({ name, restore, foreign: isForeign });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  }

  const inForeign = () => foreign[foreign.length - 1];
  const readName = (start: number, end: number) => {
    const n = html.slice(start, end).toLowerCase();
    return n === "image" && !inForeign() ? "img" : n;
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, {
    onattribdata(start, end) { if (keepAttr) attrValue += html.slice(start, end); },
    onattribentity(cp) { if (keepAttr) attrValue += String.fromCodePoint(cp); },
    onattribend(_quote: QuoteType) {
      if (keepAttr && attrs) attrs.set(attrName, attrValue);
      attrValue = "";
      keepAttr = false;
    },
    onattribname(start, end) {
      if (!wanted || !attrs) return;
      attrName = html.slice(start, end).toLowerCase();
      keepAttr = wanted.has(attrName);
    },
    oncdata(start, end, offset) { if (inForeign()) addText(html.slice(start, end - offset)); },
    onclosetag(start, end) {
      const name = readName(start, end);
      if (!PARSER_VOID.has(name)) {
        if ((openCount.get(name) ?? 0) > 0) {
          while (stack.length && stack[stack.length - 1].name !== name) pop();
          pop();
        } else if (name === "p") {
          // </p> without an open <p>: an empty paragraph.
          emitOpenTag("p");
          endOpenTag();
          if (stack.length && stack[stack.length - 1].name === "p") pop();
        }
      } else if (name === "br") {
        emitOpenTag("br");
        endOpenTag();
      }
    },
    oncomment() {},
    ondeclaration() {},
    onend() { while (stack.length) pop(); },
    onopentagend() { endOpenTag(); },
    onopentagname(start, end) { emitOpenTag(readName(start, end)); },
    onprocessinginstruction() {},
    onselfclosingtag() {
      // Self-closing syntax counts only in foreign content (<svg/>, <path/>).
      const name = tagname;
      const selfClosing = inForeign();
      endOpenTag();
      if (selfClosing && stack.length && stack[stack.length - 1].name === name) pop();
    },
    ontext(start, end) { addText(html.slice(start, end)); },
    ontextentity(cp) { addText(String.fromCodePoint(cp)); },
    isInForeignContext: () => inForeign(),
  });
  tokenizer.write(html);
  tokenizer.end();
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
    if (n.ownLen < 0) {
      let own = 0, ownCommas = 0;
      for (const c of n.children) {
        if (typeof c !== "string") continue;
        const l = visibleLength(c);
        own += l;
        if (l) ownCommas += countCommas(c);
      }
      n.ownLen = own;
      n.ownCommas = ownCommas;
    }
    let len = n.ownLen, link = 0, commas = n.ownCommas;
    for (const c of n.children) {
      if (typeof c !== "string") {
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

/** Characters of `s` that are not white space as JavaScript's \s sees it (the trim and collapse of innerText). */
function solidLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 ? !(c === 32 || (c >= 9 && c <= 13)) : !(c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) n++;
  }
  return n;
}

/**
 * innerText(n).slice(0, max), reading only as much of the subtree as that needs: once the text
 * read holds more than `max` non-space characters, nothing after it can change its first `max`.
 */
export function innerTextStart(n: HNode, max: number): string {
  const parts: string[] = [];
  let solid = 0;
  const stack: (HNode | string)[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (typeof x === "string") {
      parts.push(x);
      solid += solidLength(x);
      if (solid > max) break;
      continue;
    }
    if (x.tag === "br" || BLOCK_TAGS.has(x.tag)) parts.push(" ");
    for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
  }
  return parts.join("").replace(/\s+/g, " ").trim().slice(0, max);
}

/**
 * innerText of many elements of one subtree, each built from its children's (collapsed, not
 * trimmed): linear in the subtree where calling innerText on every element is quadratic in its
 * depth. Valid while the elements it has answered for keep their descendants.
 */
export class TextMemo {
  private memo = new Map<HNode, string>();

  /** The element's text, whitespace collapsed (not trimmed). */
  of(n: HNode): string {
    const hit = this.memo.get(n);
    if (hit !== undefined) return hit;
    const stack: HNode[] = [n];
    const expanded = new Set<HNode>();
    while (stack.length) {
      const x = stack[stack.length - 1];
      if (this.memo.has(x)) { stack.pop(); continue; }
      if (!expanded.has(x)) {
        expanded.add(x);
        for (const c of x.children) if (typeof c !== "string" && !this.memo.has(c)) stack.push(c);
        continue;
      }
      stack.pop();
      let s = x.tag === "br" || BLOCK_TAGS.has(x.tag) ? " " : "";
      for (const c of x.children) s += typeof c === "string" ? c : this.memo.get(c)!;
      this.memo.set(x, s.replace(/\s+/g, " "));
    }
    return this.memo.get(n)!;
  }
}

/**
 * Remove a node from its parent in constant (amortised) time: its slot becomes "" (no text),
 * and the parent's children are compacted once most of them are such slots.
 */
export function detach(n: HNode): void {
  const p = n.parent;
  if (!p) return;
  const kids = p.children;
  const i = kids[n.idx] === n ? n.idx : kids.indexOf(n);
  n.parent = null;
  if (i < 0) return;
  kids[i] = "";
  if (++p.removed > 16 && 2 * p.removed > kids.length) {
    const kept: (HNode | string)[] = [];
    for (const c of kids) {
      if (c === "") continue;
      if (typeof c !== "string") c.idx = kept.length;
      kept.push(c);
    }
    p.children = kept;
    p.removed = 0;
  }
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
