import { test } from "node:test";
import assert from "node:assert/strict";
import { lineKindsOf, lineMarks, parseTextDump, textStats } from "./index.js";
import type { Article } from "../types.js";

function parse(text: string): Article {
  return parseTextDump({ name: "t", origin: "t", text, encoding: "UTF-8" });
}

function body(a: Article): string[] {
  return a.paragraphs.map((p) => a.text.slice(p.start, p.end));
}

test("English dump: menus, repeated title, year on a separate line, related block", () => {
  const text = [
    "Example News Agency",
    "Home   World   Business   Sport",
    "",
    "Foreign ministers of Ruritania and Freedonia discuss river transit",
    "",
    "Foreign ministers of Ruritania and Freedonia discuss river transit",
    "May 4",
    "10:15 2021",
    "",
    "STRELSAU, May 4 (Examplenews) – The foreign ministers of the two countries met today to discuss transit along the shared river.",
    "",
    "Photo: the ministers at the press conference",
    "",
    "They agreed to set up a working group that will report within three months.",
    "",
    "Related Articles",
    "Ruritania opens a new consulate in the north",
    "Freedonia to host a regional trade fair next spring",
    "Views: 1,204",
    "© 2021 Example News Agency. All rights reserved.",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.title, "Foreign ministers of Ruritania and Freedonia discuss river transit");
  assert.equal(a.titleSpan!.start, text.indexOf("Foreign ministers", text.indexOf("Foreign ministers") + 1));
  assert.equal(a.published, "2021-05-04");
  assert.equal(a.dateline?.place, "STRELSAU");
  assert.deepEqual(body(a), [
    "The foreign ministers of the two countries met today to discuss transit along the shared river.",
    "They agreed to set up a working group that will report within three months.",
  ]);
});

test("Russian dump: counter, dateline with agency, Read also block and source", () => {
  const text = [
    "Кабар — национальное агентство",
    "Главная | Политика | Экономика",
    "",
    "Министры обсудили строительство новой дороги",
    "12.04.2021 15:30",
    "Просмотров: 3 215",
    "",
    "Ош, 12 апреля. /Кабар/. Министры транспорта двух стран сегодня обсудили строительство новой дороги.",
    "",
    "Стороны договорились подготовить проект соглашения до конца года.",
    "",
    "Читайте также:",
    "Погода на выходные: ожидаются дожди",
    "Курс валют на 13 апреля",
    "",
    "Поделиться: Facebook  Telegram",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.title, "Министры обсудили строительство новой дороги");
  assert.equal(a.published, "2021-04-12");
  assert.equal(a.dateline?.place, "Ош");
  assert.equal(a.source, "kabar.kg");
  assert.deepEqual(body(a), [
    "Министры транспорта двух стран сегодня обсудили строительство новой дороги.",
    "Стороны договорились подготовить проект соглашения до конца года.",
  ]);
});

test("an inline 'Read also' headline inside the body is dropped, the body continues", () => {
  const text = [
    "Two ministers sign a memorandum on water cooperation",
    "",
    "The ministers of water of the two neighbouring states signed a memorandum on Tuesday.",
    "",
    "Read also: Heavy rains expected in the capital this week",
    "",
    "The memorandum covers data exchange on river flows and joint flood warnings.",
  ].join("\n");
  const a = parse(text);
  assert.deepEqual(body(a), [
    "The ministers of water of the two neighbouring states signed a memorandum on Tuesday.",
    "The memorandum covers data exchange on river flows and joint flood warnings.",
  ]);
  assert.equal(a.published, null);
});

test("Arabic dump: Eastern digits in the date line, dateline with agency, related block", () => {
  const text = [
    "الرئيسية | أخبار | اقتصاد",
    "وزيرا الخارجية يبحثان تعزيز التعاون الاقتصادي بين البلدين",
    "١٢ مايو ٢٠٢١",
    "",
    "الرياض في 12 مايو/ واس/ بحث وزيرا الخارجية اليوم سبل تعزيز التعاون الاقتصادي بين البلدين الشقيقين.",
    "",
    "واتفق الجانبان على عقد اجتماع للجنة المشتركة قبل نهاية العام الجاري.",
    "",
    "اقرأ أيضا",
    "ارتفاع أسعار النفط في التعاملات الآسيوية",
    "حالة الطقس غدا",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.title, "وزيرا الخارجية يبحثان تعزيز التعاون الاقتصادي بين البلدين");
  assert.equal(a.published, "2021-05-12");
  assert.equal(a.dateline?.place, "الرياض");
  assert.equal(a.source, "spa.gov.sa");
  assert.equal(body(a)[0].startsWith("بحث وزيرا الخارجية"), true);
  assert.equal(body(a).length, 2);
});

