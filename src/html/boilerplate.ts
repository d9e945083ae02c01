// Step 1: prune obvious boilerplate subtrees (navigation, page header/footer, sidebars, share
// bars, comments, cookie banners, "related"/"most read" blocks, hidden elements) before the
// main content is looked for. Only generic vocabulary, never site-specific class names.

import { type HNode, allElements, computeStats, detach } from "./tree.js";

/** Tags that are page furniture wherever they stand. */
const BOILERPLATE_TAGS = new Set(["nav", "aside", "footer", "header", "menu", "dialog", "form", "fieldset"]);

/** ARIA landmark roles of page furniture. */
const BOILERPLATE_ROLES = new Set([
  "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist",
]);

/**
 * Boilerplate vocabulary in id/class values. Long words match anywhere (they are unambiguous);
 * short words (ad, nav, tag, menu...) only as whole tokens between -, _ or spaces, so "header"
 * does not hit "read" and "shadow" does not hit "ad". English plus the common transliterated or
 * native words used in class names by Russian, German, French, Spanish, Turkish sites.
 */
const BOILERPLATE_SUBSTR = new RegExp([
  "footer", "sidebar", "side-bar", "related", "sharing", "share-", "-share", "sharebar", "social", "comment", "kommentar", "commentaire", "comentario", "komentarz", "disqus",
  "cookie", "consent", "gdpr", "banner", "subscri", "newsletter", "signup", "sign-up", "advert", "sponsor", "promo",
  "breadcrumb", "pagination", "pager", "popup", "modal", "recommend", "trending", "popular", "mostread",
  "most-read", "most_read", "readalso", "read-also", "read_also", "readmore", "read-more", "more-stories", "outbrain",
  "taboola", "skyscraper", "masthead", "toolbar", "shoutbox", "combx", "author-bio", "authorbio", "author-info",
  "about-author", "jump-link", "dropdown", "login", "tags-", "-tags", "taglist", "tag-list", "keywords",
  "copyright", "rating", "noprint", "visually-hidden", "sr-only", "screen-reader", "offscreen", "navbar", "navigation",
  "topbar", "top-bar", "bottombar", "breaking", "ticker", "weather", "byline", "dateline", "-meta", "meta-", "postmeta",
  "more-news", "morenews", "see-also", "seealso", "lesen-sie-auch", "mehr-zum", "voir-aussi", "lire-aussi",
  "chitaite", "smotrite", "poxozhie", "pohozhie", "ilgili", "benzer", "servicenav", "subnav", "submenu", "overlay",
].map(escapeRe).join("|"));

const BOILERPLATE_TOKEN = /(?:^|[\s_-])(?:ad|ads|adv|adbox|advert|nav|menu|tags?|share|header|head|foot|aside|hidden|hide|print|meta|social|extra|links|bio|author|date|time|caption|credit|credits|shop|store|promo|cta|rss|search|related|comments?|nocontent|noprint|hidden-print|utility|tools)(?:$|[\s_-])/;

/** Compound names of the article container itself: never pruned by class. */
export const STRONG_CONTENT = /article[-_]?(?:body|content|text)|entry[-_]?content|post[-_]?(?:body|content|text)|story[-_]?(?:body|content|text)|main[-_]?content|content[-_]?body|body[-_]?text|articlebody|field-name-body|artikel[-_]?text|texto[-_]?noticia|news[-_]?(?:text|body)/;

/** Generic content words: they protect against the weak (short-token) boilerplate words only. */
const CONTENT_WORD = /(?:^|[\s_-])(?:article|content|main|story|entry|post|body|text|page|container|wrapper)(?:$|[\s_-])/;

/** Comment sections can out-weigh the article; they are pruned even when large. */
const COMMENT_RE = /comment|kommentar|comentario|komentarz|disqus|discussion|reactions/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when the element's id/class/role name it as boilerplate. */
export function looksLikeBoilerplate(n: HNode): boolean {
  if (n.role && BOILERPLATE_ROLES.has(n.role)) return true;
  const s = n.idClass;
  if (!s) return false;
  return BOILERPLATE_SUBSTR.test(s) || BOILERPLATE_TOKEN.test(s);
}

