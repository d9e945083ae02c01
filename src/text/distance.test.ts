import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance } from "./distance.js";

/** The textbook dynamic programme, as the reference. */
function reference(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

test("edit distance of names spelled two ways", () => {
  assert.equal(editDistance("chetraru", "ketraru"), 2);
  assert.equal(editDistance("sanchez", "sanchez"), 0);
  assert.equal(editDistance("", "abc"), 3);
  assert.equal(editDistance("سانشيز", "سانشيث"), 1);
});

test("edit distance agrees with the textbook programme on random words, long ones included", () => {
  const letters = "abcdeабвگل";
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let k = 0; k < 2000; k++) {
    const word = () => Array.from({ length: rnd(40) }, () => letters[rnd(letters.length)]).join("");
    const a = word(), b = word();
    assert.equal(editDistance(a, b), reference(a, b), `${a} / ${b}`);
  }
});
