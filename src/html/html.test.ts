import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import {
  extractArticle, decodeHtml, parseHtml, pruneBoilerplate, findMainContent, cleanContent, toParagraphs,
  normalizeDate, persianDateInText, dateFromUrl, charsetFromContentType,
} from "./index.js";
import { preferLandmark, scoreCandidates } from "./content.js";
import { innerText, innerTextStart, MAX_TREE_DEPTH } from "./tree.js";

// Pages below are written for these tests (fictional events, invented outlets).

const P1 = "The foreign ministers of the two countries met in Geneva on Tuesday, agreeing to resume talks on the border dispute, according to a joint statement released after the meeting.";
const P2 = "Officials said the next round, expected in March, would focus on water rights, trade corridors and the exchange of prisoners, while observers cautioned that earlier rounds had stalled.";
const P3 = "The statement, which both delegations signed, also called for a monitoring mission to be sent to the region before the end of the year, a step long demanded by local leaders.";

const englishPage = `<!DOCTYPE html><html lang="en"><head>
<title>Ministers agree to resume border talks | Daily Example</title>
<meta property="og:title" content="Ministers agree to resume border talks">
<meta property="og:site_name" content="Daily Example">
<meta property="og:image" content="https://example.org/img/talks.jpg">
<link rel="canonical" href="https://example.org/world/2024/03/12/border-talks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ministers agree to resume border talks","datePublished":"2024-03-12T09:30:00Z","author":{"@type":"Person","name":"Jane Reporter"}}</script>
<script>var tracking = "Not article text";</script><style>.x{color:red}</style>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header class="site-header"><a href="/">Daily Example</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Ministers agree to resume border talks</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<div class="article-body">
<p>${P1}</p>
<figure><img src="a.jpg"><figcaption>Delegations arrive at the venue. Photo: Agency</figcaption></figure>
<p>${P2}</p>
<p>Read also: <a href="/other">Earlier talks collapsed over water rights</a></p>
<p>${P3}</p>
</div>
<div class="related-articles"><h3>Related</h3><ul><li><a href="/a">Summit ends without deal, leaders blame each other for failure</a></li><li><a href="/b">Border crossings reopen after months of closure and protests</a></li></ul></div>
</article></main>
<section id="comments"><h3>Comments</h3><p>Great article, totally agree with everything written here, thanks for sharing it.</p></section>
<aside class="sidebar"><h3>Most read</h3><a href="/c">Storm hits the coast, thousands without power overnight</a></aside>
<footer>© 2024 Daily Example. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`;

test("extractArticle: English news page keeps the paragraphs and drops boilerplate", () => {
  const a = extractArticle(englishPage, "https://example.org/x");
  assert.deepEqual(a.paragraphs, [P1, P2, P3]);
  assert.equal(a.title, "Ministers agree to resume border talks");
  assert.equal(a.published, "2024-03-12");
  assert.equal(a.author, "Jane Reporter");
  assert.equal(a.siteName, "Daily Example");
  assert.equal(a.url, "https://example.org/world/2024/03/12/border-talks");
  assert.equal(a.lang, "en");
  assert.equal(a.image, "https://example.org/img/talks.jpg");
  assert.equal(a.text, `Ministers agree to resume border talks\n\n${P1}\n\n${P2}\n\n${P3}`);
  for (const junk of ["cookies", "Politics", "Share on Facebook", "Photo: Agency", "Read also", "Summit ends", "Great article", "Storm hits", "All rights reserved", "tracking"]) {
    assert.ok(!a.text.includes(junk), `should not contain ${junk}`);
  }
});

const RU1 = "Министры иностранных дел двух стран встретились во вторник в Женеве и договорились возобновить переговоры о границе, говорится в совместном заявлении по итогам встречи.";
const RU2 = "По словам официальных лиц, следующий раунд, который ожидается в марте, будет посвящён водным ресурсам, торговым коридорам и обмену пленными, однако наблюдатели осторожны.";

