import assert from "node:assert/strict";
import { test } from "node:test";
import { uzbekCyrillic } from "./uzbek.js";

test("Uzbek Latin phrases get their Cyrillic spelling", () => {
  assert.equal(uzbekCyrillic("uchrashdi"), "учрашди");
  assert.equal(uzbekCyrillic("Shavkat Mirziyoyev"), "Шавкат Мирзиёев");
  assert.equal(uzbekCyrillic("O'zbekiston"), "Ўзбекистон");
  assert.equal(uzbekCyrillic("telefon orqali muloqot*"), "телефон орқали мулоқот*");
  assert.equal(uzbekCyrillic("elchi"), "элчи");
  assert.equal(uzbekCyrillic("Тожикистон"), null);
});
