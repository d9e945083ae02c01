import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventRow } from "../store/index.js";
import { CSV_HEADER, csvCell, eventToCsv, eventToGdelt, eventToPlover } from "./format.js";

const row: EventRow = {
  id: 7, type: "CONSULT", mode: "phone", cameo: "041", goldstein: 1, date: "2024-05-13",
  location: { city: "Dushanbe", country: "TJK" },
  actors: [{ country: "TJK", name: "Emomali Rahmon", role: "head_of_state" }, { country: "UZB", name: "Shavkat Mirziyoyev", role: "head_of_state" }],
  topics: ["trade"],
  reports: [{ document: "call", origin: "https://example.tj/call", source: "example.tj", lang: "en", sentence: 'He said, "yes".', start: 0, end: 15, date: "2024-05-13", why: "first report" }],
};

test("GDELT 2.0 rows have the 61 columns in their order", () => {
  const cols = eventToGdelt(row).split("\t");
  assert.equal(cols.length, 61);
  assert.equal(cols[0], "7");
  assert.equal(cols[1], "20240513");
  assert.equal(cols[5], "TJK"); // Actor1Code
  assert.equal(cols[7], "TJK"); // Actor1CountryCode
  assert.equal(cols[15], "UZB"); // Actor2Code
  assert.equal(cols[26], "041"); // EventCode
  assert.equal(cols[28], "04"); // EventRootCode
  assert.equal(cols[29], "1"); // QuadClass: verbal cooperation
  assert.equal(cols[30], "1"); // Goldstein
  assert.equal(cols[60], "https://example.tj/call"); // SOURCEURL
});

test("CSV quotes what needs quoting and has one cell per header", () => {
  assert.equal(csvCell('a "b", c'), '"a ""b"", c"');
  const line = eventToCsv(row);
  assert.ok(line.endsWith('"He said, ""yes""."'));
  assert.equal(CSV_HEADER.length, 19);
});

test("PLOVER-style records name actor and recipient with their evidence", () => {
  const p = JSON.parse(eventToPlover(row));
  assert.equal(p.event_type, "CONSULT");
  assert.equal(p.actor_country, "TJK");
  assert.equal(p.recipient, "Shavkat Mirziyoyev");
  assert.equal(p.sources[0].sentence, 'He said, "yes".');
});
