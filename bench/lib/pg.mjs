// PostgreSQL for the bench: a server URL from PARLEY_PG_URL or from .ci/pg-start, and a fresh
// database per run (CREATE DATABASE), so the bench never touches the schema other tests use.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** The server URL, or { skipped: reason } when no server can be had. */
export async function findPostgres(root) {
  let url = process.env.PARLEY_PG_URL;
  let how = "PARLEY_PG_URL";
  if (!url) {
    const script = path.join(root, ".ci/pg-start");
    if (!fs.existsSync(script)) return { skipped: "PARLEY_PG_URL not set and .ci/pg-start not found" };
    try {
      url = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 300000 }).trim().split("\n").pop();
      how = ".ci/pg-start";
    } catch (e) {
      return { skipped: `PARLEY_PG_URL not set and .ci/pg-start failed: ${String(e.stderr || e.message).trim().split("\n").pop()}` };
    }
  }
  try {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const v = (await c.query("SHOW server_version")).rows[0].server_version;
    await c.end();
    return { url, how, version: v };
  } catch (e) {
    return { skipped: `cannot connect to ${url} (${how}): ${e.message}` };
  }
}

/** A URL to a new empty database on the same server (dropped first if left from a prior run). */
export async function freshDatabase(serverUrl, name) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const u = new URL(serverUrl);
  u.pathname = "/" + name;
  return u.toString();
}

export async function dropDatabase(serverUrl, name) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name}`);
  } finally {
    await c.end();
  }
}
