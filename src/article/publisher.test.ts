import { test } from "node:test";
import assert from "node:assert/strict";
import { ANY_AGENCY, agencyMatches, agencyNameSpans, firstDomain, parseTextDump } from "./index.js";
import { PUBLISHERS, publisherOfHost } from "./publisher.js";
import { foldForDates } from "../dates/index.js";

const parse = (text: string) => parseTextDump({ name: "t", origin: "t", text, encoding: "UTF-8" });

test("a host's country: the table (and its subdomains), government domains under a ccTLD, the TLD", () => {
  assert.deepEqual(publisherOfHost("www.gov.uk"), { country: "GBR", host: "gov.uk", kind: "table", international: false });
  assert.equal(publisherOfHost("en.kremlin.ru")?.country, "RUS");
  assert.equal(publisherOfHost("english.news.cn")?.country, "CHN");
  assert.equal(publisherOfHost("afp.com")?.international, true);
  // The general rule for official sites not in the table.
  for (const [host, country] of [["mfa.gov.kg", "KGZ"], ["www.mofa.go.kr", "KOR"], ["presidencia.gob.ar", "ARG"], ["diplomatie.gouv.fr", "FRA"], ["mfa.am", "ARM"], ["president.az", "AZE"], ["state.gov", "USA"]] as const) {
    const p = publisherOfHost(host);
    assert.equal(p?.country, country, host);
    assert.equal(p?.kind, "government", host);
  }
  // A newspaper under a country-code TLD; names under vanity TLDs and generic ones say nothing.
  assert.deepEqual(publisherOfHost("www.example-daily.cl"), { country: "CHL", host: "example-daily.cl", kind: "tld", international: false });
  assert.equal(publisherOfHost("example.tv"), null);
  assert.equal(publisherOfHost("example.com"), null);
});

test("the publisher from the text: a header url, the dateline's agency, a cited agency (with its span)", () => {
  const official = parse("url: https://mfa.gov.kg/en/news/1\n\nMinisters meet on river transit\n\nThe ministers met on Tuesday and discussed river transit.");
  assert.equal(official.publisher?.country, "KGZ");
  assert.equal(official.publisher?.from, "header");

  const dateline = [
    "Министры обсудили строительство новой дороги",
    "",
    "Ош, 12 апреля. /Кабар/. Министры транспорта двух стран сегодня обсудили строительство новой дороги.",
  ].join("\n");
  const d = parse(dateline);
  assert.equal(d.publisher?.country, "KGZ");
  assert.equal(d.publisher?.from, "dateline");
  assert.equal(dateline.slice(d.publisher!.span!.start, d.publisher!.span!.end), "Кабар");

  const cited = "Ministers meet on river transit\n\nThe foreign minister arrived in the capital on a working visit, according to Kazinform.";
  const c = parse(cited);
  assert.equal(c.publisher?.country, "KAZ");
  assert.equal(c.publisher?.from, "cited");
  assert.equal(cited.slice(c.publisher!.span!.start, c.publisher!.span!.end), "Kazinform");
  // A name used as a word, not as a source, is no citation ("a trend", "the Trend of the year").
  assert.equal(parse("Ministers meet on river transit\n\nThe ministers noted a growing trend in river transit between the two countries.").publisher, null);
});

test("agency names are found where a search of the whole pattern finds them, and only there", () => {
  // Sentences of our own around agency names, folded as the body is (lower case).
  const texts = [
    "according to the associated press, the talks went well (reuters).",
    "президент заявил, передает тасс.\u00a0мид сообщил, пишет риа новости",
    "به گزارش ایرنا، وزیر خارجه وارد شد",
    "新华社北京电 外交部发言人表示",
    "said reutersnews, then ap and afp; xinhua reported. associated\u00a0press said",
    "",
  ];
  for (const text of texts) {
    const expected = [...text.matchAll(ANY_AGENCY)].map((m) => [m.index, m[0]]);
    const found = [...agencyMatches(text)].map((m) => [m.index, m[0]]);
    assert.deepEqual(found, expected, text);
    // Read within a longer text (a paragraph of the whole text), names cut at the edges.
    const within = `tass ${text}ap`;
    const inside = [...agencyMatches(text, within, 5)].map((m) => [m.index, m[0]]);
    assert.deepEqual(inside, expected, text);
  }
  assert.ok([...agencyMatches("the agency (reuters) said")].length >= 1);
});

