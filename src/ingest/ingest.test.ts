// Ingest end to end through the CLI in child processes: idempotence, a real SIGKILL mid-batch
// followed by a second run, and (with PostgreSQL) two queue workers, one killed mid-document.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../store/index.js";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/parley.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-ingest-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const LEADERS = [["Emomali Rahmon", "Tajikistan"], ["Shavkat Mirziyoyev", "Uzbekistan"], ["Kassym-Jomart Tokayev", "Kazakhstan"], ["Sadyr Japarov", "Kyrgyzstan"]];
/** A folder of short reports written for this test, each a different day. */
function makeCorpus(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const [a, ca] = LEADERS[i % 4];
    const [b, cb] = LEADERS[(i + 1) % 4];
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, "0");
    fs.writeFileSync(
      path.join(dir, `doc_${String(i).padStart(3, "0")}.txt`),
      `Leaders discuss trade\n\n2023-${month}-${day}\n\nPresident of ${ca} ${a} held a telephone conversation with President of ${cb} ${b} on 2023-${month}-${day}. The sides discussed trade and energy.\n`,
    );
  }
}

function parley(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
}

async function counts(db: string) {
  const s = await openStore(db);
  try {
    return await s.counts();
  } finally {
    await s.close();
  }
}

test("ingesting twice stores once; a changed file replaces its old version", async () => {
  const dir = path.join(tmp, "twice");
  makeCorpus(dir, 12);
  const db = path.join(tmp, "twice.db");
  const r1 = parley(["ingest", dir, "--db", db]);
  assert.equal(r1.status, 0, r1.stderr);
  const c1 = await counts(db);
  assert.equal(c1.documents, 12);
  assert.ok(c1.events >= 12, `events ${c1.events}`);
  const r2 = parley(["ingest", dir, "--db", db]);
  assert.equal(r2.status, 0, r2.stderr);
  assert.match(r2.stderr, /12 unchanged/);
  assert.deepEqual(await counts(db), c1);
  fs.appendFileSync(path.join(dir, "doc_000.txt"), "The parties also discussed security.\n");
  const r3 = parley(["ingest", dir, "--db", db]);
  assert.match(r3.stderr, /1 changed/);
  assert.deepEqual(await counts(db), c1);
});

test("a bad file is reported with its path and the batch goes on", async () => {
  const dir = path.join(tmp, "bad");
  makeCorpus(dir, 3);
  fs.writeFileSync(path.join(dir, "broken.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
  const db = path.join(tmp, "bad.db");
  const r = parley(["ingest", dir, "--db", db]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /broken\.txt/);
  assert.equal((await counts(db)).documents, 3);
});

test("killed mid-batch, a second run loses nothing and duplicates nothing", async () => {
  const dir = path.join(tmp, "kill");
  makeCorpus(dir, 40);
  const reference = path.join(tmp, "reference.db");
  assert.equal(parley(["ingest", dir, "--db", reference]).status, 0);
  const want = await counts(reference);

  const db = path.join(tmp, "killed.db");
  const child = spawn(process.execPath, [bin, "ingest", dir, "--db", db, "--workers", "1"], { env: { ...process.env, PARLEY_TEST_DELAY_MS: "40" }, stdio: "ignore" });
  // Kill once some, but not all, documents are in.
  let stored = 0;
  for (let i = 0; i < 300 && (stored < 5 || stored >= 40); i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (fs.existsSync(db)) stored = await counts(db).then((c) => c.documents).catch(() => 0);
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  const partial = await counts(db);
  assert.ok(partial.documents > 0 && partial.documents < 40, `killed after ${partial.documents} documents`);
  assert.equal(parley(["ingest", dir, "--db", db]).status, 0);
  assert.deepEqual(await counts(db), want);
});

const pgUrl = process.env.PARLEY_PG_URL;
test("two PostgreSQL queue workers, one killed mid-document: every document stored exactly once", { skip: pgUrl ? false : "PARLEY_PG_URL not set" }, async () => {
  const pg = (await import("pg")).default;
  const reset = new pg.Client({ connectionString: pgUrl });
  await reset.connect();
  await reset.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await reset.end();
  const dir = path.join(tmp, "queue");
  makeCorpus(dir, 20);
  const args = ["ingest", dir, "--db", pgUrl!, "--worker", "--lease", "1"];
  const victim = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PARLEY_TEST_DELAY_MS: "400" }, stdio: "ignore" });
  // Wait until the victim holds a job, then kill it mid-document.
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const r = await c.query("SELECT COUNT(*) AS n FROM ingest_jobs WHERE state = 'running'").catch(() => ({ rows: [{ n: 0 }] }));
    if (Number(r.rows[0].n) > 0) break;
  }
  const second = spawn(process.execPath, [bin, ...args], { env: { ...process.env, PARLEY_TEST_DELAY_MS: "20" }, stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 300));
  victim.kill("SIGKILL");
  const code = await new Promise((r) => second.once("exit", r));
  assert.equal(code, 0);
  const docs = await c.query("SELECT origin, COUNT(*) AS n FROM documents GROUP BY origin");
  assert.equal(docs.rows.length, 20);
  assert.ok(docs.rows.every((r) => Number(r.n) === 1));
  const jobs = await c.query("SELECT state, COUNT(*) AS n FROM ingest_jobs GROUP BY state");
  assert.deepEqual(jobs.rows.map((r) => [r.state, Number(r.n)]), [["done", 20]]);
  const dup = await c.query("SELECT document_id, idx, COUNT(*) AS n FROM reports GROUP BY document_id, idx HAVING COUNT(*) > 1");
  assert.equal(dup.rows.length, 0);
  await c.end();
});

test("one call reported in English and Russian, persons named in one and offices in the other, is one event", async () => {
  const dir = path.join(tmp, "pair");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "call_en.txt"),
    "Leaders talk by phone\n\n14 May 2024\n\nDUSHANBE, May 14 - President Emomali Rahmon held a telephone conversation with President Shavkat Mirziyoyev on Tuesday. They discussed water and energy cooperation.\n",
  );
  fs.writeFileSync(
    path.join(dir, "call_ru.txt"),
    "Телефонный разговор\n\n15.05.2024\n\nТАШКЕНТ, 15 мая. Президент Узбекистана вчера провел телефонный разговор с президентом Таджикистана. Стороны обсудили сотрудничество в сфере энергетики.\n",
  );
  // A different interaction on the same day between the same sides: a visit stays apart.
  fs.writeFileSync(
    path.join(dir, "visit_en.txt"),
    "Minister arrives\n\n14 May 2024\n\nTASHKENT, May 14 - Foreign Minister of Tajikistan Sirojiddin Muhriddin arrived in Tashkent on an official visit on Tuesday.\n",
  );
  const db = path.join(tmp, "pair.db");
  assert.equal(parley(["ingest", dir, "--db", db]).status, 0);
  const s = await openStore(db);
  try {
    const calls = await s.events({ type: "CONSULT", mode: "phone" });
    assert.equal(calls.length, 1, JSON.stringify(calls.map((e) => [e.date, e.reports.map((r) => r.document)])));
    assert.deepEqual(calls[0].reports.map((r) => r.document).sort(), ["call_en", "call_ru"]);
    assert.match(calls[0].reports[1].why, /^merged: /);
    assert.equal((await s.events({ type: "CONSULT", mode: "visit" })).length, 1);
  } finally {
    await s.close();
  }
});
