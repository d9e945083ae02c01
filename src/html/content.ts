// Steps 2, 3 and 5 of article extraction on the light tree:
//  (2) findMainContent: score block containers by the text they hold (length, commas, link
//      density; Readability's idea) and pick the best one plus its worthy siblings;
//  (3) cleanContent: inside the winner, drop low-content blocks (link lists, share/"read also"
//      lines, captions, image credits);
//  (5) toParagraphs: serialise to plain-text paragraphs, headings kept.

import { STRONG_CONTENT } from "./boilerplate.js";
import { type HNode, BLOCK_TAGS, TextMemo, allElements, computeStats, detach, innerText, visibleLength } from "./tree.js";

/** Readability's class-name weighting vocabulary (plus a few non-English words). */
const POSITIVE_CLASS = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|texto|tresc|haber|statya|novost/;
const NEGATIVE_CLASS = /-ad-|(?:^|[\s_-])ad(?:$|[\s_-])|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|caption|credit/;

/** Class-name weight: +25 for content words, -25 for boilerplate words. */
export function classWeight(n: HNode): number {
  let w = 0;
  const s = n.idClass;
  if (s) {
    if (NEGATIVE_CLASS.test(s)) w -= 25;
    if (POSITIVE_CLASS.test(s)) w += 25;
    if (STRONG_CONTENT.test(s)) w += 25;
  }
  if (n.itemprop === "articlebody" || n.itemprop === "text") w += 50;
  return w;
}

function initialScore(n: HNode): number {
  let s = 0;
  switch (n.tag) {
    case "div": case "article": s = 5; break;
    case "pre": case "td": case "blockquote": s = 3; break;
    case "address": case "ol": case "ul": case "dl": case "dd": case "dt": case "li": case "form": s = -3; break;
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "th": s = -5; break;
  }
  return s + classWeight(n);
}

export function linkDensity(n: HNode): number {
  return n.textLen ? n.linkLen / n.textLen : 0;
}

/** Paragraph-like tags: their own text is one scoring unit credited to their ancestors. */
const PARAGRAPH_TAGS = new Set(["p", "pre", "td", "h2", "h3", "h4", "h5", "h6"]);
/** Containers whose loose inline text (text not wrapped in <p>) also counts as paragraphs. */
const CONTAINER_TAGS = new Set(["div", "section", "article", "main", "span", "font", "center", "blockquote", "td", "body"]);

function hasBlockChild(n: HNode): boolean {
  for (const c of n.children) if (typeof c !== "string" && (BLOCK_TAGS.has(c.tag) || c.tag === "br")) return true;
  return false;
}

/** Credit one text unit to up to five ancestors, Readability's decay: 1, 1/2, then 1/(3·level). */
function creditAncestors(start: HNode | null, len: number, commas: number, body: HNode): void {
  if (len < 25) return;
  const unit = 1 + commas + Math.min(Math.floor(len / 100), 3);
  let level = 0;
  for (let a = start; a && level < 5; a = a.parent, level++) {
    if (!a.scored) { a.score = initialScore(a); a.scored = true; }
    a.score += unit / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    if (a === body) break;
  }
}

/** Score every candidate container under `body` (scores are stored on the nodes). */
export function scoreCandidates(body: HNode): HNode[] {
  const els = allElements(body);
  for (const n of els) { n.score = 0; n.scored = false; }
  for (const n of els) {
    if (PARAGRAPH_TAGS.has(n.tag)) {
      creditAncestors(n.parent, n.textLen, n.commas, body);
    } else if (CONTAINER_TAGS.has(n.tag)) {
      if (!hasBlockChild(n)) {
        // A div used as a paragraph (only inline content): like a <p>, unless nested in one.
        if (n.parent && !PARAGRAPH_TAGS.has(n.parent.tag) && n.parent.tag !== "li") creditAncestors(n.parent, n.textLen, n.commas, body);
        continue;
      }
      // Loose inline runs between block children are paragraphs of this container.
      let len = 0, commas = 0;
      const flush = () => { if (len >= 25) creditAncestors(n, len, commas, body); len = 0; commas = 0; };
      for (const c of n.children) {
        if (typeof c === "string") {
          len += visibleLength(c);
          const m = c.match(/[,،、，]/g);
          if (m) commas += m.length;
        } else if (BLOCK_TAGS.has(c.tag) || c.tag === "br") {
          if (c.tag !== "br" || len > 0) flush();
        } else { len += c.textLen; commas += c.commas; }
      }
      flush();
    }
  }
  const cands: HNode[] = [];
  for (const n of els) if (n.scored) { n.score *= 1 - linkDensity(n); cands.push(n); }
  return cands;
}

