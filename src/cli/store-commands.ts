// Store commands: ingest, events, dyads, timeline, search, show, export. Each opens the store
// named by --db (a file for SQLite, postgres://... for PostgreSQL) and calls one library function.
// The store, the schemas and the pipeline are imported when a command runs, not when the
// command line starts (`parley --help` and `parley article` need none of them).

import fs from "node:fs";
import os from "node:os";
import type { Command } from "commander";
import type { TSchema } from "@sinclair/typebox";
import { DEFAULT_DB, type EventFilter, type EventRow, type Store } from "../store/types.js";
import { TIME_BUDGET_OPTION } from "./budget.js";
import { Progress } from "./progress.js";
import { lowerBackgroundThreads } from "./jit.js";

const schemas = () => import("../api/schemas.js");
const formats = () => import("./format.js");

async function withStore<T>(db: string, fn: (s: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    const { openStore } = await import("../store/index.js");
    store = await openStore(db);
  } catch (e) {
    console.error(`parley: cannot open database ${db}: ${(e as Error).message}`);
    process.exit(2);
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

type Fmt = "table" | "json" | "csv";

/** A table on a terminal, JSON Lines when piped (the gh/kubectl/docker convention), or as asked. */
function defaultFormat(f: string | undefined, allowed: Fmt[] = ["table", "json"]): Fmt {
  if (f !== undefined && !allowed.includes(f as Fmt)) usage("format", `'${f}' is not one of ${allowed.join(", ")}`);
  return (f as Fmt) ?? (process.stdout.isTTY ? "table" : "json");
}

function usage(option: string, message: string): never {
  console.error(`parley: --${option}: ${message}`);
  process.exit(2);
}

/**
 * Check options with the HTTP API's schema for the same parameters: a bad value is named with
 * what is allowed, and the command exits 2 (as the API answers 400).
 */
async function checked<T extends TSchema>(schema: (s: Awaited<ReturnType<typeof schemas>>) => T, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { checkParams, ParamError } = await schemas();
  try {
    return checkParams(schema(await schemas()), params) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ParamError) usage(e.parameter, e.message.replace(new RegExp(`^${e.parameter}: `), ""));
    throw e;
  }
}

const FILTER_KEYS = ["country", "with", "type", "mode", "person", "org", "topic", "since", "until", "lang", "source"] as const;
/** The event filters among a command's options, validated. */
async function filtersOf(o: Record<string, unknown>): Promise<EventFilter> {
  const f: Record<string, unknown> = {};
  for (const k of FILTER_KEYS) if (o[k] !== undefined) f[k] = k === "type" ? String(o[k]).toUpperCase() : o[k];
  return (await checked((s) => s.EventFilterSchema, f)) as EventFilter;
}

async function printEvents(rows: EventRow[], format: Fmt): Promise<void> {
  const { CSV_HEADER, eventToCsv, eventToJson, eventsTable } = await formats();
  if (format === "json") for (const e of rows) process.stdout.write(eventToJson(e) + "\n");
  else if (format === "csv") {
    process.stdout.write(CSV_HEADER.join(",") + "\n");
    for (const e of rows) process.stdout.write(eventToCsv(e) + "\n");
  } else console.log(eventsTable(rows));
}

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${v}`);
  return n;
};

export function registerStoreCommands(program: Command): void {
  const dbOpt = ["--db <path|url>", "SQLite file or postgres:// URL", DEFAULT_DB] as const;

  program
    .command("ingest")
    .description("extract files and folders into the database (only new or changed documents)")
    .argument("<paths...>")
    .option(...dbOpt)
    .option("--workers <n>", "extraction threads (default: every core but the one that stores)", int)
    .option("--worker", "share the work with other `ingest --worker` processes through the PostgreSQL database")
    .option("--lease <seconds>", "with --worker: retake a job whose worker went silent this long", int, 60)
    .option(...TIME_BUDGET_OPTION)
    .action(async (paths: string[], o: { db: string; workers?: number; worker?: boolean; lease: number; timeBudget: number }) => {
      if (o.worker) {
        if (!/^postgres(ql)?:/.test(o.db)) {
          console.error("parley: --worker needs --db postgres://...");
          process.exitCode = 2;
          return;
        }
        const { runQueueWorker } = await import("../ingest/queue.js");
        const { listInputs } = await import("../input/index.js");
        await withStore(o.db, async (store) => {
          const s = await runQueueWorker(store, o.db, [...listInputs(paths)], {
            leaseSeconds: o.lease,
            timeBudgetMs: o.timeBudget,
            onError: (m) => console.error(`parley: skipped ${m}`),
          });
          console.error(`ingest worker: ${s.seen} claimed: ${s.inserted} new, ${s.replaced} changed, ${s.unchanged} unchanged, ${s.failed} failed`);
          process.exitCode = s.failed ? 1 : 0;
        });
        return;
      }
      const { ingestPaths, defaultIngestWorkers } = await import("../ingest/index.js");
      // With a core left to the storing thread, V8's compiler works there at a lower priority
      // and leaves the workers' cores to them (src/cli/jit.ts); on one core it would starve.
      if ((o.workers ?? defaultIngestWorkers()) < os.availableParallelism()) lowerBackgroundThreads();
      await withStore(o.db, async (store) => {
        const progress = new Progress("ingest");
        const s = await ingestPaths(store, paths, {
          workers: o.workers,
          timeBudgetMs: o.timeBudget,
          onProgress: (done, total) => {
            progress.total = total;
            progress.update(done);
          },
          onError: (m) => {
            progress.clear();
            console.error(`parley: skipped ${m}`);
          },
        });
        const c = await store.counts();
        progress.done(`${s.seen} files: ${s.inserted} new, ${s.replaced} changed, ${s.unchanged} unchanged, ${s.failed} failed; database has ${c.documents} documents, ${c.events} events from ${c.reports} reports`);
        process.exitCode = s.failed ? 1 : 0;
      });
    });

  const filterOptions = (c: Command) =>
    c
      .option(...dbOpt)
      .option("--country <code>", "events with this country or organisation as a side")
      .option("--with <code>", "and this one")
      .option("--type <TYPE>", "PLOVER type")
      .option("--mode <mode>")
      .option("--person <name>")
      .option("--org <code>")
      .option("--topic <topic>")
      .option("--since <date>")
      .option("--until <date>")
      .option("--lang <code>")
      .option("--source <host>")
      .option("--limit <n>", "rows", int)
      .option("--offset <n>", "skip rows", int)
      .option("--sort <order>", "date or -date", "-date")
      .option("--format <fmt>", "table, json (JSON Lines) or csv");

  filterOptions(program.command("events").description("query stored events")).action(async (o: EventFilter & { db: string; format?: string }) => {
    const format = defaultFormat(o.format, ["table", "json", "csv"]);
    const filter = await filtersOf(o as unknown as Record<string, unknown>);
    if (o.sort !== "date" && o.sort !== "-date") usage("sort", `'${o.sort}' is not one of date, -date`);
    const limit = o.limit ?? (format === "table" ? 50 : undefined);
    await withStore(o.db, async (s) => await printEvents(await s.events({ ...filter, sort: o.sort, offset: o.offset, limit }), format));
  });

  program
    .command("dyads")
    .description("partners of a country ranked by events, with the type mix and mean Goldstein score")
    .requiredOption("--country <code>")
    .option(...dbOpt)
    .option("--format <fmt>", "table or json")
    .action(async (o: { country: string; db: string; format?: string }) => {
      const format = defaultFormat(o.format);
      await checked((s) => s.DyadsQuery, { country: o.country });
      const { table } = await formats();
      await withStore(o.db, async (s) => {
        const rows = await s.dyads(o.country);
        if (format !== "table") for (const r of rows) console.log(JSON.stringify(r));
        else console.log(table(["partner", "events", "goldstein", "types"], rows.map((r) => [r.partner, String(r.events), r.goldstein.toFixed(2), Object.entries(r.types).map(([t, n]) => `${t}:${n}`).join(" ")]), [12, 7, 9, 100]));
      });
    });

  program
    .command("timeline")
    .description("events between two sides per period, with the mean Goldstein score")
    .argument("<a>")
    .argument("<b>")
    .option("--by <period>", "day, month or year", "month")
    .option(...dbOpt)
    .option("--format <fmt>", "table or json")
    .action(async (a: string, b: string, o: { by: "day" | "month" | "year"; db: string; format?: string }) => {
      const format = defaultFormat(o.format);
      await checked((s) => s.TimelineQuery, { a, b, by: o.by });
      const { table } = await formats();
      await withStore(o.db, async (s) => {
        const rows = await s.timeline(a, b, o.by);
        if (format !== "table") for (const r of rows) console.log(JSON.stringify(r));
        else {
          const max = Math.max(1, ...rows.map((r) => r.events));
          console.log(table(["period", "events", "", "goldstein"], rows.map((r) => [r.period, String(r.events), "█".repeat(Math.ceil((30 * r.events) / max)), r.goldstein.toFixed(2)]), [10, 7, 30, 9]));
        }
      });
    });

  program
    .command("search")
    .description("full-text search over stored articles, any language")
    .argument("<query>")
    .option(...dbOpt)
    .option("--limit <n>", "hits", int, 20)
    .option("--format <fmt>", "table or json")
    .action(async (q: string, o: { db: string; limit: number; format?: string }) => {
      const format = defaultFormat(o.format);
      const { table } = await formats();
      await withStore(o.db, async (s) => {
        const hits = await s.search(q, o.limit);
        if (format !== "table") for (const h of hits) console.log(JSON.stringify(h));
        else console.log(table(["document", "events", "title", "snippet"], hits.map((h) => [h.document, h.events.join(",") || "-", h.title ?? "", h.snippet]), [30, 16, 40, 80]));
      });
    });

  program
    .command("show")
    .description("an event, all its reports, their evidence sentences and why they were merged")
    .argument("<id>", "event id", int)
    .option(...dbOpt)
    .option("--format <fmt>", "table (readable text) or json")
    .action(async (id: number, o: { db: string; format?: string }) => {
      const format = defaultFormat(o.format);
      await withStore(o.db, async (s) => {
        const e = await s.event(id);
        if (!e) {
          console.error(`parley: no event ${id}`);
          process.exitCode = 1;
          return;
        }
        if (format === "json") {
          console.log(JSON.stringify(e));
          return;
        }
        console.log(`event ${e.id}: ${e.type}${e.mode ? "/" + e.mode : ""} (CAMEO ${e.cameo}, Goldstein ${e.goldstein}) on ${e.date ?? "unknown date"}${e.location ? ` at ${[e.location.city, e.location.country].filter(Boolean).join(", ")}` : ""}`);
        for (const a of e.actors) console.log(`  side: ${a.country}${a.name ? ` ${a.name}` : ""}${a.role ? ` (${a.role})` : ""}`);
        if (e.topics.length) console.log(`  topics: ${e.topics.join(", ")}`);
        e.reports.forEach((r, i) => {
          console.log(`  report ${i + 1}: ${r.document} [${r.lang}${r.source ? ", " + r.source : ""}] chars ${r.start}-${r.end}, date ${r.date ?? "-"}`);
          console.log(`    "${r.sentence}"`);
          console.log(`    ${r.why}`);
        });
      });
    });

  program
    .command("export")
    .description("export events with their reports")
    .option(...dbOpt)
    .option("--format <fmt>", "jsonl, csv, gdelt or plover", "jsonl")
    .option("--out <file>", "file (default stdout)")
    .action(async (o: { db: string; format: string; out?: string }) => {
      const { CSV_HEADER, eventToCsv, eventToGdelt, eventToJson, eventToPlover } = await formats();
      const { eachEvent } = await import("../store/index.js");
      const line = ({ jsonl: eventToJson, csv: eventToCsv, gdelt: eventToGdelt, plover: eventToPlover } as Record<string, (e: EventRow) => string>)[o.format];
      if (!line) usage("format", `'${o.format}' is not one of jsonl, csv, gdelt, plover`);
      await withStore(o.db, async (s) => {
        const out: NodeJS.WritableStream = o.out ? fs.createWriteStream(o.out) : process.stdout;
        // One page of events in memory at a time; waits when the output is slower than the store.
        const write = async (text: string) => {
          if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
        };
        if (o.format === "csv") await write(CSV_HEADER.join(",") + "\n");
        for await (const e of eachEvent(s, {})) await write(line(e) + "\n");
        if (o.out) await new Promise<void>((r) => out.end(() => r()));
      });
    });
}
