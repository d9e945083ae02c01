import { test } from "node:test";
import assert from "node:assert/strict";
import { oneSentence, ruleSegments, splitSentences, shouldJoin } from "./index.js";
import type { Lang, Sentence, Span } from "../types.js";

/** Split a one-paragraph text and return the sentence strings. */
function split(text: string, lang: Lang): string[] {
  return splitSentences(text, [{ start: 0, end: text.length }], lang).map((s) => text.slice(s.start, s.end));
}

// All sentences below were written for these tests.

test("English: titles, initials, month abbreviations, U.S. at a sentence end", () => {
  assert.deepEqual(
    split("Mr. Smith met Dr. Jones in Washington on Jan. 5. They spoke about John F. Kennedy; the talks went well. Both sides visited the U.S. The next day they left.", "en"),
    [
      "Mr. Smith met Dr. Jones in Washington on Jan. 5.",
      "They spoke about John F. Kennedy; the talks went well.",
      "Both sides visited the U.S.",
      "The next day they left.",
    ],
  );
  assert.deepEqual(split("Talks were held in the U.S. capital on Monday. No. 10 issued a statement.", "en"), [
    "Talks were held in the U.S. capital on Monday.",
    "No. 10 issued a statement.",
  ]);
});

test("Russian: initials, г. before a city, г. after a year, т.ч., dates with dots", () => {
  assert.deepEqual(
    split("В.В. Путин прибыл в г. Душанбе 16.09.2022 с визитом. Переговоры прошли в т.ч. по вопросам торговли. Ш. Мирзиёев также принял участие во встрече в 2022 г. Следующий саммит пройдёт в Астане.", "ru"),
    [
      "В.В. Путин прибыл в г. Душанбе 16.09.2022 с визитом.",
      "Переговоры прошли в т.ч. по вопросам торговли.",
      "Ш. Мирзиёев также принял участие во встрече в 2022 г.",
      "Следующий саммит пройдёт в Астане.",
    ],
  );
});

test("Tajik: single-letter abbreviations and initials", () => {
  assert.deepEqual(
    split("Э. Раҳмон дар ш. Душанбе бо меҳмонон мулоқот кард. Ҷонибҳо ҳамкориро муҳокима намуданд.", "tg"),
    ["Э. Раҳмон дар ш. Душанбе бо меҳмонон мулоқот кард.", "Ҷонибҳо ҳамкориро муҳокима намуданд."],
  );
});

test("Arabic: splits on . and ؟ and !, keeps ؛ inside", () => {
  assert.deepEqual(split("استقبل الرئيس وزير الخارجية. هل تم الاتفاق؟ نعم! وقال إن العلاقات جيدة؛ وإن التعاون مستمر.", "ar"), [
    "استقبل الرئيس وزير الخارجية.",
    "هل تم الاتفاق؟",
    "نعم!",
    "وقال إن العلاقات جيدة؛ وإن التعاون مستمر.",
  ]);
});

test("Persian: splits on . and ؟, keeps the dotted abbreviation ج.ا.ا. together", () => {
  assert.deepEqual(split("رئیس جمهور وزیر را پذیرفت. آیا توافق شد؟ وزارت خارجه ج.ا.ا. این خبر را اعلام کرد.", "fa"), [
    "رئیس جمهور وزیر را پذیرفت.",
    "آیا توافق شد؟",
    "وزارت خارجه ج.ا.ا. این خبر را اعلام کرد.",
  ]);
});

test("Chinese: splits on 。！？ without spaces", () => {
  assert.deepEqual(split("两国外长举行了会谈。双方交换了意见！会谈取得成果了吗？取得了。", "zh"), [
    "两国外长举行了会谈。",
    "双方交换了意见！",
    "会谈取得成果了吗？",
    "取得了。",
  ]);
});

test("German ordinal dates and French titles", () => {
  assert.deepEqual(split("Am 16. September traf Dr. Müller z.B. den Minister. Er sagte nichts.", "de"), [
    "Am 16. September traf Dr. Müller z.B. den Minister.",
    "Er sagte nichts.",
  ]);
  assert.deepEqual(split("M. Dupont a reçu Mme Martin. Ils ont parlé.", "fr"), ["M. Dupont a reçu Mme Martin.", "Ils ont parlé."]);
});

