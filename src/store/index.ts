// Opening a store from a --db argument: a file path (SQLite) or postgres://... (PostgreSQL).

import { SqlStore } from "./sql.js";
import { SqliteAdapter } from "./sqlite.js";
import { DEFAULT_DB, type EventFilter, type EventRow, type Store } from "./types.js";

export * from "./types.js";
export { mergeReason, samePerson, dayNumber } from "./merge.js";

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

/**
 * Every event a filter selects, in date order, fetched a page at a time (keyset paging), so an
 * export of any size holds one page in memory.
 */
export async function* eachEvent(store: Store, filter: Omit<EventFilter, "limit" | "offset" | "cursor">, pageSize = 500): AsyncGenerator<EventRow> {
  let cursor: EventFilter["cursor"];
  for (;;) {
    const page = await store.events({ ...filter, sort: filter.sort ?? "date", limit: pageSize, cursor });
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1];
    cursor = { date: last.date, id: last.id };
  }
}