const russianPage = (charsetMeta: string) => `<html lang="ru"><head>${charsetMeta}<title>Министры договорились о переговорах - Пример Новости</title>
<meta property="article:published_time" content="2024-03-12T10:00:00+03:00"></head><body>
<ul class="menu"><li><a href="/">Главная</a></li><li><a href="/politika">Политика</a></li><li><a href="/ekonomika">Экономика</a></li></ul>
<div class="content"><h1>Министры договорились о переговорах</h1>
<div class="text"><p>${RU1}</p><p><strong>Читайте также:</strong> <a href="/x">Прошлый раунд переговоров сорвался</a></p><p>${RU2}</p></div>
<div class="social-share">Поделиться: ВКонтакте Telegram</div></div>
<div class="footer">Все права защищены. Перепечатка запрещена.</div></body></html>`;

test("extractArticle: Russian page drops menu, 'Читайте также' line and share bar", () => {
  const a = extractArticle(russianPage(""));
  assert.deepEqual(a.paragraphs, [RU1, RU2]);
  assert.equal(a.published, "2024-03-12");
  assert.equal(a.lang, "ru");
  assert.equal(a.title, "Министры договорились о переговорах");
});

const AR1 = "التقى وزيرا خارجية البلدين في جنيف يوم الثلاثاء، واتفقا على استئناف المحادثات بشأن النزاع الحدودي، وفقا لبيان مشترك صدر بعد الاجتماع.";
const AR2 = "وقال مسؤولون إن الجولة المقبلة، المتوقعة في مارس، ستركز على حقوق المياه وممرات التجارة وتبادل الأسرى، بينما حذر مراقبون من تعثر الجولات السابقة.";

test("extractArticle: Arabic RTL page, date from <time datetime>, 'اقرأ أيضا' removed", () => {
  const html = `<html dir="rtl" lang="ar"><head><title>استئناف المحادثات</title></head><body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>استئناف المحادثات الحدودية</h1><time datetime="2024-03-11T08:00:00+03:00">11 مارس 2024</time>
<div class="entry-content"><p>${AR1}</p><p>اقرأ أيضا: <a href="/y">فشل الجولة السابقة من المحادثات</a></p><p>${AR2}</p></div></article>
<div class="newsletter">اشترك في النشرة البريدية لتصلك آخر الأخبار</div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [AR1, AR2]);
  assert.equal(a.published, "2024-03-11");
  assert.equal(a.lang, "ar");
});

const FA1 = "وزیران امور خارجه دو کشور روز سه‌شنبه در ژنو دیدار کردند و بر سر از سرگیری گفت‌وگوها درباره اختلاف مرزی به توافق رسیدند، بر اساس بیانیه مشترکی که پس از دیدار منتشر شد.";
const FA2 = "به گفته مقامات، دور بعدی گفت‌وگوها که در ماه آینده برگزار می‌شود، بر حقوق آب، گذرگاه‌های تجاری و تبادل زندانیان متمرکز خواهد بود، هرچند ناظران محتاط هستند.";

test("extractArticle: Persian page with only a Solar Hijri date in the text", () => {
  const html = `<html lang="fa" dir="rtl"><head><title>از سرگیری گفت‌وگوها</title></head><body>
<div class="breadcrumb"><a href="/">خانه</a> › <a href="/siasi">سیاسی</a></div>
<div class="news"><span class="date-line">۲۰ اسفند ۱۴۰۲</span><p>${FA1}</p><p>همچنین بخوانید: <a href="/z">گفت‌وگوهای پیشین</a></p><p>${FA2}</p></div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [FA1, FA2]);
  assert.equal(a.published, "2024-03-10");
});