test("the first domain a text names, searched from where one can begin", () => {
  const cases: Array<[string, [number, string] | null]> = [
    ["Read more on www.example.com today", [13, "www.example.com"]],
    // After an @ it is a mail address; a word glued to a hyphen is not a domain.
    ["Write to press@agency.tj or visit agency.tj.", [34, "agency.tj"]],
    ["The news.tj-style pages and khovar.tj", [28, "khovar.tj"]],
    ["Sources: mid.ru/ru/press and president.tj", [9, "mid.ru"]],
    ["A long run of words before the site, then the end: sub.example.com.tr, and more", [51, "sub.example.com.tr"]],
    ["ſite.com", [0, "ſite.com"]],
    ["No site here, only a sentence. And another one.", null],
  ];
  for (const [text, want] of cases) {
    const m = firstDomain(text);
    assert.deepEqual(m ? [m.index, m[1]] : null, want, text);
  }
});

test("agencyMatches finds what matchAll finds around every agency name, whole, cut, glued and spaced", () => {
  const names = PUBLISHERS.flatMap((p) => p.names).map((n) => foldForDates(n));
  const pieces: string[] = [];
  for (const name of names) {
    pieces.push(name, `x${name}`, `${name}x`, name.replace(/ /g, "  \n"), name.slice(0, -1), name.slice(1), `(${name})`);
  }
  // A number or letter outside the BMP after a name, a lone surrogate, and a slice that ends
  // inside a pair (the pattern reads only the slice: a lone high surrogate there).
  for (const name of names) {
    for (const text of [`${name}\u{1d7ce} ${name}\ud800 ${name}\u{10400}`, `said ${name}`]) {
      const expected = [...text.matchAll(ANY_AGENCY)].map((m) => [m.index, m[0]]);
      assert.deepEqual([...agencyMatches(text)].map((m) => [m.index, m[0]]), expected, text);
    }
    const within = `(${name}\u{1d7ce})`;
    const cut = within.slice(1, name.length + 2);
    const expected = [...cut.matchAll(ANY_AGENCY)].map((m) => [m.index, m[0]]);
    assert.deepEqual([...agencyMatches(cut, within, 1)].map((m) => [m.index, m[0]]), expected, cut);
  }
  // Names next to each other (one's end may start another), in running text.
  for (let i = 0; i < pieces.length; i += 7) {
    const text = `the report ${pieces.slice(i, i + 14).join(i % 2 ? " " : "")} said, per ${pieces[(i * 5) % pieces.length]}.`;
    const expected = [...text.matchAll(ANY_AGENCY)].map((m) => [m.index, m[0]]);
    assert.deepEqual([...agencyMatches(text)].map((m) => [m.index, m[0]]), expected, text);
  }
});

test("each agency name is found where its own pattern finds it first, whole, cut, glued and spaced", () => {
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const patterns = new Map<string, RegExp>();
  for (const name of PUBLISHERS.flatMap((p) => p.names)) {
    const esc = escape(foldForDates(name));
    patterns.set(name, new RegExp(/\p{Script=Han}/u.test(name) ? esc : `(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, "u"));
  }
  const names = PUBLISHERS.flatMap((p) => p.names).map((n) => foldForDates(n));
  const texts: string[] = [];
  for (const name of names) {
    texts.push(name, `x${name}`, `${name}x`, `${name} ${name}`, `x${name} ${name}.`, name.replace(/ /g, "  \n"), name.slice(0, -1), `(${name})`,
      `\u{1d400}${name}`, `${name}\u{1d7ce}`, `\u{10400}${name} \ud800${name}\udc00`, `${name}5`, `٣${name}`);
  }
  for (const text of texts) {
    for (const { name, span } of agencyNameSpans(text)) {
      const m = patterns.get(name)!.exec(text);
      assert.deepEqual(span, m ? [m.index, m.index + m[0].length] : null, `${name} in ${text}`);
    }
  }
});

test("the source is the first place the text names, the publisher the first known one, read in order", () => {
  // A masthead domain of no known publisher is the source; the publisher comes from an agency the
  // body cites further down (the places after the source are still read for it).
  const masthead = [
    "riverside-daily.com",
    "",
    "Ministers meet on river transit",
    "",
    "The foreign minister arrived in the capital on a working visit, according to Kazinform.",
  ].join("\n");
  const m = parse(masthead);
  assert.equal(m.source, "riverside-daily.com");
  assert.equal(m.publisher?.host, "kazinform.kz");
  assert.equal(m.publisher?.from, "cited");
  // The dateline's agency is both, ahead of an agency the body cites.
  const both = [
    "Министры обсудили строительство новой дороги",
    "",
    "Ош, 12 апреля. /Кабар/. Министры транспорта двух стран сегодня обсудили строительство новой дороги, передает Казинформ.",
  ].join("\n");
  const b = parse(both);
  assert.equal(b.source, "kabar.kg");
  assert.equal(b.publisher?.host, "kabar.kg");
  assert.equal(b.publisher?.from, "dateline");
  // A body citation alone gives the publisher but never the source.
  const cited = parse("Ministers meet on river transit\n\nThe foreign minister arrived in the capital on a working visit, according to Kazinform.");
  assert.equal(cited.source, null);
  assert.equal(cited.publisher?.host, "kazinform.kz");
});
