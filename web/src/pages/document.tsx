// Document reader: the clean article with every extracted mention (sides, dates, places,
// triggers, topics...) highlighted and linked to its event; ?event=ID also highlights that
// event's evidence sentence. Arabic, Persian and Urdu run right to left.
import { useEffect } from "preact/hooks";
import { get, type DocumentDetail, type Event, type Mention } from "../api";
import { idOf, ParamProblem } from "../params";
import { href, type Route } from "../route";
import { locate, pieces, RTL, type Span } from "../text";
import { ErrorBox, Section, Show, TypeBadge, useLoad } from "../ui";

const KIND_LABEL: Record<string, string> = { trigger: "event word", actor: "side", date: "date", location: "place", topic: "topic", org: "organisation", third_country: "other country", figure: "figure" };

export function DocumentPage({ route }: { route: Route }) {
  try {
    const id = idOf(route.arg, "document id");
    const ev = route.params.get("event");
    return <DocumentView id={id} eventId={ev ? idOf(ev, "event") : null} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

interface Loaded { doc: DocumentDetail; links: Map<number, number>; event: Event | null }
type M = Span & { m: Mention; id: number | null };
/** A sentence-long span: the evidence of the highlighted event, or a mention as long as its sentence. */
type R = Span & { cls: string; title: string };
/** Mentions longer than this are sentence-level evidence (underlined), not words (marked). */
const WORD_MAX = 60;

function DocumentView({ id, eventId }: { id: number; eventId: number | null }) {
  const s = useLoad(`doc${id}-${eventId}`, async (): Promise<Loaded> => {
    const [doc, links, event] = await Promise.all([
      get<DocumentDetail>(`/documents/${id}`),
      get<{ links: { event: number; id: number }[] }>(`/documents/${id}/events`),
      eventId ? get<Event>(`/events/${eventId}`) : Promise.resolve(null),
    ]);
    return { doc, links: new Map(links.links.map((l) => [l.event, l.id])), event };
  });
  useEffect(() => {
    if (s.data) document.querySelector(".article .evidence")?.scrollIntoView({ block: "center" });
  }, [s.data]);
  return (
    <Show s={s} what={`document ${id}`}>
      {({ doc, links, event }) => {
        const body = doc.body ?? "";
        const all: M[] = doc.mentions.filter((m) => m.body_start != null && m.body_end != null && m.kind !== "title" && m.kind !== "published")
          .map((m) => ({ start: m.body_start!, end: m.body_end!, m, id: m.event != null ? links.get(m.event) ?? null : null }));
        const marks = all.filter((m) => m.end - m.start <= WORD_MAX);
        const ranges: R[] = all.filter((m) => m.end - m.start > WORD_MAX)
          .map((m) => ({ start: m.start, end: m.end, cls: `span-${m.m.kind}`, title: `${KIND_LABEL[m.m.kind] ?? m.m.kind}: ${m.m.value ?? ""}${m.id ? ` (event ${m.id})` : ""}` }));
        const evidence: R[] = [];
        if (event) for (const r of event.reports) if (r.origin === doc.origin) {
          const at = locate(body, r.sentence);
          if (at) evidence.push({ start: at[0], end: at[1], cls: "evidence", title: `evidence of event ${event.id}` });
        }
        const paras = pieces(body, marks, [...ranges, ...evidence]);
        const dir = RTL.has(doc.lang) ? "rtl" : "ltr";
        return (
          <>
            <div class="page-head">
              <h1 dir="auto" lang={doc.lang}>{doc.title ?? doc.name}</h1>
              <p class="kpis muted">{doc.source ?? doc.origin} · {doc.lang} · {doc.published ?? "no date"} · {doc.event_ids.length} events{doc.encoding ? ` · ${doc.encoding}` : ""}</p>
            </div>
            {eventId && event && !evidence.length ? <p class="error">Event {eventId} has no report in this document.</p> : null}
            <div class="grid">
              <Section title="Article" id="article" wide>
                <p class="legend small">{Object.entries(KIND_LABEL).map(([k, l]) => <mark key={k} class={`k-${k}`}>{l}</mark>)} {event ? <span class="evidence">evidence of event {event.id}</span> : null}</p>
                <div class="article" dir={dir} lang={doc.lang} data-testid="article">
                  {paras.map((row, i) => (
                    <p key={i}>{row.map((p, j) => {
                      let node = p.mark ? (
                        <mark class={`k-${p.mark.m.kind}`} title={`${KIND_LABEL[p.mark.m.kind] ?? p.mark.m.kind}: ${p.mark.m.value ?? ""}${p.mark.id ? ` (event ${p.mark.id})` : ""}`}>
                          {p.mark.id ? <a href={href("event", p.mark.id)}>{p.text}</a> : p.text}
                        </mark>
                      ) : <>{p.text}</>;
                      for (const r of p.ranges) node = <span class={r.cls} title={r.title} data-testid={r.cls === "evidence" ? "evidence" : undefined}>{node}</span>;
                      return <span key={j}>{node}</span>;
                    })}</p>
                  ))}
                </div>
              </Section>
              <Section title="Its events" id="doc-events">
                {doc.event_ids.length ? <ul>{doc.event_ids.map((e) => <li key={e}><a href={href("event", e)}>event {e}</a>{e === eventId ? " (highlighted)" : null} · <a href={href("document", id, { event: e })}>highlight</a></li>)}</ul> : <p class="muted">No events.</p>}
                {event ? <p>Highlighted: <TypeBadge type={event.type} mode={event.mode} /> {event.date}</p> : null}
              </Section>
              {doc.figures.length ? (
                <Section title="Stated figures" id="doc-figures">
                  <ul>{doc.figures.map((f, i) => <li key={i}>{f.what ?? "figure"}: {f.value.toLocaleString()} {f.unit}{f.year ? ` (${f.year})` : ""}{f.between.length ? ` · ${f.between.join("–")}` : ""}</li>)}</ul>
                </Section>
              ) : null}
            </div>
          </>
        );
      }}
    </Show>
  );
}