test("extractArticle: broken, unclosed HTML still yields the text", () => {
  const html = `<html><body><div class="nav"><a href="/">Home</a><a href="/b">News</a>
<div class="story"><p>${P1}<p>${P2}<div><b>${P3}</div>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [P1, P2, P3]);
  assert.ok(!a.text.includes("Home"));
});

test("extractArticle: empty and text-free pages give empty text, never a throw", () => {
  for (const html of ["", "   ", "<html></html>", "<html><body><script>x()</script></body></html>"]) {
    const a = extractArticle(html);
    assert.equal(a.text, "");
    assert.deepEqual(a.paragraphs, []);
    assert.equal(a.title, null);
  }
});

test("extractArticle: JSON-LD articleBody is used when the markup hides the article", () => {
  const body = `${P1}\n${P2}\n${P3}`;
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: "H", articleBody: body })}</script></head>
<body><div id="app">Loading…</div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [P1, P2, P3]);
});

test("pruneBoilerplate removes nav, cookie banner, hidden and sidebar subtrees but keeps the article", () => {
  const page = parseHtml(`<body><nav>Menu items here</nav><div class="cookie-consent">Accept cookies</div>
<div hidden>secret</div><div aria-hidden="true">icon text</div><div class="sidebar">Side links</div>
<div class="article-body"><p>${P1}</p></div></body>`);
  pruneBoilerplate(page.body);
  const text = toParagraphs([page.body]).join("\n");
  assert.equal(text, P1);
});

test("pruneBoilerplate keeps a <header> holding a lead paragraph and drops a logo header", () => {
  const page = parseHtml(`<body><header class="top"><a href="/">Logo</a></header><article><header><h1>Title</h1><p class="lead">${P2}</p></header><p>${P1}</p></article></body>`);
  pruneBoilerplate(page.body);
  assert.deepEqual(toParagraphs([page.body]), ["Title", P2, P1]);
});

test("findMainContent picks the prose container over a link list", () => {
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/n${i}">Headline number ${i} about some other event, with details</a></li>`).join("");
  const page = parseHtml(`<body><div class="list"><ul>${links}</ul></div><div id="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></body>`);
  pruneBoilerplate(page.body);
  const main = findMainContent(page.body);
  assert.ok(main);
  assert.deepEqual(toParagraphs(main), [P1, P2, P3]);
});

test("cleanContent cuts 'read also' lines, captions and a trailing 'Related' section", () => {
  const page = parseHtml(`<body><div id="x"><p>${P1}</p><p>Lesen Sie auch: <a href="/a">Ein anderer Artikel</a></p>
<figure><figcaption>Caption text</figcaption></figure><p>${P2}</p><h2>Related stories</h2><ul><li><a href="/r">Other story</a></li></ul></div></body>`);
  const div = page.body.children.find((c) => typeof c !== "string")!;
  if (typeof div === "string") throw new Error("no div");
  cleanContent([div], "Some title");
  assert.deepEqual(toParagraphs([div]), [P1, P2]);
});

test("toParagraphs breaks at blocks and <br>, glues inline elements", () => {
  const page = parseHtml(`<body><div>One <b>bold</b> word<br>Next line<p>Para</p><ul><li>a</li><li>b</li></ul></div></body>`);
  assert.deepEqual(toParagraphs([page.body]), ["One bold word", "Next line", "Para", "a", "b"]);
});

test("dates: normalizeDate, dateFromUrl, persianDateInText", () => {
  assert.equal(normalizeDate("2023-03-10T12:00:00Z"), "2023-03-10");
  assert.equal(normalizeDate("10.03.2023"), "2023-03-10");
  assert.equal(normalizeDate("Fri, 10 Mar 2023 12:00:00 GMT"), "2023-03-10");
  assert.equal(normalizeDate("not a date"), null);
  assert.equal(dateFromUrl("https://x.org/news/2023/03/10/story.html"), "2023-03-10");
  assert.equal(dateFromUrl("https://x.org/news/story-20230310.html"), "2023-03-10");
  assert.equal(dateFromUrl("https://x.org/news/story.html"), null);
  assert.equal(persianDateInText("تاریخ انتشار: ۱ فروردین ۱۴۰۳"), "2024-03-20");
  assert.equal(persianDateInText("۱۴۰۲/۱۲/۲۹"), "2024-03-19");
  assert.equal(persianDateInText("2024/03/19"), null);
});

