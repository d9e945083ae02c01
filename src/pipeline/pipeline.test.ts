// Whole-pipeline tests on short articles the team wrote: datelines from a third country, an
// Arabic article with no date at all, two meetings in one article, evidence offsets, bad input.
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../types.js";
import { extractRaw, extractText } from "./index.js";

const doc = (name: string, text: string) => extractText({ name, origin: name, text, encoding: "UTF-8" });
const key = (e: { type: string; mode: string | null; actors: { country: string }[] }) => `${e.type}/${e.mode ?? "-"} ${[...new Set(e.actors.map((a) => a.country))].sort().join("-")}`;

test("a meeting reported from a third country's dateline: the venue is the location, not a side", () => {
  const r = doc(
    "third-country",
    [
      "Leaders meet on the sidelines in Astana",
      "",
      "12 October 2024",
      "",
      "ASTANA, October 12 (Example News) - President of Tajikistan Emomali Rahmon met with Russian President Vladimir Putin on Saturday on the sidelines of the CIS summit.",
      "",
      "The sides discussed trade, energy and labour migration.",
    ].join("\n"),
  );
  const meeting = r.events.find((e) => e.type === "CONSULT" && e.mode === "meeting" && !e.status);
  assert.ok(meeting, JSON.stringify(r.events.map(key)));
  assert.equal(key(meeting), "CONSULT/meeting RUS-TJK");
  assert.equal(meeting.location?.country, "KAZ");
  assert.equal(meeting.date, "2024-10-12");
  assert.deepEqual(meeting.actors.map((a) => a.name).sort(), ["Emomali Rahmon", "Vladimir Putin"]);
  assert.ok(meeting.topics.includes("trade") && meeting.topics.includes("migration"), meeting.topics.join(","));
  assert.ok(r.orgs.includes("CIS"));
});

test("an Arabic article without a date: events keep a null date rather than a guess", () => {
  const r = doc(
    "ar-undated",
    "استقبل الرئيس الطاجيكي إمام علي رحمان وزير الخارجية الروسي سيرغي لافروف، وبحث الجانبان التعاون الاقتصادي والأمن الإقليمي.",
  );
  assert.equal(r.lang, "ar");
  assert.equal(r.published, null);
  const meeting = r.events.find((e) => e.type === "CONSULT" && !e.status);
  assert.ok(meeting, JSON.stringify(r.events.map(key)));
  assert.equal(key(meeting), "CONSULT/meeting RUS-TJK");
  assert.equal(meeting.date, null);
});

test("two meetings in one article on two days stay two events, with their own dates", () => {
  const r = doc(
    "two-meetings",
    [
      "Foreign minister's visit",
      "",
      "5 March 2024",
      "",
      "On Monday, Foreign Minister of Uzbekistan Bakhtiyor Saidov met with Foreign Minister of Kazakhstan Murat Nurtleu in Astana.",
      "",
      "On Tuesday, Saidov was received by President Kassym-Jomart Tokayev.",
    ].join("\n"),
  );
  const meetings = r.events.filter((e) => e.type === "CONSULT" && e.mode === "meeting" && !e.status);
  assert.equal(meetings.length, 2, JSON.stringify(r.events.map((e) => [key(e), e.date])));
  assert.deepEqual(meetings.map((e) => e.date).sort(), ["2024-03-04", "2024-03-05"]);
});

test("future and negated mentions carry a status instead of being dropped", () => {
  const r = doc("status", "President Rahmon will visit China next month. Kyrgyzstan did not sign the agreement with Tajikistan.");
  const statuses = r.events.map((e) => `${e.status ?? "event"} ${key(e)}`);
  assert.ok(statuses.includes("planned CONSULT/visit CHN-TJK"), statuses.join(" | "));
  assert.ok(statuses.some((s) => s.startsWith("denied AGREE/sign")), statuses.join(" | "));
});

test("every fact points back into the text it came from", () => {
  const text = "MOSCOW, May 6 - Russia summoned the British ambassador on Monday to protest against remarks by the foreign secretary. Russia and Belarus signed an agreement on energy.";
  const r = doc("evidence", text);
  assert.ok(r.events.length >= 2);
  for (const e of r.events) {
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.sentence);
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    for (const a of e.actors) for (const ev of a.evidence) assert.equal(text.slice(ev.start, ev.end), ev.sentence);
  }
  for (const [, ev] of Object.entries(r.evidence.orgs)) assert.ok(text.includes(ev.sentence));
});

test("binary and empty input are refused with a clear error naming the input", () => {
  assert.throws(() => extractRaw({ name: "x", origin: "photo.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) }), (e: unknown) => e instanceof InputError && /photo\.png/.test((e as Error).message));
  assert.throws(() => extractRaw({ name: "x", origin: "empty.txt", bytes: new Uint8Array() }), (e: unknown) => e instanceof InputError && /empty\.txt/.test((e as Error).message));
});

test("an attack named as the cause of something else is background, not an event", () => {
  const r = doc("background", "Saudi Arabia cut diplomatic relations with Iran in January 2016 after the attack on its embassy in Tehran.");
  const types = r.events.filter((e) => !e.status).map((e) => e.type);
  assert.ok(types.includes("SANCTION"), types.join(","));
  assert.ok(!types.includes("ASSAULT"), types.join(","));
});

test("a month-only publication date anchors month names and dates undated events at the month", () => {
  const r = doc(
    "month-only",
    [
      " date 2023-12 Tajikistan and Uzbekistan sign water agreement",
      "",
      "President of Tajikistan Emomali Rahmon held talks with President of Uzbekistan Shavkat Mirziyoyev in Dushanbe.",
      "",
      "In November, Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.",
    ].join("\n"),
  );
  assert.equal(r.published, "2023-12");
  const talks = r.events.find((e) => key(e) === "CONSULT/meeting TJK-UZB");
  assert.ok(talks, JSON.stringify(r.events.map(key)));
  assert.equal(talks.date, "2023-12");
  const november = r.events.find((e) => key(e) === "CONSULT/meeting CHN-RUS");
  assert.ok(november, JSON.stringify(r.events.map(key)));
  assert.equal(november.date, "2023-11");
});

test("a last sentence the text cuts off keeps what its finished clauses tell, where the verb comes first", () => {
  const head = ["Visit ends", "", "12 October 2024", "", "President of Tajikistan Emomali Rahmon arrived in Tashkent on Saturday for talks.", ""];
  const en = doc("cut-en", [...head, "President Shavkat Mirziyoyev thanked Emomali Rahmon for the visit, adding that it would strengthen the ties between the two countries and help the tra"].join("\n"));
  assert.ok(en.events.some((e) => e.type === "SUPPORT" && !e.status), JSON.stringify(en.events.map(key)));
  // Cut inside the only clause: the verb may be what is missing.
  const short = doc("cut-short", [...head, "President Shavkat Mirziyoyev thanked Emomali Rahmon for the vis"].join("\n"));
  assert.ok(!short.events.some((e) => e.type === "SUPPORT"), JSON.stringify(short.events.map(key)));
});
