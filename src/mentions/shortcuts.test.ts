// The mentions stage's shortcuts must answer as the long way does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { hasHan } from "../text/normalize.js";
import { textHasHan, transliterate } from "./index.js";

test("textHasHan answers as hasHan, also for texts that change between calls", () => {
  const texts = ["Talks in Beijing", "会谈在北京举行", "Kangxi radical ⼀ alone", "ひらがなとカタカナ", "عربي and Русский", "", "mixed 中 text", "Talks in Beijing"];
  for (const t of texts) assert.equal(textHasHan(t), hasHan(t), t);
  // The same text asked twice, and a text of the same length that differs.
  assert.equal(textHasHan("abc中"), true);
  assert.equal(textHasHan("abc中"), true);
  assert.equal(textHasHan("abcd"), false);
});

test("a Chinese name's pinyin is the same when asked again", () => {
  const first = transliterate("王毅");
  assert.equal(first, "Wang Yi");
  assert.equal(transliterate("王毅"), first);
  assert.equal(transliterate("杨洁篪"), "Yang Jiechi");
});