test("Persian dump with a Jalali date line and tags", () => {
  const text = [
    "گفت‌وگوی تلفنی وزیران خارجه دو کشور درباره همکاری‌های منطقه‌ای",
    "۲۵ اردیبهشت ۱۴۰۰، ۱۰:۲۰",
    "",
    "تهران- ایرنا- وزیران امور خارجه دو کشور در گفت‌وگویی تلفنی درباره همکاری‌های منطقه‌ای رایزنی کردند.",
    "",
    "دو طرف بر ادامه رایزنی‌ها در سطوح مختلف تأکید کردند.",
    "",
    "برچسب‌ها: دیپلماسی، همکاری",
    "مطالب مرتبط",
    "افزایش صادرات غیرنفتی در ماه گذشته",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.published, "2021-05-15");
  assert.equal(a.dateline?.place, "تهران");
  assert.equal(a.source, "irna.ir");
  assert.equal(body(a).length, 2);
  assert.ok(body(a)[0].startsWith("وزیران امور خارجه"));
});

test("Tajik prose starting with a date is not a dateline; counters and calendars are dropped", () => {
  const text = [
    "Асосӣ   Ахбор   Сафарҳо",
    "Вохӯрии вазирони корҳои хориҷии ду кишвар",
    "14.05.2021 11:00",
    "Рӯзи 14 май вазирони корҳои хориҷии ду кишвар дар шаҳри Душанбе мулоқот карданд.",
    "Ҷонибҳо масъалаҳои ҳамкориро баррасӣ намуданд.",
    "Ахбори дигар",
    "Май 2021",
    "Дш Сш Чш Пш Ҷм Шб Яш",
    "Шумораи хонандагон",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.title, "Вохӯрии вазирони корҳои хориҷии ду кишвар");
  assert.equal(a.dateline, null);
  assert.equal(a.published, "2021-05-14");
  assert.deepEqual(body(a), [
    "Рӯзи 14 май вазирони корҳои хориҷии ду кишвар дар шаҳри Душанбе мулоқот карданд.",
    "Ҷонибҳо масъалаҳои ҳамкориро баррасӣ намуданд.",
  ]);
});

test("Chinese dump: date line with source, agency dateline prefix", () => {
  const text = [
    "两国外长举行会谈",
    "",
    "2021-05-20 09:30:00  来源：新华社",
    "",
    "新华社上海5月20日电 两国外长20日在上海举行会谈，就双边关系和共同关心的问题交换了意见。",
    "",
    "双方同意加强在经贸、人文等领域的合作。",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.title, "两国外长举行会谈");
  assert.equal(a.published, "2021-05-20");
  assert.equal(a.dateline?.place, "上海");
  assert.equal(a.source, "xinhuanet.com");
  assert.ok(body(a)[0].startsWith("两国外长20日"));
});

test("a domain named in the page footer is the source", () => {
  const text = [
    "Turkish and Azerbaijani ministers meet in Ankara",
    "",
    "ANKARA (Agency) - The ministers met in Ankara on Friday and discussed energy projects in the region.",
    "",
    "© 2021 www.example-news.com.tr",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.source, "example-news.com.tr");
  assert.equal(a.dateline?.place, "ANKARA");
  assert.equal(body(a).length, 1);
});

test("a header date in Persian digits is the publication date; a long line full of dates is prose", () => {
  const text = [
    "خبرگزاری نمونه",
    "",
    "دیدار وزیران خارجه دو کشور در پایتخت برگزار شد",
    "۱۷ فروردین ۱۴۰۲",
    "",
    "وزیران خارجه دو کشور امروز در پایتخت دیدار و درباره همکاری‌های اقتصادی و ترانزیتی گفتگو کردند.",
    "آنها توافق کردند که نشست بعدی را در ماه آینده برگزار کنند و گزارش کارگروه مشترک را بررسی کنند.",
  ].join("\n");
  const a = parse(text);
  assert.equal(a.published, "2023-04-06");
  assert.equal(a.title, "دیدار وزیران خارجه دو کشور در پایتخت برگزار شد");

  const dated = [
    "Ministers review the transit agreement",
    "",
    "The two delegations held their meetings in the capital on 3 March 2024, 4 March 2024, 5 March 2024 and 6 March 2024.",
    "The ministers agreed on a schedule for the next round of talks.",
  ].join("\n");
  assert.equal(body(parse(dated))[0].startsWith("The two delegations held"), true);
});

