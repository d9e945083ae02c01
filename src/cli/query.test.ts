// The query commands as a user runs them (bin/parley.js in a child process): filters checked with
// the API's schemas (exit 2 naming the bad value), JSON Lines when piped, and `serve` refusing an
// unsafe start and shutting down cleanly on SIGTERM.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { openStore } from "../store/index.js";
import type { DocumentResult } from "../types.js";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/parley.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-cli-"));
const db = path.join(tmp, "q.db");
const parley = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, PARLEY_TOKEN: "" } });

before(async () => {
  const body = "The foreign ministers of Tajikistan and Iran met in Tehran and discussed transport.";
  const evidence = { document: "m", sentence: body, start: 0, end: body.length };
  const r: DocumentResult = {
    id: "m", origin: "m", encoding: "UTF-8", lang: "en", source: "example.ir", published: "2024-02-01", title: "m", body, body_first: null, body_last: null,
    events: [{ type: "CONSULT", mode: "meeting", cameo: "040", goldstein: 1, date: "2024-02-01", actors: [{ country: "TJK", name: null, role: "foreign_minister", evidence: [evidence] }, { country: "IRN", name: null, role: "foreign_minister", evidence: [evidence] }], location: { city: "Tehran", country: "IRN", evidence }, topics: ["transport"], evidence, trigger: { text: "met", start: 45, end: 48 } }],
    orgs: [], third_countries: [], figures: [], evidence: { title: null, published: null, body: [{ start: 0, end: body.length }], orgs: {}, third_countries: {} },
  };
  const s = await openStore(db);
  await s.ingest({ origin: "m.txt", hash: "1" }, r, "v1");
  await s.close();
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("bad filters name the value, list what is allowed and exit 2", () => {
  const t = parley("events", "--db", db, "--type", "FOO");
  assert.equal(t.status, 2);
  assert.match(t.stderr, /--type: 'FOO' is not one of CONSULT, AGREE, .*ASSAULT/);
  const d = parley("events", "--db", db, "--since", "notadate");
  assert.equal(d.status, 2);
  assert.match(d.stderr, /--since: 'notadate' is not a date/);
  const c = parley("dyads", "--db", db, "--country", "ZZZ");
  assert.equal(c.status, 2);
  assert.match(c.stderr, /unknown country or organisation code 'ZZZ'/);
  const by = parley("timeline", "TJK", "IRN", "--db", db, "--by", "week");
  assert.equal(by.status, 2);
  assert.match(by.stderr, /'week' is not one of day, month, year/);
});

test("piped output is JSON Lines; --format table is an aligned table", () => {
  const j = parley("events", "--db", db, "--type", "consult");
  assert.equal(j.status, 0, j.stderr);
  const rows = j.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => r.actors.map((a: { country: string }) => a.country).sort()), [["IRN", "TJK"]]);
  const t = parley("events", "--db", db, "--format", "table");
  const [head, rule, line] = t.stdout.split("\n");
  assert.match(head, /^id\s+date\s+type\s+sides\s+place\s+reports\s+evidence/);
  assert.match(rule, /^-+ {2}-+/);
  assert.equal(line.indexOf("2024-02-01"), head.indexOf("date"), "columns line up");
  assert.match(line, /Tehran, IRN/);
  const show = parley("show", "1", "--db", db, "--format", "json");
  assert.equal(JSON.parse(show.stdout).location.city, "Tehran");
  const search = parley("search", "transport", "--db", db);
  assert.equal(JSON.parse(search.stdout.trim()).document, "m");
});

test("serve refuses writes without a token, and stops cleanly on SIGTERM", async () => {
  const refused = parley("serve", "--db", db, "--port", "0");
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /writes need a token/);
  assert.equal(parley("serve", "--db", db, "--host", "0.0.0.0", "--no-auth").status, 2);
  const child = spawn(process.execPath, [bin, "serve", "--db", db, "--port", "0", "--no-auth"], { env: { ...process.env, PARLEY_TOKEN: "" } });
  let out = "", err = "";
  child.stdout.on("data", (b) => (out += b));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (b) => {
      err += b;
      const m = /serving .* at (http:\/\/\S+)\/api /.exec(err);
      if (m) resolve(m[1]);
    });
    child.on("exit", () => reject(new Error(`serve exited: ${err}`)));
  });
  const r = await fetch(`${url}/api/events?country=IRN`);
  assert.equal(((await r.json()) as { total: number }).total, 1);
  const code = await new Promise<number | null>((resolve) => {
    child.on("exit", (c) => resolve(c));
    child.kill("SIGTERM");
  });
  assert.equal(code, 0);
  const logs = out.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(logs.some((l) => l.req?.url === "/api/events?country=IRN"), "requests are logged as JSON");
  assert.ok(logs.some((l) => /shutting down/.test(l.msg)));
});
