// pinyin-pro is loaded on the first Chinese name, not with the pipeline (start-up: its
// dictionaries take about 0.1 s to load). Runs in its own process, as every test file does.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import { transliterate } from "./names.js";

const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("pinyin-pro"));

test("the pinyin dictionaries are loaded only when a Chinese name is read", () => {
  const text = "Minister A met Minister B in Tashkent\n\nThe foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Monday.\n";
  extractText({ name: "t", origin: "t", text, encoding: "utf-8" });
  assert.equal(loaded(), false, "an English document loaded pinyin-pro");
  assert.equal(transliterate("王毅", "zh"), "Wang Yi");
  assert.equal(loaded(), true);
});
