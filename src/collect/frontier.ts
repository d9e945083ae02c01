// The crawl frontier: every URL seen (feeds and pages), its state, when it is next due, its
// validators (ETag, Last-Modified) and content hash. It lives in the same database as the store
// (its own table), so a restarted collector resumes where it stopped and never fetches a
// finished page twice. Work is claimed with a lease: on PostgreSQL several collectors share the
// frontier (FOR UPDATE SKIP LOCKED); on SQLite one collector owns the file, so claims left by a
// killed run are released when the frontier is opened.

import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

export type FrontierKind = "feed" | "page";
/** new: never fetched; retry: failed transiently, due again later; done: fetched; failed: given up. */
export type FrontierState = "new" | "retry" | "done" | "failed";

export interface FrontierEntry {
  url: string;
  kind: FrontierKind;
  /** The feed that named this URL (null for feeds from the feeds file). */
  source: string | null;
  state: FrontierState;
  title: string | null;
  published: string | null;
  attempts: number;
  /** Epoch ms when due; null when never again. */
  nextFetch: number | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  status: number | null;
  error: string | null;
  discoveredAt: number;
  fetchedAt: number | null;
}

export interface NewPage {
  url: string;
  title?: string | null;
  published?: string | null;
}

export interface FinishUpdate {
  state: FrontierState;
  nextFetch: number | null;
  etag?: string | null;
  lastModified?: string | null;
  contentHash?: string | null;
  status?: number | null;
  error?: string | null;
  /** Count this as a failed attempt (attempts + 1) or reset the count (false). */
  failedAttempt?: boolean;
}

