// Praise of the talks themselves is no act of support (triggers.ts noEventHere, cues.ts
// praisesTalks), on sentences the team wrote.
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractText } from "../pipeline/index.js";
import type { EventRecord } from "../types.js";

function eventsOf(text: string): EventRecord[] {
  return extractText({ name: "praise", origin: "praise", text, encoding: "UTF-8" }, { fallbackDate: "2024-05-15" }).events.filter((e) => !e.status);
}

const types = (text: string) => eventsOf(text).map((e) => e.type).sort();

test("welcoming a meeting or the views the two sides share judges the talks", () => {
  assert.deepEqual(types("President Tokayev met President Mirziyoyev in Tashkent on Monday.\nThe two presidents commended their constructive meeting and the convergence of views of the two countries."), ["CONSULT"]);
  assert.deepEqual(types("Le ministre algérien a rencontré son homologue tunisien à Alger lundi.\nLe ministère algérien a salué dans un communiqué un entretien constructif."), ["CONSULT"]);
  assert.deepEqual(types("Le président ivoirien a reçu le président ghanéen à Abidjan.\nIl a salué la convergence de vues entre la Côte d'Ivoire et le Ghana."), ["CONSULT"]);
});

test("praise of a side's act, or congratulations to the host of a meeting, stay support", () => {
  assert.deepEqual(types("Le président ivoirien a salué la décision du Ghana de rouvrir la frontière."), ["SUPPORT"]);
  assert.deepEqual(types("Президент Казахстана Касым-Жомарт Токаев встретился с Председателем КНР Си Цзиньпином в Пекине.\nГость поздравил хозяина встречи с переизбранием."), ["CONSULT", "SUPPORT"]);
});
