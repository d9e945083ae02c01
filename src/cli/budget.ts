// The --time-budget option of the commands that extract (extract, ingest, collect, watch).

import { DEFAULT_TIME_BUDGET_MS } from "../pipeline/limits.js";

const DEFAULT_SECONDS = DEFAULT_TIME_BUDGET_MS / 1000;

/** The --time-budget option: seconds per document, 0 for none. */
export function timeBudgetOption(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a number of seconds: ${v}`);
  return Math.round(n * 1000);
}

/** Commander arguments of the --time-budget option, shared by extract, ingest, collect and watch. */
export const TIME_BUDGET_OPTION = [
  "--time-budget <seconds>",
  `stop and report a document whose extraction takes longer than this (default ${DEFAULT_SECONDS}; 0: no limit)`,
  timeBudgetOption,
] as const;