export interface Frontier {
  readonly kind: "sqlite" | "postgres";
  /** This collector's claim token. */
  readonly worker: string;
  /** Add feeds (due now); known ones keep their state. `source`: the sitemap index that named them. */
  addFeeds(urls: string[], now: number, source?: string | null): Promise<number>;
  /** Add page URLs found in a feed; returns the URLs that were new. */
  addPages(pages: NewPage[], source: string, now: number): Promise<string[]>;
  /**
   * Claim up to `limit` entries of one kind due by `dueBy` (default `now`) whose claim, if any,
   * ran out before `now`, for `leaseMs` from `now`.
   */
  claim(kind: FrontierKind, limit: number, now: number, leaseMs: number, dueBy?: number): Promise<FrontierEntry[]>;
  /** When the earliest claim another collector holds on an entry due by `dueBy` runs out (null: none). */
  leasedElsewhereUntil(kind: FrontierKind, dueBy: number, now: number): Promise<number | null>;
  /** Record the outcome of a fetch and release the claim. */
  finish(url: string, update: FinishUpdate, now: number): Promise<void>;
  get(url: string): Promise<FrontierEntry | null>;
  /** Counts by kind and state, e.g. { "page:done": 3 }. */
  stats(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const TABLE_SQL = [
  `CREATE TABLE IF NOT EXISTS collect_frontier (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source TEXT,
    state TEXT NOT NULL,
    title TEXT,
    published TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_fetch BIGINT,
    claimed_until BIGINT,
    claimed_by TEXT,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    status INTEGER,
    error TEXT,
    discovered_at BIGINT NOT NULL,
    fetched_at BIGINT)`,
  "CREATE INDEX IF NOT EXISTS collect_frontier_due ON collect_frontier (kind, next_fetch)",
];

type Row = Record<string, unknown>;

/** A feed set aside (next_fetch NULL, e.g. dropped from the feeds file) is due again once listed again. */
const REVIVE_FEED = `ON CONFLICT (url) DO UPDATE SET next_fetch = excluded.next_fetch
  WHERE collect_frontier.kind = 'feed' AND collect_frontier.next_fetch IS NULL`;

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const str = (v: unknown): string | null => (v == null ? null : String(v));

function toEntry(r: Row): FrontierEntry {
  return {
    url: String(r.url), kind: r.kind as FrontierKind, source: str(r.source), state: r.state as FrontierState,
    title: str(r.title), published: str(r.published), attempts: Number(r.attempts ?? 0), nextFetch: num(r.next_fetch),
    etag: str(r.etag), lastModified: str(r.last_modified), contentHash: str(r.content_hash), status: num(r.status),
    error: str(r.error), discoveredAt: Number(r.discovered_at), fetchedAt: num(r.fetched_at),
  };
}

const DUE = "kind = ? AND next_fetch IS NOT NULL AND next_fetch <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
/** Entries due but claimed by another collector whose claim still runs. */
const LEASED_ELSEWHERE = "SELECT MIN(claimed_until) AS until FROM collect_frontier WHERE kind = ? AND next_fetch IS NOT NULL AND next_fetch <= ? AND claimed_until >= ? AND claimed_by <> ?";

/** SET clause of finish(); COALESCE keeps stored validators when the update brings none. */
const FINISH_SET = `state = ?, next_fetch = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
  content_hash = COALESCE(?, content_hash), status = ?, error = ?,
  attempts = CASE WHEN ? = 1 THEN attempts + 1 WHEN ? = 0 THEN 0 ELSE attempts END,
  fetched_at = ?, claimed_until = NULL, claimed_by = NULL`;

function finishParams(u: FinishUpdate, now: number): unknown[] {
  const fa = u.failedAttempt === undefined ? -1 : u.failedAttempt ? 1 : 0;
  return [u.state, u.nextFetch, u.etag ?? null, u.lastModified ?? null, u.contentHash ?? null, u.status ?? null, u.error ?? null, fa, fa, now];
}

class SqliteFrontier implements Frontier {
  readonly kind = "sqlite" as const;
  readonly worker = randomUUID();
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 10000");
    for (const sql of TABLE_SQL) this.db.exec(sql);
    // One collector per SQLite file: whatever a killed run had claimed is free again.
    this.db.prepare("UPDATE collect_frontier SET claimed_until = NULL, claimed_by = NULL WHERE claimed_until IS NOT NULL").run();
  }

  async addFeeds(urls: string[], now: number, source: string | null = null): Promise<number> {
    const ins = this.db.prepare(
      `INSERT INTO collect_frontier (url, kind, source, state, next_fetch, discovered_at) VALUES (?, 'feed', ?, 'new', ?, ?) ${REVIVE_FEED}`,
    );
    let n = 0;
    this.db.transaction(() => {
      for (const u of urls) n += ins.run(u, source, now, now).changes;
    })();
    return n;
  }

  async addPages(pages: NewPage[], source: string, now: number): Promise<string[]> {
    const ins = this.db.prepare(
      `INSERT INTO collect_frontier (url, kind, source, state, title, published, next_fetch, discovered_at)
       VALUES (?, 'page', ?, 'new', ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
    );
    const added: string[] = [];
    this.db.transaction(() => {
      for (const p of pages) if (ins.run(p.url, source, p.title ?? null, p.published ?? null, now, now).changes) added.push(p.url);
    })();
    return added;
  }

  async claim(kind: FrontierKind, limit: number, now: number, leaseMs: number, dueBy = now): Promise<FrontierEntry[]> {
    const select = this.db.prepare(`SELECT * FROM collect_frontier WHERE ${DUE} ORDER BY next_fetch, discovered_at, url LIMIT ?`);
    const mark = this.db.prepare("UPDATE collect_frontier SET claimed_until = ?, claimed_by = ? WHERE url = ?");
    return this.db.transaction(() => {
      const rows = select.all(kind, dueBy, now, limit) as Row[];
      for (const r of rows) mark.run(now + leaseMs, this.worker, r.url);
      return rows.map(toEntry);
    }).immediate();
  }

  async leasedElsewhereUntil(kind: FrontierKind, dueBy: number, now: number): Promise<number | null> {
    const row = this.db.prepare(LEASED_ELSEWHERE).get(kind, dueBy, now, this.worker) as { until: number | null } | undefined;
    return row?.until ?? null;
  }

  async finish(url: string, u: FinishUpdate, now: number): Promise<void> {
    this.db.prepare(`UPDATE collect_frontier SET ${FINISH_SET} WHERE url = ?`).run(...(finishParams(u, now) as never[]), url);
  }

  async get(url: string): Promise<FrontierEntry | null> {
    const r = this.db.prepare("SELECT * FROM collect_frontier WHERE url = ?").get(url) as Row | undefined;
    return r ? toEntry(r) : null;
  }

  async stats(): Promise<Record<string, number>> {
    const rows = this.db.prepare("SELECT kind, state, COUNT(*) AS n FROM collect_frontier GROUP BY kind, state").all() as Row[];
    return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.state}`, Number(r.n)]));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** `?` placeholders to PostgreSQL's `$1, $2...`. */
function pgSql(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

class PostgresFrontier implements Frontier {
  readonly kind = "postgres" as const;
  readonly worker = randomUUID();

  private constructor(private readonly pool: import("pg").Pool) {}

  static async connect(url: string): Promise<PostgresFrontier> {
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    try {
      // Several collectors may start together; CREATE ... IF NOT EXISTS alone can race.
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('collect_frontier'))");
      for (const sql of TABLE_SQL) await client.query(sql);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    return new PostgresFrontier(pool);
  }

  private async q(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(pgSql(sql), params)).rows as Row[];
  }

  async addFeeds(urls: string[], now: number, source: string | null = null): Promise<number> {
    let n = 0;
    for (const u of urls) {
      n += (await this.q(
        `INSERT INTO collect_frontier (url, kind, source, state, next_fetch, discovered_at) VALUES (?, 'feed', ?, 'new', ?, ?) ${REVIVE_FEED} RETURNING url`,
        [u, source, now, now],
      )).length;
    }
    return n;
  }

  async addPages(pages: NewPage[], source: string, now: number): Promise<string[]> {
    const added: string[] = [];
    for (const p of pages) {
      const rows = await this.q(
        `INSERT INTO collect_frontier (url, kind, source, state, title, published, next_fetch, discovered_at)
         VALUES (?, 'page', ?, 'new', ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING RETURNING url`,
        [p.url, source, p.title ?? null, p.published ?? null, now, now],
      );
      if (rows.length) added.push(p.url);
    }
    return added;
  }

  async claim(kind: FrontierKind, limit: number, now: number, leaseMs: number, dueBy = now): Promise<FrontierEntry[]> {
    // SKIP LOCKED: collectors claiming at the same moment get disjoint rows instead of waiting.
    const rows = await this.q(
      `UPDATE collect_frontier SET claimed_until = ?, claimed_by = ? WHERE url IN (
         SELECT url FROM collect_frontier WHERE ${DUE} ORDER BY next_fetch, discovered_at, url LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now + leaseMs, this.worker, kind, dueBy, now, limit],
    );
    return rows.map(toEntry).sort((a, b) => (a.nextFetch ?? 0) - (b.nextFetch ?? 0) || a.discoveredAt - b.discoveredAt);
  }

  async leasedElsewhereUntil(kind: FrontierKind, dueBy: number, now: number): Promise<number | null> {
    const rows = await this.q(LEASED_ELSEWHERE, [kind, dueBy, now, this.worker]);
    return rows[0]?.until == null ? null : Number(rows[0].until);
  }

  async finish(url: string, u: FinishUpdate, now: number): Promise<void> {
    // Typed placeholders: PostgreSQL cannot infer the type of a bare parameter compared in CASE.
    const sql = FINISH_SET.replace("CASE WHEN ? = 1 THEN attempts + 1 WHEN ? = 0", "CASE WHEN ?::int = 1 THEN attempts + 1 WHEN ?::int = 0")
      .replace("next_fetch = ?", "next_fetch = ?::bigint").replace("fetched_at = ?", "fetched_at = ?::bigint")
      .replace("status = ?", "status = ?::int");
    await this.q(`UPDATE collect_frontier SET ${sql} WHERE url = ?`, [...finishParams(u, now), url]);
  }

  async get(url: string): Promise<FrontierEntry | null> {
    const rows = await this.q("SELECT * FROM collect_frontier WHERE url = ?", [url]);
    return rows.length ? toEntry(rows[0]) : null;
  }

  async stats(): Promise<Record<string, number>> {
    const rows = await this.q("SELECT kind, state, COUNT(*) AS n FROM collect_frontier GROUP BY kind, state");
    return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.state}`, Number(r.n)]));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Open the frontier in the database named by --db: a file (SQLite) or postgres://... */
export async function openFrontier(db: string): Promise<Frontier> {
  if (/^postgres(ql)?:\/\//i.test(db)) return PostgresFrontier.connect(db);
  return new SqliteFrontier(db);
}