test("metadata fields at the top: a date (full or month-only) and a url, followed by the page on the same line", () => {
  const text = " date 2024-10-08 Ruritania and Freedonia agree on a new border crossing\n\nThe foreign ministers of Ruritania and Freedonia signed an agreement on a new border crossing on Monday.";
  const a = parse(text);
  assert.equal(a.published, "2024-10-08");
  assert.equal(text.slice(a.publishedSpan!.start, a.publishedSpan!.end), "2024-10-08");
  assert.equal(a.title, "Ruritania and Freedonia agree on a new border crossing");
  assert.equal(a.titleSpan!.start, text.indexOf("Ruritania"));

  const month = parse(" date 2022-11 The presidents of the two republics met in the capital last week and discussed the transit of goods.\n\nThey agreed to meet again in spring.");
  assert.equal(month.published, "2022-11");
  assert.ok(body(month)[0].startsWith("The presidents of the two republics"));

  const fields = parse("url: https://www.example.gov.xx/news/123\nDate: 5 December 2023\n\nMinisters meet on river transit\n\nThe ministers met on Tuesday and discussed river transit through the region.");
  assert.equal(fields.published, "2023-12-05");
  assert.equal(fields.source, "example.gov.xx");
  assert.equal(fields.title, "Ministers meet on river transit");

  // A date line that gives only a month.
  const monthLine = parse("Ministers meet on river transit\nDecember 2023\n\nThe ministers met and discussed river transit through the region.");
  assert.equal(monthLine.published, "2023-12");

  // A first line that only starts with the word is no field.
  const prose = parse("Date palms were the main topic of the talks\n\nThe ministers of agriculture discussed date palm exports and irrigation on Friday.");
  assert.equal(prose.published, null);
  assert.equal(prose.title, "Date palms were the main topic of the talks");
});

test("title: not a photo credit, a caption written twice, a read-on-site prompt or a place-agency line", () => {
  const credit = parse([
    "Radio Example",
    "",
    "Ministry summons the charge d'affaires of Freedonia over border incident",
    "",
    "   The ministry building in the capital© Example Agency / John Smith",
    "The ministry building in the capital© Example Agency / John Smith",
    "",
    "The Ministry of Foreign Affairs of Ruritania summoned the charge d'affaires of Freedonia on Monday.",
  ].join("\n"));
  assert.equal(credit.title, "Ministry summons the charge d'affaires of Freedonia over border incident");
  assert.equal(body(credit).length, 1);

  const caption = parse([
    "两国外长会谈细节公布 双方同意加强沟通",
    "",
    "2024-03-02 10:15",
    "2024年3月1日,两国外长在会议期间会面。(示例社)",
    "2024年3月1日,两国外长在会议期间会面。(示例社)",
    "",
    "两国外长1日在会议期间举行会谈,双方就双边关系和共同关心的国际问题交换了意见,同意加强沟通。",
  ].join("\n"));
  assert.equal(caption.title, "两国外长会谈细节公布 双方同意加强沟通");
  // A headline written twice with nothing above it is still the title.
  const twice = parse("Ministers meet on river transit in the capital\nMinisters meet on river transit in the capital\n\nThe ministers met on Tuesday and discussed river transit through the region.");
  assert.equal(twice.title, "Ministers meet on river transit in the capital");

  const prompt = parse([
    "Министры обсудили строительство новой дороги",
    "",
    "Читать на сайте Пример Новости",
    "Министры транспорта двух стран сегодня обсудили строительство новой дороги через перевал.",
  ].join("\n"));
  assert.equal(prompt.title, "Министры обсудили строительство новой дороги");

  const placeAgency = parse([
    "Ruritania hands over medical supplies to the health ministry of Freedonia",
    "",
    "Strelsau - Example News",
    "The ambassador of Ruritania handed over forty tonnes of medicines to the health ministry on Sunday.",
  ].join("\n"));
  assert.equal(placeAgency.title, "Ruritania hands over medical supplies to the health ministry of Freedonia");
  // ...and that line is the dateline: the place is the part that is not the agency.
  assert.equal(placeAgency.dateline?.place, "Strelsau");
  assert.equal(parse("Ministers meet on river transit\n\nExample Post - Strelsau\nThe ministers met on Tuesday and discussed river transit through the region.").dateline?.place, "Strelsau");
});