/**
 * Step 2: the main-content nodes, in document order (the best container and the siblings that
 * belong with it). Returns null when nothing scores.
 */
export function findMainContent(body: HNode): HNode[] | null {
  const cands = scoreCandidates(body);
  if (!cands.length) return null;
  cands.sort((a, b) => b.score - a.score);
  const inLandmark = preferLandmark(cands, body);
  let top = inLandmark ?? cands[0];
  if (top === body) return [body];
  // Several near-equal candidates under one ancestor: the article is split into parts (Readability).
  const alternatives = cands.slice(1, 5).filter((c) => c.score / top.score >= 0.75);
  if (alternatives.length >= 3) {
    for (let p = top.parent; p && p !== body; p = p.parent) {
      let shared = 0;
      for (const alt of alternatives) if (isAncestor(p, alt)) shared++;
      if (shared >= 3) { top = p; break; }
    }
  }
  if (!top.scored) { top.score = initialScore(top); top.scored = true; }
  // Climb while the parent scores better (its text is the article, ours only a part of it).
  let lastScore = top.score;
  const threshold = lastScore / 3;
  for (let p = top.parent; p && p !== body; p = p.parent) {
    if (!p.scored) continue;
    if (p.score < threshold) break;
    if (p.score > lastScore) { top = p; break; }
    lastScore = p.score;
  }
  // A lone child carries nothing its parent does not.
  while (top.parent && top.parent !== body && countElements(top.parent) === 1) top = top.parent;
  // Chosen for being inside the landmark: neither the climb nor sibling merging may leave it.
  if (inLandmark) {
    const landmark = landmarkOf(inLandmark);
    if (landmark && (top === landmark || isAncestor(top, landmark))) top = landmark;
  }
  const parent = top.parent;
  if (!parent) return [top];
  // Sibling merging: siblings that scored well, or plain paragraphs of prose.
  const siblingThreshold = Math.max(10, top.score * 0.2);
  const out: HNode[] = [];
  for (const s of parent.children) {
    if (typeof s === "string") continue;
    if (s === top) { out.push(s); continue; }
    if (s.tag === "figure" || s.tag === "figcaption") continue;
    let bonus = 0;
    if (s.idClass && s.idClass === top.idClass) bonus += top.score * 0.2;
    if (s.scored && s.score + bonus >= siblingThreshold) { out.push(s); continue; }
    // Heuristic: a sibling holding plain prose continues the article even when its paragraphs
    // sit too deep to have credited it (split article bodies with figures between the parts).
    if (s.textLen >= 300 && linkDensity(s) < 0.2 && s.commas >= 3 && classWeight(s) >= 0) { out.push(s); continue; }
    if (s.tag === "p") {
      const ld = linkDensity(s);
      if (s.textLen > 80 && ld < 0.25) out.push(s);
      else if (s.textLen > 0 && s.textLen <= 80 && ld === 0 && /[.!?。！？]\s*$/.test(innerText(s))) out.push(s);
    }
  }
  // A <main> is the article's outer bound: no lead paragraphs are looked for outside it.
  // Leads are looked for from the chosen node itself, so blocks before it in its own parent count;
  // those already merged as siblings are not repeated.
  const merged = new Set(out);
  const leads = top.tag === "main" || top.role === "main" ? [] : leadParagraphs(top, body)
    .filter((e) => !merged.has(e) && !hasAncestorIn(e, merged));
  return [...leads, ...out];
}

/** Below this much unlinked text a <main> landmark is a shell (menus, a teaser), not the page's content. */
const MIN_LANDMARK_PROSE = 200;

/**
 * Heuristic (trust the main landmark): when the page marks exactly one <main>/role=main region
 * and it holds real prose, the best candidate inside it wins over a better-scoring block outside
 * it (an outdated-browser notice, a login dialog, an author box left in the page chrome).
 */
