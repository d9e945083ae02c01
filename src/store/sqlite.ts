// SQLite adapter (embedded default): better-sqlite3, WAL mode, FTS5 with the unicode61
// tokenizer (it splits Arabic and Cyrillic words and folds diacritics).

import Database from "better-sqlite3";
import { derivedSchema } from "./derived.js";
import { insertRows } from "./ingest.js";
import { snippetOf, type Row, type SqlAdapter } from "./sql.js";

const MIGRATIONS: { version: number; sql: string[]; rebuild?: boolean }[] = [
  {
    version: 1,
    sql: [
      `CREATE TABLE documents (id INTEGER PRIMARY KEY, origin TEXT NOT NULL UNIQUE, name TEXT NOT NULL, hash TEXT NOT NULL,
        source TEXT, lang TEXT, published TEXT, title TEXT, body TEXT, encoding TEXT, orgs TEXT, lexicon_version TEXT, ingested_at TEXT)`,
      `CREATE TABLE events (id INTEGER PRIMARY KEY, type TEXT NOT NULL, mode TEXT, cameo TEXT, goldstein REAL, date TEXT, day INTEGER,
        countries TEXT NOT NULL, location_city TEXT, location_country TEXT)`,
      "CREATE INDEX events_key ON events (type, countries, day)",
      "CREATE INDEX events_date ON events (date)",
      "CREATE TABLE event_actors (event_id INTEGER NOT NULL, country TEXT NOT NULL, name TEXT, role TEXT, PRIMARY KEY (event_id, country))",
      "CREATE INDEX event_actors_country ON event_actors (country, event_id)",
      "CREATE INDEX event_actors_name ON event_actors (name)",
      "CREATE TABLE event_topics (event_id INTEGER NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (event_id, topic))",
      "CREATE INDEX event_topics_topic ON event_topics (topic, event_id)",
      `CREATE TABLE reports (id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL, document_id INTEGER NOT NULL REFERENCES documents (id),
        idx INTEGER, date TEXT, actors TEXT, topics TEXT, location TEXT, sentence TEXT, start_offset INTEGER, end_offset INTEGER, why TEXT)`,
      "CREATE INDEX reports_event ON reports (event_id)",
      "CREATE INDEX reports_document ON reports (document_id)",
      "CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, content='', tokenize='unicode61 remove_diacritics 2')",
    ],
  },
  {
    // Stated figures and every extracted span of a document (the HTTP API shows them).
    version: 3,
    sql: [
      `CREATE TABLE figures (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents (id), what TEXT, value REAL NOT NULL, unit TEXT,
        year INTEGER, pair TEXT, sentence TEXT, start_offset INTEGER, end_offset INTEGER)`,
      "CREATE INDEX figures_document ON figures (document_id)",
      "CREATE INDEX figures_pair ON figures (pair, year)",
      `CREATE TABLE mentions (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents (id), kind TEXT NOT NULL, value TEXT,
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
    sql: derivedSchema("sqlite"),
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
    sql: ["CREATE TABLE event_folds (event_id INTEGER PRIMARY KEY, state TEXT NOT NULL)"],
  },
];

export class SqliteAdapter implements SqlAdapter {
  readonly kind = "sqlite" as const;
  private readonly db: Database.Database;
  private depth = 0;
  /** Prepared statements by SQL text: preparing is the costly part of a small query. */
  private statements = new Map<string, Database.Statement>();

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 10000");
  }

  // Parameters go as one array (better-sqlite3 binds an array's items in order): spreading
  // thousands of them into arguments costs more than the bind itself.
  async all(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.stmt(sql).all(params as never) as Row[];
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastId?: number }> {
    const st = this.stmt(sql);
    // Statements that return rows (none here) cannot be run(); DDL and DML can.
    const r = st.run(params as never);
    return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
  }

  async insertId(sql: string, params: unknown[] = []): Promise<number> {
    return Number(this.stmt(sql).run(params as never).lastInsertRowid);
  }

  async transaction<T>(fn: (tx: SqlAdapter) => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn(this);
    this.db.exec("BEGIN IMMEDIATE");
    this.depth++;
    try {
      const r = await fn(this);
      this.db.exec("COMMIT");
      return r;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    } finally {
      this.depth--;
    }
  }

  migrations() {
    return MIGRATIONS;
  }

  async indexDocument(tx: SqlAdapter, id: number, title: string | null, body: string | null, remove = false): Promise<void> {
    // A contentless FTS5 table: deletions must repeat the indexed values.
    if (remove) await tx.run("INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)", [id, title ?? "", body ?? ""]);
    else await tx.run("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", [id, title ?? "", body ?? ""]);
  }

  async indexDocuments(tx: SqlAdapter, docs: { id: number; title: string | null; body: string | null }[]): Promise<void> {
    await insertRows(tx, "documents_fts", ["rowid", "title", "body"], docs.map((d) => [d.id, d.title ?? "", d.body ?? ""]));
  }

  async searchDocuments(query: string, limit: number): Promise<{ id: number; snippet: string }[]> {
    // Each word is quoted so user text cannot inject FTS syntax; words must all occur. Longer
    // words become prefixes so inflected forms match ("трудовая миграция" finds "трудовой миграции").
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) return [];
    const match = words.map((w) => (w.length >= 6 ? `"${w.slice(0, w.length - 2)}"*` : `"${w}"`)).join(" ");
    const rows = this.db.prepare("SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?").all(match, limit) as Row[];
    return rows.map((r) => {
      const doc = this.db.prepare("SELECT body FROM documents WHERE id = ?").get(r.id) as { body: string } | undefined;
      return { id: Number(r.id), snippet: snippetOf(doc?.body ?? "", words) };
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

