// `parley serve`: the HTTP API (src/api/server.ts) on a port, with its security defaults checked
// before listening, and a clean shutdown on SIGINT/SIGTERM (in-flight requests finish, then the
// database is closed).

import fs from "node:fs";
import type { Command } from "commander";
import { DEFAULT_DB } from "../store/types.js";
import { TIME_BUDGET_OPTION } from "./budget.js";

export interface ServeCliOptions {
  db: string;
  port: string;
  host: string;
  tokenFile?: string;
  readOnly?: boolean;
  private?: boolean;
  auth: boolean;
  cors?: string;
  bodyLimit: string;
  timeout: string;
  log: string;
  /** Milliseconds per posted document (from --time-budget). */
  timeBudget?: number;
}

/** The token from --token-file (first line) or PARLEY_TOKEN. */
export function readToken(file: string | undefined, env = process.env): string | null {
  if (file) return fs.readFileSync(file, "utf8").split(/\r?\n/)[0].trim() || null;
  return env.PARLEY_TOKEN?.trim() || null;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("the HTTP API over the database: JSON, CSV and JSON Lines; OpenAPI at /api/openapi.json, reference at /api/docs")
    .option("--db <path|url>", "SQLite file or postgres:// URL", DEFAULT_DB)
    .option("--port <n>", "port", "8080")
    .option("--host <addr>", "address to listen on (0.0.0.0 for every interface)", "127.0.0.1")
    .option("--token-file <file>", "bearer token for writes (first line of the file; else PARLEY_TOKEN)")
    .option("--read-only", "no POST/DELETE at all")
    .option("--private", "reads need the token too")
    .option("--no-auth", "writes without a token (loopback addresses only)")
    .option("--cors <origin>", "allow this browser origin (CORS is off by default)")
    .option("--body-limit <MB>", "largest request body in MB", "5")
    .option("--timeout <seconds>", "request timeout", "30")
    .option(...TIME_BUDGET_OPTION)
    .option("--log <level>", "log level (info, warn, error, silent); logs are JSON lines on stdout", "info")
    .action(async (o: ServeCliOptions) => {
      const port = Number(o.port), bodyMb = Number(o.bodyLimit), timeout = Number(o.timeout);
      const bad = !Number.isInteger(port) || port < 0 || port > 65535 ? ["port", o.port] : !(bodyMb > 0) ? ["body-limit", o.bodyLimit] : !(timeout > 0) ? ["timeout", o.timeout] : null;
      if (bad) {
        console.error(`parley: --${bad[0]}: '${bad[1]}' is not a valid number`);
        process.exit(2);
      }
      // The server and the store load only when the command runs.
      const { buildServer, checkServeOptions } = await import("../api/server.js");
      const { openStore } = await import("../store/index.js");
      const { WEB_DIR } = await import("../api/web.js");
      let token: string | null;
      try {
        token = readToken(o.tokenFile);
        checkServeOptions({ token, readOnly: o.readOnly, private: o.private, noAuth: !o.auth, host: o.host });
      } catch (e) {
        console.error(`parley: serve: ${(e as Error).message}`);
        process.exit(2);
      }
      let store;
      try {
        store = await openStore(o.db);
      } catch (e) {
        console.error(`parley: cannot open database ${o.db}: ${(e as Error).message}`);
        process.exit(2);
      }
      const app = await buildServer({
        store, token, readOnly: o.readOnly, private: o.private, noAuth: !o.auth, cors: o.cors ?? null,
        bodyLimit: Math.round(bodyMb * 1024 * 1024), requestTimeoutMs: timeout * 1000, timeBudgetMs: o.timeBudget,
        logger: o.log === "silent" ? false : { level: o.log }, web: WEB_DIR,
      });
      let closing = false;
      const stop = async (signal: string) => {
        if (closing) process.exit(1); // a second signal: do not wait
        closing = true;
        app.log.info({ signal }, "shutting down: finishing requests in flight");
        await app.close();
        await store.close();
        process.exitCode = 0;
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));
      const at = await app.listen({ port, host: o.host });
      const mode = o.readOnly ? "read-only" : !o.auth ? "writes WITHOUT a token (loopback)" : "writes need the token";
      console.error(`parley: dashboard at ${at}/ ; serving ${o.db} at ${at}/api (${mode}${o.private ? ", reads need the token" : ""}); reference at ${at}/api/docs`);
    });
}