export function preferLandmark(sorted: HNode[], body: HNode): HNode | null {
  let landmark: HNode | null = null;
  for (const n of allElements(body)) {
    if (n !== body && (n.tag === "main" || n.role === "main")) {
      if (landmark && !isAncestor(landmark, n)) return null; // several disjoint regions: no single landmark
      if (!landmark) landmark = n;
    }
  }
  if (!landmark || landmark.textLen - landmark.linkLen < MIN_LANDMARK_PROSE) return null;
  if (landmark === body) return null;
  const best = sorted[0];
  if (best === landmark || isAncestor(landmark, best) || isAncestor(best, landmark)) return null;
  for (const c of sorted) if (c === landmark || isAncestor(landmark, c)) return c;
  return null;
}

/** The outermost <main>/role=main element around a node. */
function landmarkOf(n: HNode): HNode | null {
  let found: HNode | null = null;
  for (let p: HNode | null = n; p; p = p.parent) if (p.tag === "main" || p.role === "main") found = p;
  return found;
}

/** Tags that bound an article: lead paragraphs are not looked for above them. */
const ARTICLE_BOUNDARY = new Set(["article", "main", "body"]);

/**
 * Lead paragraphs (standfirst, teaser, excerpt) that sit before the chosen content in the same
 * article but in another branch of the tree: prose blocks (>= 60 chars, few links) of preceding
 * siblings, up to three levels up and never beyond the enclosing <article>/<main>.
 */
function leadParagraphs(from: HNode, body: HNode): HNode[] {
  const found: HNode[][] = [];
  let node = from;
  for (let level = 0; level < 4 && node !== body && node.parent; level++) {
    const parent: HNode = node.parent;
    const here: HNode[] = [];
    for (const s of parent.children) {
      if (s === node) break;
      if (typeof s === "string" || s.textLen < 60) continue;
      for (const e of allElements(s)) {
        if (e.textLen < 60 || linkDensity(e) > 0.3 || !isProseLeaf(e)) continue;
        if (classWeight(e) < 0) continue;
        // A long h2 above the body is a standfirst set as a subheading; shorter headings are titles.
        if (/^h[1-6]$/.test(e.tag) && !(e.tag === "h2" && e.textLen >= 80)) continue;
        here.push(e);
      }
    }
    found.unshift(here);
    if (ARTICLE_BOUNDARY.has(node.tag) || node.role === "main" || ARTICLE_BOUNDARY.has(parent.tag)) break;
    node = parent;
  }
  // Keep only the outermost of nested picks.
  const flat = found.flat();
  const picked = new Set(flat);
  return flat.filter((e) => !hasAncestorIn(e, picked));
}

/** A block that holds text directly: a <p>, or a container without block children. */
function isProseLeaf(e: HNode): boolean {
  if (e.tag === "p" || e.tag === "h2") return true;
  if (!CONTAINER_TAGS.has(e.tag) || e.tag === "span" || e.tag === "font") return false;
  return !hasBlockChild(e);
}

