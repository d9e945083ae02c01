// PostgreSQL adapter: the same store logic as SQLite, through node-postgres. Full-text search
// uses a tsvector with the 'simple' configuration (no language-specific stemming, so Arabic,
// Cyrillic and Latin text are indexed alike) and prefix queries for inflected forms.

import pg from "pg";
import { derivedSchema } from "./derived.js";
import { snippetOf, type Row, type SqlAdapter } from "./sql.js";

const MIGRATIONS: { version: number; sql: string[]; rebuild?: boolean }[] = [
  {
    version: 1,
    sql: [
      `CREATE TABLE documents (id BIGSERIAL PRIMARY KEY, origin TEXT NOT NULL UNIQUE, name TEXT NOT NULL, hash TEXT NOT NULL,
        source TEXT, lang TEXT, published TEXT, title TEXT, body TEXT, encoding TEXT, orgs TEXT, lexicon_version TEXT, ingested_at TEXT)`,
      `CREATE TABLE events (id BIGSERIAL PRIMARY KEY, type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein DOUBLE PRECISION, date TEXT, day INTEGER,
        countries TEXT NOT NULL, location_city TEXT, location_country TEXT)`,
      "CREATE INDEX events_key ON events (type, countries, day)",
      "CREATE INDEX events_date ON events (date)",
      "CREATE TABLE event_actors (event_id BIGINT NOT NULL, country TEXT NOT NULL, name TEXT, role TEXT, PRIMARY KEY (event_id, country))",
      "CREATE INDEX event_actors_country ON event_actors (country, event_id)",
      "CREATE INDEX event_actors_name ON event_actors (name)",
      "CREATE TABLE event_topics (event_id BIGINT NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (event_id, topic))",
      "CREATE INDEX event_topics_topic ON event_topics (topic, event_id)",
      `CREATE TABLE reports (id BIGSERIAL PRIMARY KEY, event_id BIGINT NOT NULL, document_id BIGINT NOT NULL REFERENCES documents (id),
        idx INTEGER, date TEXT, actors TEXT, topics TEXT, location TEXT, sentence TEXT, start_offset INTEGER, end_offset INTEGER, why TEXT)`,
      "CREATE INDEX reports_event ON reports (event_id)",
      "CREATE INDEX reports_document ON reports (document_id)",
      "CREATE TABLE documents_fts (id BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)",
      "CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv)",
    ],
  },
  {
    // Deep pages of the default order (newest first, undated last).
    version: 2,
    sql: ["CREATE INDEX events_date_id ON events (date DESC NULLS LAST, id DESC)"],
  },
  {
    // Stated figures and every extracted span of a document (the HTTP API shows them).
    version: 3,
    sql: [
      `CREATE TABLE figures (id BIGSERIAL PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents (id), what TEXT, value DOUBLE PRECISION NOT NULL, unit TEXT,
        year INTEGER, pair TEXT, sentence TEXT, start_offset INTEGER, end_offset INTEGER)`,
      "CREATE INDEX figures_document ON figures (document_id)",
      "CREATE INDEX figures_pair ON figures (pair, year)",
      `CREATE TABLE mentions (id BIGSERIAL PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents (id), kind TEXT NOT NULL, value TEXT,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, body_start INTEGER, body_end INTEGER, event_idx INTEGER)`,
      "CREATE INDEX mentions_document ON mentions (document_id)",
      "CREATE INDEX documents_published ON documents (published, id)",
    ],
  },
  {
    // Persons with their event counts (GET /api/actors?kind=person) read this index alone.
    version: 4,
    sql: ["CREATE INDEX event_actors_name_country ON event_actors (name, country)"],
  },
  {
    // Keys, counts and aggregates kept at ingest so queries stay fast as the store grows
    // (derived.ts); built here from the events already stored.
    version: 5,
    sql: derivedSchema("postgres"),
    rebuild: true,
  },
  {
    // A timeline reads one period length of a pair in order (days, months and years share the table).
    version: 6,
    sql: ["CREATE INDEX agg_pair_length ON agg_pair (a, b, LENGTH(period), period)"],
  },
  {
    // Counts by type read this index alone, in type order.
    version: 7,
    sql: ["CREATE INDEX agg_month_type ON agg_month (type, month, n)"],
  },
  {
    // What each event's reports fold to (ingest.ts FoldState), so a report joining an event
    // extends it without its earlier reports being read; events stored before have none and
    // are folded from their reports when next joined.
    version: 8,
    sql: ["CREATE TABLE event_folds (event_id BIGINT PRIMARY KEY, state TEXT NOT NULL)"],
  },
];