test("offsets index the document, never cross paragraphs, are trimmed and counted across the document", () => {
  const p1 = "  First talks were held. Then a dinner followed.  ";
  const leftover = "\n\nRead also: something\n\n";
  const p2 = "The second paragraph has a\nhard-wrapped line. And a last sentence";
  const text = p1 + leftover + p2;
  const paragraphs: Span[] = [
    { start: 0, end: p1.length },
    { start: p1.length + leftover.length, end: text.length },
  ];
  const sentences: Sentence[] = splitSentences(text, paragraphs, "en");
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), [
    "First talks were held.",
    "Then a dinner followed.",
    "The second paragraph has a\nhard-wrapped line.",
    "And a last sentence",
  ]);
  assert.deepEqual(sentences.map((s) => s.index), [0, 1, 2, 3]);
  assert.deepEqual(sentences.map((s) => s.paragraph), [0, 0, 1, 1]);
  for (const s of sentences) {
    const para = paragraphs[s.paragraph];
    assert.ok(s.start >= para.start && s.end <= para.end);
  }
});

test("a paragraph without closing punctuation and an empty paragraph", () => {
  const text = "Headline without a dot\n\n   \n";
  const out = splitSentences(text, [{ start: 0, end: 22 }, { start: 24, end: text.length }], "en");
  assert.equal(out.length, 1);
  assert.equal(text.slice(out[0].start, out[0].end), "Headline without a dot");
});

test("shouldJoin decisions", () => {
  assert.equal(shouldJoin("Он прибыл в г.", "Душанбе вечером.", "ru"), true);
  assert.equal(shouldJoin("Это было в 2021 г.", "Потом всё изменилось.", "ru"), false);
  assert.equal(shouldJoin("They met in 2022.", "The next day came.", "en"), false);
  assert.equal(shouldJoin("Sales rose on Sept.", "12 last year.", "en"), true);
});

test("many paragraphs are fast (segmenters cached)", () => {
  const para = "The ministers met in the capital. They signed an agreement on trade and transport. Mr. Lee spoke.";
  const text = Array(2000).fill(para).join("\n\n");
  const paragraphs: Span[] = [];
  for (let i = 0, at = 0; i < 2000; i++, at += para.length + 2) paragraphs.push({ start: at, end: at + para.length });
  const t0 = performance.now();
  const out = splitSentences(text, paragraphs, "en");
  assert.equal(out.length, 6000);
  assert.ok(performance.now() - t0 < 3000);
});

test("a run of text without full stops is cut into pieces of bounded length at clause breaks", () => {
  const text = Array.from({ length: 400 }, (_, i) => `item ${i}, `).join("") + "end";
  const sentences = splitSentences(text, [{ start: 0, end: text.length }], "en");
  assert.ok(sentences.length > 1);
  assert.ok(sentences.every((s) => s.end - s.start <= 1000), String(Math.max(...sentences.map((s) => s.end - s.start))));
  // Nothing is lost: the pieces cover the text, in order.
  assert.equal(sentences[0].start, 0);
  assert.equal(sentences[sentences.length - 1].end, text.length);
});

test("a paragraph read as one sentence without the segmenter is one the segmenter reads so too", () => {
  // One-sentence paragraphs skip Intl.Segmenter: oneSentence must never say so of a text the
  // segmenter breaks, and says so of the plain one-sentence cases.
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const one = [
    "The ministers met in Geneva",
    "The ministers met in Geneva.",
    "He said the talks were \"useful.\"",
    "Were the talks useful?!",
    "The envoy left (as planned).",
    "Они встретились в Москве.",
    "وصل الوزير إلى القاهرة؟",
    "双方举行了会谈。",
  ];
  const more = [
    "The envoy left. (As planned.)",
    "The envoy left.\u201d Then he spoke",
    "They met. Then they left.",
    "They met.\nThen they left",
    "وصل الوزير إلى القاهرة؟ ثم غادر",
    "双方举行了会谈。随后签署了协议。",
    "The envoy left.  ",
    "Growth reached 3.5 percent",
    // A terminator outside the Basic Multilingual Plane (Brahmi danda), then more text.
    "𑀭𑀚𑀸\u{11047} 𑀧𑀼𑀢𑁆𑀢𑁄",
    // Astral letters and a lone surrogate before a final full stop.
    "𝐓𝐡𝐞 envoy \ud800 left.",
  ];
  for (const text of [...one, ...more]) {
    const segments = [...segmenter.segment(text)].length;
    if (oneSentence(text)) assert.equal(segments, 1, text);
  }
  for (const text of one) assert.equal(oneSentence(text), true, text);
  for (const text of more.slice(0, 6)) assert.equal(oneSentence(text), false, text);
  assert.equal(oneSentence("𑀭𑀚𑀸\u{11047} 𑀧𑀼𑀢𑁆𑀢𑁄"), false);
  assert.equal(oneSentence("𝐓𝐡𝐞 envoy \ud800 left."), true);
  // A split text keeps its sentences whichever way it was read.
  assert.deepEqual(split("They met. Then they left.", "en"), ["They met.", "Then they left."]);
  assert.deepEqual(split("The envoy left (as planned).", "en"), ["The envoy left (as planned)."]);
});