/** Whether an ancestor of n is in the set (a walk of at most MAX_TREE_DEPTH steps). */
function hasAncestorIn(n: HNode, set: Set<HNode>): boolean {
  for (let p = n.parent; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

function isAncestor(a: HNode, n: HNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

function countElements(n: HNode): number {
  let k = 0;
  for (const c of n.children) {
    if (typeof c !== "string") k++;
    else if (visibleLength(c) > 0) return 2; // loose text counts as content
  }
  return k;
}

/**
 * "Read also"-style lead-ins in many languages: a short block starting with one of these is a
 * link to another story, not part of this one.
 */
const READ_ALSO_CUES = [
  "read also", "read more", "also read", "see also", "related", "more on this", "recommended", "watch", "listen", "click here",
  "also on", "related story", "related article", "related coverage", "more", "recommended reading", "editor's picks",
  "le puede interesar", "te puede interesar", "también le puede interesar", "también te puede interesar", "puede interesarle",
  "vea también", "ver más", "mira también", "mire", "puedes ver", "puede ver", "lea además", "lee además", "te recomendamos",
  "noticia relacionada", "noticias relacionadas", "más información", "relacionado", "relacionada", "temas relacionados",
  "auch lesen", "zum weiterlesen", "weiterlesen", "lesen sie auch", "lesen sie dazu", "lesen sie hier", "mehr dazu", "mehr zum thema",
  "das thema könnte dich auch interessieren", "das könnte dich auch interessieren", "das könnte sie interessieren", "siehe auch",
  "à lire également", "lire également", "voir également", "à voir aussi", "a voir aussi", "à voir", "sur le même sujet", "pour aller plus loin",
  "leia também", "veja também", "saiba mais", "leggi anche", "vedi anche", "czytaj więcej", "czytaj również", "dowiedz się więcej",
  "читайте также", "читайте", "смотрите также", "смотрите", "по теме", "также читайте", "подробнее", "читайте також", "дивіться також",
  "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضا", "اقرأ المزيد", "شاهد أيضا", "همچنین بخوانید", "بیشتر بخوانید", "بخوانید",
  "lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren", "weiterlesen",
  "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lire la suite", "lea también", "lee también", "leer más", "ver también",
  "leia também", "leia mais", "veja também", "leggi anche", "czytaj także", "czytaj też", "zobacz też", "zobacz także",
  "ilgili haberler", "ilgili haber", "bunu da okuyun", "devamını oku", "ayrıca okuyun",
  "相关新闻", "相关阅读", "延伸阅读", "推荐阅读", "相關新聞", "延伸閱讀",
  "шунингдек ўқинг", "shuningdek o'qing", "сондай-ақ оқыңыз", "ошондой эле окуңуз", "инчунин хонед",
].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const READ_ALSO = new RegExp("^\\s*(?:" + READ_ALSO_CUES + ")\\s*[:：\\-–—|»>]", "i");
/** The same cue standing alone on its line (a label above a linked headline). */
const READ_ALSO_ALONE = new RegExp("^\\W*(?:" + READ_ALSO_CUES + ")\\W{0,3}$", "iu");

const escapeRe = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Headings that open an end-of-article section of links, comments or contact details, in many
 * languages. The heading and what follows it in its container are cut (see cutTrailingSections).
 */
const SECTION_CUE = new RegExp("^\\W*(?:" + [
  "related", "related articles", "related stories", "related posts", "related news", "related content", "you might also like",
  "you may also like", "you might be interested", "more from", "more on this", "more stories", "more news", "recommended",
  "recommended for you", "read more", "also read", "read next", "further reading", "popular", "most read", "trending",
  "comments", "leave a reply", "leave a comment", "about the author", "share this", "tags", "see also",
  "mehr zum thema", "mehr dazu", "das könnte sie auch interessieren", "das könnte dich auch interessieren", "das könnte sie interessieren",
  "das könnte dich interessieren", "weitere beiträge", "weitere artikel", "weitere informationen", "weitere infos", "weitere themen",
  "ähnliche artikel", "ähnliche beiträge", "verwandte artikel", "lesen sie auch", "auch interessant", "empfehlungen",
  "kommentare", "keine kommentare", "kommentieren", "kontakt", "über den autor", "über die autorin", "zum autor", "themen",
  "lire aussi", "à lire aussi", "sur le même sujet", "dans la même rubrique", "articles similaires", "commentaires", "voir aussi",
  "te puede interesar", "también te puede interesar", "noticias relacionadas", "artículos relacionados", "comentarios",
  "leia também", "notícias relacionadas", "artigos relacionados", "comentários",
  "zobacz też", "zobacz także", "czytaj też", "czytaj także", "polecamy", "podobne artykuły", "komentarze",
  "читайте также", "похожие статьи", "похожие новости", "по теме", "другие новости", "комментарии", "читайте також",
  "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة", "أخبار ذات صلة", "ذات صلة", "مطالب مرتبط", "اخبار مرتبط", "همچنین بخوانید",
  "ilgili haberler", "benzer haberler", "ilginizi çekebilir", "yorumlar",
  "相关新闻", "相关阅读", "相关文章", "延伸阅读", "推荐阅读", "相關新聞", "相關文章", "延伸閱讀",
  "temas relacionados", "etiquetas", "palabras clave", "schlagwörter", "schlagworte", "quellenangaben",
  "empfehlungen aus der redaktion", "mots-clés", "étiquettes", "tagi", "tematy",
].map(escapeRe).join("|") + ")\\W{0,5}$", "iu");

/**
 * A label line that introduces a list of further articles ("Weitere Beiträge aus der Kolumne:",
 * "Lesen Sie auch die folgenden Beiträge:"): a short line ending in a colon that starts with a
 * read-more word. Removed with the link list after it (removeReadAlsoLabel).
 */
const MORE_LABEL = /^\W*(?:weitere (?:beiträge|artikel|news|themen)|mehr (?:artikel|beiträge|news)|lesen sie (?:auch|mehr)|more (?:stories|articles|posts|from)|other (?:stories|articles)|otras noticias|más noticias|autres articles|plus d'articles)\b[^.!?]{0,50}:\s*$/iu;

/** Page-furniture labels: update stamps, rating prompts, bare "By:" lines. */
const META_LABEL = /^\W*(?:last modified|last updated|updated|release date|rate this(?: article)?|aktualisiert(?: am)?|zuletzt aktualisiert|bewerten|artikel bewerten|zusatzinformationen|von|by|publié le|mis à jour(?: le)?|actualizado|actualización)\s*:?\s*$/iu;

/** Short credit, source and advertising lines: "Foto: ...", "Source: ...", "Anzeige". */
const CREDIT_LINE = /^\W*(?:photos?|fotos?|bild|image|picture|credits?|crédits?(?: photos?)?|crédito|quelle|source|fuente|fonte|źródło|источник|фото|titelbild|beitragsbild|symbolbild|anzeige|werbung|advertisement|sponsored|publicidad|publicité)\b(?:\W|$)/iu;

/**
 * Calls to subscribe, follow, download the app, or log in to read on: promotional lines that sit
 * among article paragraphs. Only imperative or second-person phrasings, so a story about
 * subscribers or newsletters keeps its sentences.
 */
const PROMO_LINE = new RegExp([
  "\\b(?:please )?subscribe (?:now|today|to (?:our|the|read|continue))", "already a subscriber", "to (?:view|read|continue reading) (?:the full|this) (?:story|article)",
  "sign up (?:for|to) (?:our|the) ", "download (?:the|our) [^.]{0,40}\\bapps?\\b", "follow (?:us|the [^.]{0,30}) on (?:twitter|facebook|instagram)",
  "if you (?:enjoyed|liked) (?:reading )?this", "support (?:our|independent) journalism", "become a (?:member|subscriber)",
  "jetzt (?:abonnieren|anmelden|registrieren)", "newsletter (?:abonnieren|bestellen)", "folgen sie uns", "gefällt (?:dir|ihnen) (?:unser|dieser|der)",
  "abonnieren sie", "melden sie sich (?:jetzt )?(?:an|für)",
  "suscríbe(?:te|se)", "hazte (?:miembro|socio)", "síguenos en", "únete a nuestr", "regístrate",
  "abonnez-vous", "pour lire la suite", "inscrivez-vous", "suivez-nous",
  "assine (?:já|agora)", "siga-nos", "zaprenumeruj", "obserwuj nas", "подпишитесь", "подписывайтесь",
].join("|"), "iu");

/** Share/follow/subscribe bar text. */
const SHARE_LINE = /^(?:share|share this|tweet|email|print|facebook|twitter|whatsapp|telegram|linkedin|copy link|follow us|subscribe|поделиться|подписывайтесь|مشاركة|اشتراک|teilen|partager|compartir|paylaş|分享)\b/i;

/**
 * Step 3: clean the chosen content in place. Removes headings that repeat the title, figures
 * and captions, link-heavy lists and divs (Readability's conditional cleaning), and short
 * "read also"/share lines.
 */
export function cleanContent(nodes: HNode[], title: string | null): void {
  const normTitle = title ? normalizeForCompare(title) : "";
  for (const top of nodes) {
    computeStats(top);
    const els = allElements(top);
    // Each element's text and tag counts are built from its children's, which are done
    // before it (bottom-up): linear in the size of the subtree, whatever its depth.
    const texts = new TextMemo();
    const counts = new Map<HNode, TagCounts>();
    const text = (n: HNode) => texts.of(n).trim();
    let cuts = 0;
    // Bottom-up so inner junk is gone before its container is judged.
    for (let i = els.length - 1; i >= 0; i--) {
      const n = els[i];
      if (!n.parent && n !== top) continue;
      const tag = n.tag;
      const c = tagCounts(n, counts);
      if (tag === "figure" || tag === "figcaption" || tag === "h1" || tag === "input") { if (n !== top) removeNode(n); continue; }
      if (n !== top && n.textLen < 80 && (/^h[2-6]$/.test(tag) || tag === "p" || tag === "strong" || tag === "b" || tag === "div") && SECTION_CUE.test(text(n))) {
        // Limit (pathological pages): a page has a few end-of-article sections, not thousands.
        if (++cuts <= MAX_SECTION_CUTS) cutTrailingSection(n, top);
        else removeNode(n);
        continue;
      }
      if (/^h[2-6]$/.test(tag)) {
        if (n.textLen < 100 && (MORE_LABEL.test(text(n)) || READ_ALSO_ALONE.test(text(n)))) { removeReadAlsoLabel(n); continue; }
        if (classWeight(n) < 0 || (normTitle && normalizeForCompare(text(n)) === normTitle)) removeNode(n);
        continue;
      }
      if (n.textLen < 220 && (tag === "p" || tag === "div" || tag === "li" || tag === "section" || tag === "span" || tag === "strong" || tag === "b" || tag === "em")) {
        const t = text(n);
        if (READ_ALSO.test(t) && n !== top) { removeNode(n); continue; }
        if (n.textLen < 60 && READ_ALSO_ALONE.test(t) && n !== top) { removeReadAlsoLabel(n); continue; }
        if (n.textLen < 100 && MORE_LABEL.test(t) && n !== top) { removeReadAlsoLabel(n); continue; }
        if (n.textLen < 30 && META_LABEL.test(t) && n !== top) { removeNode(n); continue; }
        if (n.textLen < 60 && SHARE_LINE.test(t) && n !== top) { removeNode(n); continue; }
        if (n.textLen < 100 && CREDIT_LINE.test(t) && n !== top) { removeNode(n); continue; }
        if (tag !== "span" && tag !== "em" && PROMO_LINE.test(t) && n !== top) { removeNode(n); continue; }
        // Heuristic: a paragraph that is nothing but a link points to another story.
        if (tag === "p" && n.textLen < 150 && n.linkLen > 0.9 * n.textLen && n !== top) { removeNode(n); continue; }
      }
      if (n !== top && (tag === "div" || tag === "section" || tag === "ul" || tag === "ol" || tag === "table" || tag === "dl")) {
        if (shouldRemoveConditionally(n, c)) removeNode(n);
      }
    }
  }
}

/** At most this many end-of-article sections are cut per content block (each cut scans its siblings). */
const MAX_SECTION_CUTS = 32;

/** Elements of a subtree (itself included) by the tags conditional cleaning weighs. */
interface TagCounts { p: number; img: number; li: number; input: number; headingLen: number; embed: number }

/** An element's tag counts from its children's (already computed, bottom-up) and its own tag. */
function tagCounts(n: HNode, memo: Map<HNode, TagCounts>): TagCounts {
  const t: TagCounts = { p: 0, img: 0, li: 0, input: 0, headingLen: 0, embed: 0 };
  switch (n.tag) {
    case "p": t.p++; break;
    case "img": t.img++; break;
    case "li": t.li++; break;
    case "input": t.input++; break;
    case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": t.headingLen += n.textLen; break;
    case "object": case "embed": case "iframe": t.embed++; break;
  }
  for (const ch of n.children) {
    if (typeof ch === "string") continue;
    const k = memo.get(ch) ?? tagCounts(ch, memo);
    t.p += k.p; t.img += k.img; t.li += k.li; t.input += k.input; t.headingLen += k.headingLen; t.embed += k.embed;
  }
  memo.set(n, t);
  return t;
}

/**
 * Cut an end-of-article section that starts at `heading`: the heading (or the wrapper it opens)
 * and its following siblings. Heuristic guard: the following siblings go only when they are less
 * than half of the content, so a false cue in mid-article costs one line, not the article.
 */
function cutTrailingSection(heading: HNode, top: HNode): void {
  let anchor = heading;
  while (anchor.parent && anchor.parent !== top && firstContentChild(anchor.parent) === anchor) anchor = anchor.parent;
  const parent = anchor.parent;
  if (!parent) return;
  const idx = parent.children[anchor.idx] === anchor ? anchor.idx : parent.children.indexOf(anchor);
  const following = parent.children.slice(idx + 1).filter((c): c is HNode => typeof c !== "string");
  const followingLen = following.reduce((s, c) => s + c.textLen, 0);
  removeNode(anchor);
  if (followingLen < 0.5 * top.textLen) for (const c of following) removeNode(c);
}

/**
 * A lone "read also" label and the linked headline right after it (heuristic: the next element
 * goes only when it is short and mostly link text, so a label in mid-article costs nothing else).
 */
function removeReadAlsoLabel(label: HNode): void {
  const parent = label.parent;
  if (parent) {
    const sibs = parent.children;
    const at = sibs[label.idx] === label ? label.idx : sibs.indexOf(label);
    // Removed siblings leave empty slots: look a bounded way past them.
    for (let i = at + 1; i < sibs.length && i <= at + 64; i++) {
      const s = sibs[i];
      if (typeof s === "string") { if (visibleLength(s) > 0) break; continue; }
      if (s.textLen > 0 && s.textLen < 200 && s.linkLen > 0.6 * s.textLen) removeNode(s);
      break;
    }
  }
  removeNode(label);
}

function firstContentChild(n: HNode): HNode | null {
  for (const c of n.children) {
    if (typeof c === "string") { if (visibleLength(c) > 0) return null; continue; }
    return c;
  }
  return null;
}

function removeNode(n: HNode): void {
  const p = n.parent;
  detach(n);
  // Keep ancestor statistics roughly right for later decisions.
  for (let a = p; a; a = a.parent) { a.textLen -= n.textLen; a.linkLen -= Math.min(a.linkLen, n.linkLen); a.commas -= n.commas; }
}

/** Readability's _cleanConditionally, on the light tree. */
function shouldRemoveConditionally(n: HNode, counts: TagCounts): boolean {
  const weight = classWeight(n);
  const ld = linkDensity(n);
  // Readability drops every negatively named block; class names like "teaser", "media" or
  // "widget" also wrap real paragraphs, so prose (commas, few links) survives its name.
  if (weight < 0) return !(n.commas >= 3 && ld < 0.25 && n.textLen >= 200);
  if (n.commas >= 10) return false;
  const isList = n.tag === "ul" || n.tag === "ol" || n.tag === "dl";
  const { p, img, li, input, headingLen, embed } = counts;
  const len = n.textLen;
  const headingDensity = len ? headingLen / len : 0;
  if (img > 1 && p / img < 0.5 && len < 200) return true;
  if (!isList && li - 100 > p) return true;
  if (input > Math.floor(p / 3)) return true;
  if (!isList && headingDensity < 0.9 && len < 25 && (img === 0 || img > 2)) return true;
  if (!isList && weight < 25 && ld > 0.2 && len < 1000) return true;
  if (isList && ld > 0.5 && weight < 25) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if (embed > 1 || (embed === 1 && len < 75)) return true;
  return false;
}

function normalizeForCompare(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Step 5: plain-text paragraphs of the nodes; a break at every block element and <br>. */
export function toParagraphs(nodes: HNode[]): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (!buf.length) return;
    const t = buf.join("").replace(/\s+/g, " ").trim();
    if (t) out.push(t);
    buf = [];
  };
  for (const top of nodes) {
    const stack: (HNode | string | null)[] = [top];
    while (stack.length) {
      const x = stack.pop()!;
      if (x === null) { flush(); continue; }
      if (typeof x === "string") { buf.push(x); continue; }
      if (x.tag === "br" || x.tag === "hr") { flush(); continue; }
      if (x.tag === "img") continue;
      const block = BLOCK_TAGS.has(x.tag);
      if (block) { flush(); stack.push(null); }
      else if (x.tag === "td" || x.tag === "th") buf.push(" ");
      for (let i = x.children.length - 1; i >= 0; i--) stack.push(x.children[i]);
    }
    flush();
  }
  return out.map((p) => p.normalize("NFC"));
}