export interface PruneOptions {
  /** Also prune by id/class vocabulary (first attempt); off in the lenient retry. */
  byClass: boolean;
}

/**
 * Remove boilerplate subtrees from `body`, in place. Safety valve (heuristic): an element that
 * holds most of the page's text (> 45% of it, with some sentence structure) is never removed by
 * tag or class, because whole-page wrappers are sometimes called "page-with-sidebar" or sit in a
 * <form> (ASP.NET) or <header>.
 */
export function pruneBoilerplate(body: HNode, opts: PruneOptions = { byClass: true }): number {
  computeStats(body);
  const proseTotal = Math.max(1, body.textLen - body.linkLen);
  let removed = 0;
  // Document order; a dropped subtree is not walked (its elements are gone with it).
  const stack: HNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n !== body && dropNode(n, proseTotal, opts)) {
      detach(n);
      removed++;
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (typeof c !== "string") stack.push(c);
    }
  }
  computeStats(body);
  return removed;
}

// What the class vocabulary says of an id/class string, as bits: the same strings recur on
// every element of a list and on every page of a site, so each is tested once.
const STRONG = 1, COMMENT = 2, SUBSTR = 4, TOKEN = 8, CONTENT = 16;
const classBits = new Map<string, number>();

function bitsOf(cls: string): number {
  let b = classBits.get(cls);
  if (b === undefined) {
    b = (STRONG_CONTENT.test(cls) ? STRONG : 0) | (COMMENT_RE.test(cls) ? COMMENT : 0) | (BOILERPLATE_SUBSTR.test(cls) ? SUBSTR : 0) |
      (BOILERPLATE_TOKEN.test(cls) ? TOKEN : 0) | (CONTENT_WORD.test(cls) ? CONTENT : 0);
    if (classBits.size >= 50_000) classBits.clear();
    classBits.set(cls, b);
  }
  return b;
}

/** Whether one element (not the body) is boilerplate to remove. */
function dropNode(n: HNode, proseTotal: number, opts: PruneOptions): boolean {
  if (n.hidden) return true;
  if (n.itemprop === "articlebody") return false;
  const cls = n.idClass;
  const bits = cls !== "" ? bitsOf(cls) : 0;
  const strongContent = (bits & STRONG) !== 0;
  // Heuristic: much of the page's unlinked text, with sentence structure, is content.
  const holdsPage = n.textLen - n.linkLen > 0.3 * proseTotal && n.commas >= 3;
  if (holdsPage && !(opts.byClass && cls && !strongContent && bits & COMMENT)) return false;
  if (n.tag === "header") return !holdsProse(n);
  if (BOILERPLATE_TAGS.has(n.tag)) return n.tag !== "form" || isSmallForm(n);
  if (n.role && BOILERPLATE_ROLES.has(n.role)) return true;
  if (opts.byClass && cls && !strongContent) {
    if (bits & SUBSTR) return true;
    if (bits & TOKEN && !(bits & CONTENT)) return true;
  }
  return false;
}

/**
 * A <header> that carries a lead paragraph (standfirst, excerpt) rather than a logo and menu:
 * some block of at least 80 characters of unlinked text.
 */
function holdsProse(n: HNode): boolean {
  if (n.textLen < 80 || n.linkLen > 0.5 * n.textLen) return false;
  for (const e of allElements(n)) {
    if ((e.tag === "p" || e.tag === "div" || e.tag === "h2") && e.textLen >= 80 && e.linkLen < 0.3 * e.textLen) {
      if (e.tag !== "div" || !e.children.some((c) => typeof c !== "string" && c.tag === "p")) return true;
    }
  }
  return false;
}

/** A form that is a search box or sign-up, not a page wrapper. */
function isSmallForm(n: HNode): boolean {
  return n.textLen < 500 || n.commas < 5;
}
