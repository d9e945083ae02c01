// Traditional Chinese folded onto Simplified for matching, on sentences written for these tests.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, normalize } from "./normalize.js";
import { regionalVariants, toSimplified } from "./hant.js";
import { chineseRegionalForms, loadLexicon } from "../lexicon/index.js";
import { mentionsIn } from "../mentions/index.js";
import { detectLanguage } from "../lang/index.js";

const TRADITIONAL = "兩國外交部長在華盛頓舉行會談，雙方就經濟合作與邊境安全問題交換了意見。";
const SIMPLIFIED = "两国外交部长在华盛顿举行会谈，双方就经济合作与边境安全问题交换了意见。";

test("a Traditional sentence folds to the same form as its Simplified twin", () => {
  assert.equal(fold(TRADITIONAL), fold(SIMPLIFIED));
  assert.notEqual(TRADITIONAL, SIMPLIFIED);
  // Taiwan variant characters (為, 裡) go the same way.
  assert.equal(fold("為此他在會議裡發言"), fold("为此他在会议里发言"));
});

test("folding keeps one unit per character, so offsets map straight back", () => {
  const nt = normalize(TRADITIONAL);
  assert.equal(nt.norm.length, TRADITIONAL.length);
  for (let i = 0; i < nt.norm.length; i++) assert.equal(nt.origin[i], i);
  const at = nt.norm.indexOf("会谈");
  assert.equal(TRADITIONAL.slice(nt.origin[at], nt.origin[at + 2]), "會談");
});

test("folding is idempotent: a Simplified target is never mapped again", () => {
  const sample = "國會議員發言對話說話時間鐘錶髮乾燥後來臺灣";
  assert.equal(fold(fold(sample)), fold(sample));
  assert.equal(toSimplified(toSimplified(sample)), toSimplified(sample));
});

test("regional terms pair the Taiwan/Hong Kong spelling with the mainland one", () => {
  const pairs = new Map(regionalVariants());
  assert.equal(pairs.get(toSimplified("紐西蘭")), "新西兰");
  assert.ok(chineseRegionalForms("新西兰总理").includes(toSimplified("紐西蘭總理")));
  assert.deepEqual(chineseRegionalForms("外交部长"), []);
});

test("Taiwan and Hong Kong country names reach the lexicon", () => {
  const lex = loadLexicon();
  const countries = (text: string) =>
    mentionsIn(text, { start: 0, end: text.length }, lex, "zh").entities.filter((e) => e.payload.kind === "country").map((e) => (e.payload as { id: string }).id);
  assert.deepEqual(countries("紐西蘭總理昨天抵達義大利首都。"), ["NZL", "ITA"]);
  assert.deepEqual(countries("沙烏地阿拉伯與亞塞拜然簽署協議。"), ["SAU", "AZE"]);
  assert.deepEqual(countries("俄羅斯與烏克蘭"), ["RUS", "UKR"]);
});

test("Traditional text is detected as Chinese", () => {
  assert.equal(detectLanguage(TRADITIONAL), "zh");
  assert.equal(detectLanguage("美國國務卿與中國外長會面"), "zh");
});

test("pinyin glosses after a Han character fold to nothing; other brackets stay", () => {
  const glossed = "兩國在聯(lián)合國總部會見，就雙邊關(guān)系交換意見。";
  assert.equal(fold(glossed), fold("两国在联合国总部会见，就双边关系交换意见。"));
  const nt = normalize(glossed);
  const at = nt.norm.indexOf("联合国");
  assert.equal(glossed.slice(nt.origin[at], nt.origin[at + 3]), "聯(lián)合國");
  // A Latin word or a name in brackets is no gloss: no tone mark.
  assert.ok(fold("外长(Mba)会见").includes("(mba)"));
  assert.ok(fold("外长(mba)会见").includes("(mba)"));
  assert.ok(fold("Ministers (lián) met").includes("(lian)"));
});
