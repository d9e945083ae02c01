// Turkish derived words are not forms of the word they come from, on phrases written for
// these tests: the ministry is not the minister, the embassy not the ambassador.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadLexicon } from "./index.js";
import { mentionsIn } from "../mentions/index.js";

const lex = loadLexicon();
const offices = (text: string) =>
  mentionsIn(text, { start: 0, end: text.length }, lex, "tr").entities.filter((e) => e.payload.kind === "office").map((e) => `${e.payload.id}=${text.slice(e.start, e.end)}`);

test("-lık/-lik makes another word: ministry, embassy, presidency", () => {
  assert.deepEqual(offices("Dışişleri Bakanlığı açıklama yaptı."), []);
  assert.deepEqual(offices("Fransa'nın Ankara Büyükelçiliği önünde"), []);
  assert.deepEqual(offices("İran'ın Ankara Büyükelçisini çağırdı"), ["ambassador=Büyükelçisini"]);
  assert.deepEqual(offices("Bakan, mevkidaşıyla görüştü."), ["minister=Bakan"]);
});
