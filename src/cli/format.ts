// Output formats for stored events: table, JSON Lines, CSV, GDELT 2.0 event table, PLOVER JSON.

import type { EventRow } from "../store/index.js";

export function csvCell(v: unknown): string {
  const s = v == null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ["id", "date", "type", "mode", "cameo", "goldstein", "actor1_country", "actor1_name", "actor1_role", "actor2_country", "actor2_name", "actor2_role", "other_actors", "location_city", "location_country", "topics", "reports", "documents", "first_sentence"];

export function eventToCsv(e: EventRow): string {
  const [a, b, ...rest] = e.actors;
  return [
    e.id, e.date, e.type, e.mode, e.cameo, e.goldstein,
    a?.country, a?.name, a?.role, b?.country, b?.name, b?.role,
    rest.map((x) => x.country).join(" "),
    e.location?.city, e.location?.country, e.topics.join(" "), e.reports.length,
    [...new Set(e.reports.map((r) => r.document))].join(" "), e.reports[0]?.sentence,
  ].map(csvCell).join(",");
}

export function eventToJson(e: EventRow): string {
  return JSON.stringify({
    id: e.id, type: e.type, mode: e.mode, cameo: e.cameo, goldstein: e.goldstein, date: e.date, location: e.location,
    actors: e.actors, topics: e.topics,
    reports: e.reports.map((r) => ({ document: r.document, source: r.source, lang: r.lang, sentence: r.sentence, start: r.start, end: r.end })),
  });
}

/** An aligned plain-text table: a header, a rule, one line per row; long cells cut with "…". */
export function table(head: string[], rows: string[][], maxWidth: number[] = []): string {
  const clean = rows.map((r) => r.map((c) => c.replace(/\s+/g, " ")));
  const widths = head.map((h, i) => Math.min(maxWidth[i] ?? 60, Math.max(h.length, ...clean.map((l) => l[i].length))));
  const fmt = (l: string[]) => l.map((c, i) => (c.length > widths[i] ? c.slice(0, widths[i] - 1) + "…" : i === l.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return [fmt(head), widths.map((w) => "-".repeat(w)).join("  "), ...clean.map(fmt)].join("\n");
}

/** Events for a person at a terminal: date, type/mode, sides with persons, place, first evidence words. */
export function eventsTable(rows: EventRow[]): string {
  return table(
    ["id", "date", "type", "sides", "place", "reports", "evidence"],
    rows.map((e) => [
      String(e.id), e.date ?? "", `${e.type}${e.mode ? "/" + e.mode : ""}`,
      e.actors.map((a) => a.country + (a.name ? ` (${a.name})` : "")).join(" — "),
      e.location ? [e.location.city, e.location.country].filter(Boolean).join(", ") : "",
      String(e.reports.length), e.reports[0]?.sentence ?? "",
    ]),
    [8, 10, 22, 56, 20, 7, 60],
  );
}

const QUAD = (root: number) => (root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4);

/** One row of the GDELT 2.0 event table (61 tab-separated columns, its order). */
export function eventToGdelt(e: EventRow): string {
  const d = e.date ?? "";
  const sqlDate = d.length === 10 ? d.replace(/-/g, "") : d.length === 7 ? d.replace("-", "") + "00" : d.length === 4 ? d + "0000" : "";
  const year = d.slice(0, 4);
  const month = d.length >= 7 ? d.slice(5, 7) : "01";
  const day = d.length === 10 ? Number(d.slice(8, 10)) : 1;
  const fraction = year ? (Number(year) + ((Number(month) - 1) * 30 + day) / 365).toFixed(4) : "";
  const actor = (a?: { country: string; name: string | null; role: string | null }) => {
    const isCountry = !!a && /^[A-Z]{3}$/.test(a.country);
    // Actor code, name, country code, known group, ethnic, religion x2, type x3.
    return [a?.country ?? "", a?.name ?? a?.country ?? "", isCountry ? a!.country : "", isCountry ? "" : a?.country ?? "", "", "", "", roleToGdeltType(a?.role ?? null), "", ""];
  };
  const cameo = e.cameo || "";
  const root = Number(cameo.slice(0, 2)) || 0;
  const geo = e.location ? ["1", [e.location.city, e.location.country].filter(Boolean).join(", "), e.location.country ?? "", "", "", "", "", ""] : ["0", "", "", "", "", "", "", ""];
  const sources = new Set(e.reports.map((r) => r.source ?? r.origin));
  const cols = [
    String(e.id), sqlDate, sqlDate.slice(0, 6), year, fraction,
    ...actor(e.actors[0]), ...actor(e.actors[1]),
    "1", cameo, cameo.slice(0, 3), cameo.slice(0, 2), String(root ? QUAD(root) : ""), String(e.goldstein),
    String(e.reports.length), String(sources.size), String(new Set(e.reports.map((r) => r.document)).size), "0",
    ...geo, ...geo, ...geo,
    sqlDate, e.reports[0]?.origin ?? "",
  ];
  return cols.join("\t");
}

function roleToGdeltType(role: string | null): string {
  switch (role) {
    case "head_of_state": case "head_of_government": case "foreign_minister": case "minister": case "official": return "GOV";
    case "legislature_head": case "legislator": return "LEG";
    case "military": return "MIL";
    case "ambassador": return "GOV";
    case "org_head": return "IGO";
    default: return "";
  }
}

/** PLOVER/POLECAT-style record. */
export function eventToPlover(e: EventRow): string {
  const [a, b, ...rest] = e.actors;
  return JSON.stringify({
    event_id: String(e.id), event_date: e.date, event_type: e.type, event_mode: e.mode, event_text: e.reports[0]?.sentence ?? null,
    actor: a?.name ?? a?.country ?? null, actor_country: a?.country ?? null, actor_role: a?.role ?? null,
    recipient: b?.name ?? b?.country ?? null, recipient_country: b?.country ?? null, recipient_role: b?.role ?? null,
    other_actors: rest.map((x) => ({ country: x.country, name: x.name, role: x.role })),
    cameo: e.cameo, goldstein: e.goldstein, location: e.location, topics: e.topics,
    sources: e.reports.map((r) => ({ document: r.document, source: r.source, language: r.lang, sentence: r.sentence, start: r.start, end: r.end })),
  });
}
