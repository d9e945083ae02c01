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

test("the capitalised words of an event phrase after a title are no person's name", async () => {
  const { findMentions } = await import("../mentions/index.js");
  const text = "Rusya'nın Ankara Büyükelçisi Dışişleri Bakanlığına çağrıldı.";
  const [sm] = findMentions(text, [{ start: 0, end: text.length, index: 0, paragraph: 0 }], lex, "tr");
  assert.deepEqual(sm.names, []);
  // A real name after the title is still found.
  const named = "Rusya'nın Ankara Büyükelçisi Aleksey Yerhov Dışişleri Bakanlığına çağrıldı.";
  assert.deepEqual(findMentions(named, [{ start: 0, end: named.length, index: 0, paragraph: 0 }], lex, "tr")[0].names.map((n) => n.name), ["Aleksey Yerhov"]);
});
