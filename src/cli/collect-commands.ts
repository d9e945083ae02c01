// `parley collect` and `parley watch`: options and output of the live collector (src/collect).
// The collector, the store and the pipeline are imported when one of the commands runs.

import type { Command } from "commander";
import type { CollectOptions } from "../collect/index.js";
import { TIME_BUDGET_OPTION } from "./budget.js";

type CollectModule = typeof import("../collect/index.js");

interface CollectCliOptions {
  feeds: string;
  db: string;
  delay?: string;
  concurrency?: string;
  timeout?: string;
  maxBytes?: string;
  maxPages?: string;
  retries?: string;
  userAgent?: string;
  quiet?: boolean;
  every?: string;
  timeBudget?: number;
}

function cliOptions(c: CollectModule, o: CollectCliOptions, onLine: (line: string) => void): CollectOptions {
  const { parseDuration, formatSummary } = c;
  const tty = !!process.stderr.isTTY;
  let last = 0;
  return {
    feeds: o.feeds,
    db: o.db,
    maxPages: o.maxPages ? Number(o.maxPages) : undefined,
    timeBudgetMs: o.timeBudget,
    fetcher: {
      delayMs: o.delay != null ? Number(o.delay) * 1000 : undefined,
      concurrency: o.concurrency ? Number(o.concurrency) : undefined,
      timeoutMs: o.timeout ? parseDuration(o.timeout.match(/\d$/) ? `${o.timeout}s` : o.timeout) : undefined,
      maxBytes: o.maxBytes ? Number(o.maxBytes) : undefined,
      retries: o.retries != null ? Number(o.retries) : undefined,
      userAgent: o.userAgent,
    },
    onError: (url, reason) => {
      if (tty && !o.quiet) process.stderr.write("\r\x1b[K");
      console.error(`parley: ${url}: ${reason}`);
    },
    onProgress: (s) => {
      if (o.quiet) return;
      const t = Date.now();
      if (!tty && t - last < 5000) return;
      last = t;
      onLine(formatSummary(s));
    },
  };
}

function progressLine(label: string): (line: string) => void {
  return (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${label}: ${line}`);
    else process.stderr.write(`${label}: ${line}\n`);
  };
}

function addCommonOptions(cmd: Command): Command {
  return cmd
    .requiredOption("--feeds <file>", "feeds file: one feed or sitemap URL a line, optional key=value settings (delay=S concurrency=N every=MIN), # comments")
    .option("--db <db>", "SQLite file or postgres:// URL", "parley.db")
    .option("--delay <seconds>", "default delay between requests to one host", "1")
    .option("--concurrency <n>", "default requests at once to one host", "2")
    .option("--timeout <duration>", "per request (e.g. 20s)", "20s")
    .option("--max-bytes <n>", "largest response accepted", String(5 * 1024 * 1024))
    .option("--max-pages <n>", "stop a pass after this many page fetches")
    .option("--retries <n>", "retries of a request on 5xx or timeout", "3")
    .option("--user-agent <ua>", "User-Agent header (keep Parley in it)")
    .option(...TIME_BUDGET_OPTION)
    .option("-q, --quiet", "no progress line");
}

/** Add `collect` and `watch` to the CLI. */
export function registerCollectCommands(program: Command): void {
  addCommonOptions(program.command("collect").description("read feeds and news sitemaps, fetch new articles politely, extract and store them"))
    .action(async (o: CollectCliOptions) => {
      const c = await import("../collect/index.js");
      const { collect, formatSummary } = c;
      const line = progressLine("collect");
      try {
        const s = await collect(cliOptions(c, o, line));
        if (process.stderr.isTTY && !o.quiet) process.stderr.write("\r\x1b[K");
        if (!o.quiet) process.stderr.write(`collect: ${formatSummary(s)}\n`);
        process.exitCode = s.failed && !s.fetched && !s.feedsRead ? 1 : 0;
      } catch (e) {
        console.error(`parley: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
  addCommonOptions(program.command("watch").description("collect again and again (resumes after a restart); Ctrl-C stops"))
    .option("--every <duration>", "time between passes (e.g. 15m)", "15m")
    .action(async (o: CollectCliOptions) => {
      const c = await import("../collect/index.js");
      const { watch, formatSummary, parseDuration } = c;
      const ctrl = new AbortController();
      const stop = () => {
        if (ctrl.signal.aborted) process.exit(130);
        process.stderr.write("\nparley: stopping after the pages in flight (Ctrl-C again to quit now)\n");
        ctrl.abort();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      const line = progressLine("watch");
      try {
        await watch({
          ...cliOptions(c, o, line), everyMs: parseDuration(o.every ?? "15m"), signal: ctrl.signal,
          onPass: (pass, s) => {
            if (process.stderr.isTTY && !o.quiet) process.stderr.write("\r\x1b[K");
            if (!o.quiet) process.stderr.write(`watch: pass ${pass} at ${new Date().toISOString()}: ${formatSummary(s)}\n`);
          },
        });
      } catch (e) {
        console.error(`parley: ${(e as Error).message}`);
        process.exitCode = 1;
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
