// Opening a store from a --db argument: a file path (SQLite) or postgres://... (PostgreSQL).

import { SqlStore } from "./sql.js";
import { SqliteAdapter } from "./sqlite.js";
import type { Store } from "./types.js";

export * from "./types.js";
export { mergeReason, samePerson, dayNumber } from "./merge.js";

export const DEFAULT_DB = "parley.db";

export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  let store: Store;
  if (/^postgres(ql)?:\/\//i.test(db)) {
    const { PostgresAdapter } = await import("./postgres.js");
    store = new SqlStore(await PostgresAdapter.connect(db));
  } else {
    store = new SqlStore(new SqliteAdapter(db));
  }
  await store.migrate();
  return store;
}