test("title: of a headline and a restatement of it just below, the headline", () => {
  const a = parse([
    "Breaking",
    "",
    "Ruritania summons the ambassador of Freedonia over remarks by its minister",
    "",
    "Ruritanian diplomacy",
    "Ruritania summons the Freedonian ambassador again",
    "",
    "The Foreign Ministry of Ruritania announced on Tuesday that it would summon the ambassador of Freedonia.",
  ].join("\n"));
  assert.equal(a.title, "Ruritania summons the ambassador of Freedonia over remarks by its minister");
  // A repeated identical title stays the one nearest the body (see the first test).
});

test("a last line the text cuts off mid-sentence is body; a closing headline or end mark is not", () => {
  const cut = [
    "Ministers meet on river transit",
    "",
    "The ministers met on Tuesday and discussed river transit through the region.",
    "",
    "A second round",
    "",
    "The sides agreed to hold the next round of talks in the",
  ].join("\n");
  const a = parse(cut);
  assert.deepEqual(body(a).slice(-2), ["A second round", "The sides agreed to hold the next round of talks in the"]);
  assert.equal(a.cut, true);
  const broken = parse("Ministers meet on river transit\n\nThe ministers met on Tuesday and discussed river transit.\nThe sides agreed to hold the next round \uFFFD\n");
  assert.equal(body(broken).length, 2);
  assert.equal(broken.cut, true);
  // The same line followed by a line break is a headline of another article.
  const headline = parse(cut + "\n");
  assert.equal(body(headline).length, 1);
  assert.equal(headline.cut, false);
  const mark = parse("Ministers meet on river transit\n\nThe ministers met on Tuesday and discussed river transit.\n--0--");
  assert.equal(mark.cut, false);
});

test("a body cut off is told by the last code point of its last paragraph, as /[\\p{L}\\p{N},،，]$/u reads it", () => {
  // (A last line long enough to be prose whatever it ends with.)
  const head = "Ministers meet on river transit\n\nThe ministers met on Tuesday and discussed river transit for an hour, and then they went on to talk about the new bridge over the river and the roads that lead to it from both sides, and";
  const ends = ["x", "5", "٣", ",", "،", "，", ".", "-", "\u{10400}", "\u{1d7ce}", "\u{1f600}", "\ud800", "\udc00", "a\udc00", "\u0301"];
  for (const end of ends) {
    const a = parse(head + end);
    const last = a.paragraphs[a.paragraphs.length - 1];
    assert.ok(last.end === a.text.length, JSON.stringify(end));
    const expected = /[\p{L}\p{N},،，]$/u.test(a.text.slice(Math.max(last.start, last.end - 2), last.end));
    assert.equal(a.cut, expected, JSON.stringify(end));
  }
});

test("Chinese: an agency dateline ending in 电 is cut; a first sentence that names a day early is body", () => {
  const wire = parse("习近平会见越南国家主席\n\n2025-03-04\n\n新华社北京3月4日电 国家主席习近平3日在北京会见越南国家主席苏林。\n\n双方就双边关系交换意见。\n");
  assert.equal(wire.dateline?.place, "北京");
  assert.ok(body(wire)[0].startsWith("国家主席习近平3日"), body(wire)[0]);
  const prose = parse("外长会面\n\n2025-07-12\n\n中国外交部长王毅与美国国务卿鲁比奥11日在吉隆坡会面。\n\n双方讨论了双边关系。\n");
  assert.equal(prose.dateline, null);
  assert.ok(body(prose)[0].startsWith("中国外交部长王毅"), body(prose)[0]);
});