test("decodeHtml: windows-1251 via <meta charset>, koi8-r via header, windows-1256, gzip, BOM", () => {
  const ruHtml = russianPage('<meta charset="windows-1251">');
  const cp1251 = iconv.encode(ruHtml, "windows-1251");
  const decoded = decodeHtml(cp1251);
  assert.equal(decoded, ruHtml);
  assert.deepEqual(extractArticle(decoded).paragraphs, [RU1, RU2]);
  const koi = iconv.encode(russianPage(""), "koi8-r");
  assert.equal(decodeHtml(koi, "text/html; charset=KOI8-R"), russianPage(""));
  const arHtml = `<html><body><p>${AR1}</p></body></html>`;
  assert.equal(decodeHtml(iconv.encode(arHtml, "windows-1256"), "text/html; charset=windows-1256"), arHtml);
  assert.equal(decodeHtml(gzipSync(Buffer.from(englishPage, "utf8"))), englishPage);
  assert.equal(decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>é</p>")])), "<p>é</p>");
  assert.equal(decodeHtml(new Uint8Array(0)), "");
  assert.equal(charsetFromContentType("text/html; charset=ISO-8859-1"), "windows-1252");
});

test("decodeHtml: undeclared windows-1251 is detected", () => {
  const html = `<html><body><p>${RU1}</p><p>${RU2}</p></body></html>`;
  assert.equal(decodeHtml(iconv.encode(html, "windows-1251")), html);
});

// Heuristics added for multilingual pages (sentences written for these tests).

const ES1 = "El ministro de Relaciones Exteriores se reunió el martes con su homólogo en la capital, donde ambos acordaron reanudar el diálogo sobre la frontera común.";
const ES2 = "Según fuentes oficiales, la próxima ronda de conversaciones se celebrará en marzo y tratará el comercio, el agua y el intercambio de prisioneros.";
const ES3 = "Los observadores advirtieron que las rondas anteriores se habían estancado por desacuerdos sobre la supervisión internacional del acuerdo.";

test("extractArticle: a <main> landmark wins over a longer notice outside it", () => {
  const notice = "Your browser is outdated, and some features of this website, including videos, maps, galleries and forms, will not work as expected. Please install a current browser, such as one of those listed below, to enjoy the full site. ".repeat(3);
  const html = `<html><body><div id="outdated"><div class="inner"><p>${notice}</p><p>${notice}</p></div></div>
<div class="page"><main><section><p>${P1}</p><p>${P2}</p></section></main></div></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [P1, P2]);
});

test("preferLandmark: no preference when the page has two separate <main> regions", () => {
  const page = parseHtml(`<body><main><p>${P1}</p></main><main><p>${P2}</p></main><div><p>${P3}</p><p>${P3}</p></div></body>`);
  pruneBoilerplate(page.body);
  const cands = scoreCandidates(page.body).sort((a, b) => b.score - a.score);
  assert.equal(preferLandmark(cands, page.body), null);
});

test("cleanContent: Spanish 'read also' lead-ins, lone labels with their linked headline, promo and label lines", () => {
  const html = `<html><body><article><div class="article-body">
<p>${ES1}</p>
<p><strong>LE PUEDE INTERESAR:</strong> <a href="/x">El presidente viaja a la cumbre regional de la próxima semana</a></p>
<p>${ES2}</p>
<p>Le puede interesar</p><p><a href="/y">Nuevas sanciones contra el comercio de armas ligeras</a></p>
<p>Vea también: Los cancilleres firman un acuerdo de cooperación</p>
<p>${ES3}</p>
<p>¡Suscríbete a nuestro boletín y recibe las noticias del día!</p>
<p>Actualizado:</p>
<h2>Weitere Beiträge aus der Kolumne:</h2>
<ul><li><a href="/z">Eine andere Geschichte aus derselben Reihe</a></li></ul>
</div></article></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [ES1, ES2, ES3]);
});

test("cleanContent: English subscribe/follow/app lines go, a sentence about subscribers stays", () => {
  const keep = "The streaming service said it had gained two million subscribers in the quarter, while its newsletter readership fell.";
  const html = `<html><body><article><div class="story-body"><p>${P1}</p><p>${keep}</p><p>${P2}</p>
<p>To view the full story, please subscribe to the Daily Example.</p>
<p>For the latest updates download the Daily Example apps for iOS and Android.</p>
<p>Follow us on Twitter and Instagram for more.</p><p>${P3}</p></div></article></body></html>`;
  assert.deepEqual(extractArticle(html).paragraphs, [P1, keep, P2, P3]);
});

