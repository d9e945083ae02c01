// Time-shifted copies of one extraction result, to grow a query database from a small corpus:
// every event date and the published date move back by the same number of days, so each copy
// is a new week of the same news (merging across copies happens only where real reports of the
// same sides fall on neighbouring days, as it would in a real feed).

const DAY_MS = 86400000;

/**
 * A date shifted by `days` keeping its precision: YYYY-MM-DD moves by days; a partial date
 * (YYYY-MM, YYYY) moves its first day and keeps as many characters, so month- and year-only
 * dates stay put for several copies and merge the way partial dates do in real data.
 */
export function shiftDate(date, days) {
  if (!date || !days) return date ?? null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) + days * DAY_MS;
  return new Date(t).toISOString().slice(0, date.length);
}

/** A shallow copy of a DocumentResult with every date moved by `days` and a new origin. */
export function shiftResult(result, days, origin) {
  return {
    ...result,
    id: `${result.id}~${days}`,
    origin,
    published: shiftDate(result.published, days),
    events: result.events.map((e) => ({ ...e, date: shiftDate(e.date, days) })),
  };
}