test("a line's letters, words and Han characters, counted in one pass, are what the patterns count", () => {
  const lines = [
    "", "   ", "Read also: Ministers meet in Dusanbe", "12:45 | 05.03.2024", "© 2024 Агентство «Ховар»",
    "外交部长王毅3月4日在北京会见", "〇 二〇二四年", "⺀ radicals ⼀", "only 𠀋 (an astral Han letter) here", "𝐁𝐨𝐥𝐝 letters, 𝟏𝟐 digits",
    "a lone \ud800 high and \udc00 low surrogate", "non\u00a0breaking\u3000ideographic\u2003spaces", "tab\tand\nnewline",
    "وزير الخارجية — ۱۲ مارس", "- 42 -", "e\u0301tude", "\ud83d\ude00 ok",
  ];
  for (const s of lines) {
    const letters = (s.match(/\p{L}/gu) ?? []).length;
    const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    assert.deepEqual(textStats(s), { letters, words, han: /\p{Script=Han}/u.test(s) }, JSON.stringify(s));
  }
});

test("the marks a line is scanned for are what the substring tests and patterns find", () => {
  const lines = [
    "", "Home | News | Sport", "Home|News", "Home |\u00a0News", "Prices   rose    sharply", "two  spaces only",
    "Home › World › Asia", "Home ›World", "» Read more", "quote »\u2003next", "a > b", "ends with >", "© Agency / Photo",
    "Updated 12:45", "وزير الخارجية ۱۲ مارس", "السبت ١٢ مارس", "no digits here", "𝟏𝟐 astral digits", "\ud83d\ude00   after a pair",
    "a\u00a0\u00a0\u00a0b", "x \ud800 lone › \t",
  ];
  for (const s of lines) {
    const marks = lineMarks(s);
    assert.equal(marks.asciiDigit, /\d/.test(s), `digit ${JSON.stringify(s)}`);
    assert.equal(marks.digit, /[0-9\u0660-\u0669\u06f0-\u06f9]/.test(s), `any digit ${JSON.stringify(s)}`);
    assert.equal(marks.pipe, s.includes("|"), `pipe ${JSON.stringify(s)}`);
    assert.equal(marks.tripleSpace, s.includes("   "), `spaces ${JSON.stringify(s)}`);
    assert.equal(marks.arrowSpace, /[›»>]\s/.test(s), `arrow ${JSON.stringify(s)}`);
    assert.equal(marks.copyright, s.includes("©"), `copyright ${JSON.stringify(s)}`);
  }
});

test("long lines are classified by their first words as they are by the whole line's counts", () => {
  const prose = "The ministers of the two countries met in the capital on Tuesday to discuss trade and border security";
  const lines = [
    // Ends a sentence: four words decide (a line over 90 units), unless a menu pattern or © is there.
    `${prose}.`,
    `${prose}, and agreed to meet again in the spring of next year in the other capital city as well.`,
    `Home | News | World | ${prose}.`,
    `Home|News|World|${prose}.`,
    `Prices   Markets   Sport   ${prose}.`,
    `Two   gaps only at the start of ${prose}.`,
    `Talks in Minsk © Agency / Photographer: ${prose.slice(0, 70)}.`,
    `Talks in Minsk © Agency / Photographer: ${prose} and more words after it to pass the long line length.`,
    // No sentence end: fifteen words make a long line prose; under 160 units it is a heading.
    `${prose} and the ministers also spoke about energy transit and the water of shared rivers`,
    `${prose.slice(0, 95)}`,
    `Lorem-ipsum-dolor-sit-amet-consectetur-adipiscing-elit-sed-do-eiusmod-tempor-incididunt-ut-labore-et-dolore-magna ${"x".repeat(60)} a b c`,
    `${"12345 ".repeat(30)}words only four here`,
    `${"12345 ".repeat(30)}words only four here.`,
    `${"— ".repeat(50)}one two three.`,
    // Han, astral letters, non-breaking spaces, lone surrogates.
    `${"外交部长王毅3月4日在北京会见越南国家主席苏林，双方就双边关系交换意见".repeat(3)}`,
    `${"𝐁𝐨𝐥𝐝 ".repeat(25)}.`,
    `${"word\u00a0".repeat(40)}end.`,
    `${"\ud800 ".repeat(60)}one two three four.`,
  ];
  const text = lines.join("\n\n");
  const fast = lineKindsOf(text, true);
  const slow = lineKindsOf(text, false);
  assert.deepEqual(fast, slow);
  const kinds = fast.filter((_, i) => i % 2 === 0);
  assert.deepEqual(kinds.slice(0, 10), ["paragraph", "paragraph", "menu", "paragraph", "menu", "paragraph", "junk", "paragraph", "paragraph", "short"]);
  assert.equal(kinds[14], "paragraph");
});

