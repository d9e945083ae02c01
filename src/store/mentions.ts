// The spans an extraction found in a document, as rows to store beside it: the title and date
// line, each event's trigger, sides, date, place and topics, the organisations and third
// countries, the stated figures. Offsets are kept twice: into the decoded input (as in the
// extraction's evidence) and into the stored body (paragraphs joined by blank lines), so a page
// showing the body can highlight them.

import type { DocumentResult, Span } from "../types.js";
import type { MentionRow } from "./types.js";

/** Maps offsets of the decoded text to offsets of `body` (the body spans joined by "\n\n"). */
export function bodyOffsetMap(paragraphs: Span[]): (s: Span) => { body_start: number | null; body_end: number | null } {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.end - p.start + 2;
  }
  return (s) => {
    // Paragraphs are few: a linear scan is fine.
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      if (s.start >= p.start && s.end <= p.end) return { body_start: starts[i] + s.start - p.start, body_end: starts[i] + s.end - p.start };
    }
    return { body_start: null, body_end: null };
  };
}

export function documentMentions(r: DocumentResult): MentionRow[] {
  const toBody = bodyOffsetMap(r.evidence.body);
  const out: MentionRow[] = [];
  const add = (kind: MentionRow["kind"], value: string | null, s: Span | null | undefined, event: number | null = null) => {
    if (!s || !(s.end > s.start)) return;
    out.push({ kind, value, start: s.start, end: s.end, ...toBody(s), event });
  };
  add("title", r.title, r.evidence.title);
  add("published", r.published, r.evidence.published);
  r.events.forEach((e, i) => {
    add("trigger", `${e.type}${e.mode ? "/" + e.mode : ""}${e.status ? ` (${e.status})` : ""}`, e.trigger, i);
    for (const a of e.actors) for (const ev of a.evidence) add("actor", a.name ? `${a.country} ${a.name}` : a.country, ev, i);
    if (e.dateEvidence) add("date", e.date, e.dateEvidence, i);
    if (e.location) add("location", [e.location.city, e.location.country].filter(Boolean).join(", ") || null, e.location.evidence, i);
    (e.topicEvidence ?? []).forEach((ev, k) => add("topic", e.topics[k] ?? null, ev, i));
  });
  for (const [code, ev] of Object.entries(r.evidence.orgs)) add("org", code, ev);
  for (const [code, ev] of Object.entries(r.evidence.third_countries)) add("third_country", code, ev);
  for (const f of r.figures) add("figure", `${f.what ?? "figure"}: ${f.value} ${f.unit}`, f.evidence);
  // Duplicates (one sentence as the evidence of two sides) are kept once.
  const seen = new Set<string>();
  return out.filter((m) => {
    const k = `${m.kind}|${m.value}|${m.start}|${m.end}|${m.event}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => a.start - b.start || a.end - b.end);
}