/** `?` placeholders to PostgreSQL's `$1, $2, ...`. */
export function toDollar(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

type Queryable = pg.Pool | pg.PoolClient;

class PgSession implements SqlAdapter {
  readonly kind = "postgres" as const;
  constructor(protected readonly q: Queryable, private readonly inTx: boolean) {}

  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.q.query(toDollar(sql), params)).rows as Row[];
  }
  async run(sql: string, params: unknown[] = []): Promise<{ changes: number }> {
    return { changes: (await this.q.query(toDollar(sql), params)).rowCount ?? 0 };
  }
  async insertId(sql: string, params: unknown[] = []): Promise<number> {
    const r = await this.q.query(toDollar(sql) + " RETURNING id", params);
    return Number(r.rows[0].id);
  }
  async transaction<T>(fn: (tx: SqlAdapter) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this);
    const client = await (this.q as pg.Pool).connect();
    try {
      await client.query("BEGIN");
      const r = await fn(new PgSession(client, true));
      await client.query("COMMIT");
      return r;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  migrations() {
    return MIGRATIONS;
  }
  async indexDocument(tx: SqlAdapter, id: number, title: string | null, body: string | null, remove = false): Promise<void> {
    if (remove) await tx.run("DELETE FROM documents_fts WHERE id = ?", [id]);
    else await tx.run("INSERT INTO documents_fts (id, tsv) VALUES (?, to_tsvector('simple', ?))", [id, `${title ?? ""}\n${body ?? ""}`]);
  }
  async indexDocuments(tx: SqlAdapter, docs: { id: number; title: string | null; body: string | null }[]): Promise<void> {
    for (let s = 0; s < docs.length; s += 200) {
      const chunk = docs.slice(s, s + 200);
      await tx.run(`INSERT INTO documents_fts (id, tsv) VALUES ${chunk.map(() => "(?, to_tsvector('simple', ?))").join(", ")}`, chunk.flatMap((d) => [d.id, `${d.title ?? ""}\n${d.body ?? ""}`]));
    }
  }
  async searchDocuments(query: string, limit: number): Promise<{ id: number; snippet: string }[]> {
    const words = (query.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
    if (!words.length) return [];
    const tsq = words.map((w) => (w.length >= 6 ? `${w.slice(0, w.length - 2)}:*` : w)).join(" & ");
    // Ranking every match would decompress every match: rank the newest 500 candidates.
    const rows = await this.all(
      `WITH c AS (SELECT id, tsv FROM documents_fts WHERE tsv @@ to_tsquery('simple', ?) ORDER BY id DESC LIMIT 500)
       SELECT c.id, d.body FROM c JOIN documents d ON d.id = c.id ORDER BY ts_rank(c.tsv, to_tsquery('simple', ?)) DESC, c.id DESC LIMIT ?`,
      [tsq, tsq, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), snippet: snippetOf(String(r.body ?? ""), words) }));
  }
  async close(): Promise<void> {
    if (!this.inTx) await (this.q as pg.Pool).end();
  }
}

export class PostgresAdapter extends PgSession {
  static async connect(url: string): Promise<PostgresAdapter> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // The store's statements are small and ordered by an index: starting parallel workers costs
    // more than it saves (tens of milliseconds on a busy machine).
    pool.on("connect", (c) => void c.query("SET max_parallel_workers_per_gather = 0").catch(() => undefined));
    const c = await pool.connect(); // fail early with a clear error when the server is not there
    c.release();
    return new PostgresAdapter(pool, false);
  }
  get pool(): pg.Pool {
    return this.q as pg.Pool;
  }
}