test("findMainContent: a long <h2> standfirst above the body is kept, a short section heading is not", () => {
  const stand = "The two governments agree to resume talks after a year of silence, but the hardest questions are left for later rounds.";
  const html = `<html><body><article><div class="top"><header><h1>Ministers agree</h1><h2 class="subheadline">${stand}</h2><h2>World</h2></header></div>
<div class="wrap"><div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></div></article></body></html>`;
  const a = extractArticle(html);
  assert.deepEqual(a.paragraphs, [stand, P1, P2, P3]);
});

test("pruneBoilerplate: a German-named comment section (kommentare) is dropped", () => {
  const html = `<html><body><main><div class="article-body"><p>${P1}</p><p>${P2}</p></div>
<section class="kommentare"><p>Keine Kommentare bisher, schreiben Sie den ersten Kommentar zu diesem Beitrag hier.</p></section></main></body></html>`;
  assert.deepEqual(extractArticle(html).paragraphs, [P1, P2]);
});

/** Deepest element of a tree (iteratively: the tree may be wide). */
function maxDepth(root: ReturnType<typeof parseHtml>["root"]): number {
  let max = 0;
  const stack: [typeof root, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of n.children) if (typeof c !== "string") stack.push([c, d + 1]);
  }
  return max;
}

test("parseHtml: nesting past MAX_TREE_DEPTH is flattened into siblings; the text is all kept", () => {
  const n = 3 * MAX_TREE_DEPTH;
  const page = parseHtml(`<body>${"<div>x ".repeat(n)}<p>${P1}</p>${"</div>".repeat(n)}<p>${P2}</p></body>`);
  assert.ok(maxDepth(page.root) <= MAX_TREE_DEPTH + 1, `depth ${maxDepth(page.root)}`);
  const text = toParagraphs([page.body]).join(" ");
  assert.equal(text.split(" ").filter((w) => w === "x").length, n, "every nested div's text is kept");
  assert.ok(text.endsWith(`${P1} ${P2}`), "the closing tags still close the flattened elements");
});

test("parseHtml: implied end tags, stray end tags and </p> without <p> follow htmlparser2's rules", () => {
  const page = parseHtml(`<body><div><p>one<p>two</span><div>three</div></p>four</div><ul><li>a<li>b</ul></body>`);
  assert.deepEqual(toParagraphs([page.body]), ["one", "two", "three", "four", "a", "b"]);
  const div = page.body.children[0] as Exclude<(typeof page.body.children)[0], string>;
  assert.deepEqual(div.children.filter((c) => typeof c !== "string").map((c) => (c as typeof div).tag), ["p", "p", "div", "p"]);
});

test("extractArticle: pathological pages (100,000 deep, 100,000 stray end tags, 100,000 siblings) take linear time", () => {
  const body = `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`;
  const pages = {
    nested: "<html><body>" + "<div>".repeat(100_000) + body + "</div>".repeat(100_000) + "</body></html>",
    unclosed: "<html><body>" + "<span><div>".repeat(50_000) + body,
    stray: "<html><body>" + "<div>".repeat(2_000) + "</span>".repeat(100_000) + body,
    siblings: "<html><body>" + '<div class="ad"><a href="/x">link</a></div>'.repeat(100_000) + body + "</body></html>",
  };
  for (const [name, html] of Object.entries(pages)) {
    const t = performance.now();
    const a = extractArticle(html);
    const ms = performance.now() - t;
    assert.deepEqual(a.paragraphs, [P1, P2, P3], name);
    // Quadratic behaviour took minutes on these; linear takes about a second on a loaded machine.
    assert.ok(ms < 15_000, `${name}: ${ms.toFixed(0)} ms`);
  }
});

test("innerTextStart is innerText's beginning, read only as far as needed", () => {
  const html = `<body><div> \u00a0Erste\u3000Zeile</div><p>  second\tline, <b>bold</b>\n\n<i>x</i></p>${"<p>filler words here</p>".repeat(50)}<p>الفقرة الأخيرة</p></body>`;
  const page = parseHtml(html);
  const full = innerText(page.body);
  for (const k of [0, 1, 5, 6, 12, 13, 30, 200, full.length, full.length + 10]) assert.equal(innerTextStart(page.body, k), full.slice(0, k), `k=${k}`);
});