test("paragraphs segmented together split as each does alone", () => {
  // Multi-sentence paragraphs go to the segmenter in groups: each must come out as it does on
  // its own, whatever its neighbours end or begin with (a line break, a dot, a quote, a lower-case
  // word, a combining mark, a carriage return). Pieces written for this test, combined at random.
  const pieces = [
    "The ministers met in Geneva. They agreed to meet again",
    "Mr. Lee arrived on Jan. 5. He left the U.S. capital",
    "Они встретились в г. Душанбе. Переговоры продолжатся",
    "وصل الوزير إلى القاهرة؟ ثم غادر إلى عمّان.",
    "رئیس جمهور وزیر را پذیرفت. آیا توافق شد؟",
    "双方举行了会谈。随后签署了协议。",
    "Growth reached 3.5 percent. prices rose",
    "\u0301combining first. Then more.",
    "The envoy said \u201cwe agree.\u201d Then he left.",
    "Line one ends here.\nLine two follows.",
    "He left.\r",
    "They met.\n",
    "Am 16. September trafen sie sich. Danach reisten sie ab.",
    "Elle a dit: \u00abnon!\u00bb Puis elle est partie.",
    "Toplantı yapıldı. Sonra açıklama geldi.",
    "One. Two.\u2028Three.",
    "The talks ended...",
    "(Reuters). The talks ended.",
  ];
  let seed = 7;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return pieces[seed % pieces.length];
  };
  for (const lang of ["en", "ru", "ar", "zh", "de", "fr", "tr"] as Lang[]) {
    for (let round = 0; round < 40; round++) {
      const paras = Array.from({ length: 2 + (round % 6) }, pick);
      const gap = round % 2 === 0 ? "\n\n" : "\n";
      const text = paras.join(gap);
      const spans: Span[] = [];
      for (let i = 0, at = 0; i < paras.length; at += paras[i].length + gap.length, i++) spans.push({ start: at, end: at + paras[i].length });
      const together = splitSentences(text, spans, lang).map((s) => [s.start, s.end, s.paragraph]);
      const alone = spans.flatMap((sp, i) => splitSentences(text, [sp], lang).map((s) => [s.start, s.end, i]));
      assert.deepEqual(together, alone, JSON.stringify(paras));
    }
  }
});

test("the sentence rules read in place find the segments Intl.Segmenter finds", () => {
  // Random strings of the units each rule turns on (terminators, closing quotes, spaces, letters
  // of each case, digits, commas, separators, combining marks and format units), in several of
  // the pipeline's languages; a string with a unit the reading does not handle is left to the
  // segmenter (ruleSegments says false).
  const pieces = ["a", "Z", "д", "Д", "ا", "中", " ", "\u00a0", "\t", ".", "!", "?", "؟", "。", "…", "\"", "'", "«", "»", "(", ")", "”", ",", ";", ":", "–", "1", "٣",
    "\n", "\r\n", "\u2029", "/", "%", "Mr.", "U.S.", "x.y", "\u0301", "\u064b", "\u200c", "\u00ad", "\u200b", "İ", "ß", "😀", "\u10d0"];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let read = 0;
  for (const lang of ["en", "ru", "fa", "zh", "de", "tr"]) {
    const segmenter = new Intl.Segmenter(lang, { granularity: "sentence" });
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = 1 + Math.floor(random() * 12); k > 0; k--) text += pieces[Math.floor(random() * pieces.length)];
      const found: number[] = [];
      if (!ruleSegments(text, found)) continue;
      read++;
      const expected: number[] = [];
      for (const seg of segmenter.segment(text)) expected.push(seg.index, seg.index + seg.segment.length);
      assert.deepEqual(found, expected, JSON.stringify(text));
    }
  }
  assert.ok(read > 10000, String(read));
});
