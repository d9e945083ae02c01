// Block-aware text of a linkedom subtree: a line break around block elements and at <br>,
// nothing between inline elements (the text conversion the shared benchmarks' baselines use).
const BLOCK = new Set(["address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "html", "iframe", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "section", "select", "summary",
  "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul"]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "svg", "math", "object", "embed", "canvas"]);

export function blockText(root) {
  if (!root) return "";
  const out = [];
  const stack = [root]; // explicit stack: some pages nest thousands of unclosed elements
  while (stack.length) {
    const n = stack.pop();
    if (typeof n === "string") { out.push(n); continue; }
    if (n.nodeType === 3) { out.push(n.data); continue; }
    if (n !== root && n.nodeType !== 1) continue;
    const tag = (n.localName || "").toLowerCase();
    if (n !== root && SKIP.has(tag)) continue;
    const block = BLOCK.has(tag);
    if (block) stack.push("\n");
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    if (block) out.push("\n");
  }
  return out.join("").replace(/[^\S\n]+/g, " ").replace(/ ?\n[\s]*/g, "\n").trim();
}
