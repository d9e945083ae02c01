// Event page: type, mode, CAMEO, date, place, sides with persons and offices, topics, and every
// report with its evidence sentence highlighted in the article, and why it was merged.
import { get, type DocumentDetail, type Event } from "../api";
import { countryName } from "../countries";
import { familyOf, fmtG } from "../events";
import { idOf, ParamProblem } from "../params";
import { href, type Route } from "../route";
import { locate, RTL } from "../text";
import { ErrorBox, Goldstein, Section, Show, TypeBadge, useLoad } from "../ui";

export function EventPage({ route }: { route: Route }) {
  try {
    return <EventView id={idOf(route.arg, "event id")} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

interface Loaded { event: Event; docs: { report: number; document_id: number }[] }

function EventView({ id }: { id: number }) {
  const s = useLoad("ev" + id, async (): Promise<Loaded> => {
    const [event, docs] = await Promise.all([get<Event>(`/events/${id}`), get<{ documents: { report: number; document_id: number }[] }>(`/events/${id}/documents`)]);
    return { event, docs: docs.documents };
  });
  return (
    <Show s={s} what={`event ${id}`}>
      {({ event: e, docs }) => (
        <>
          <div class="page-head">
            <h1>Event {e.id}: <TypeBadge type={e.type} mode={e.mode} /></h1>
            <p class="kpis">{e.date ?? "undated"}{e.actors.length === 2 ? <> · <a href={href("dyad", `${e.actors[0].country}-${e.actors[1].country}`)}>dyad {e.actors[0].country}–{e.actors[1].country}</a></> : null}</p>
          </div>
          <div class="grid">
            <Section title="What" id="what">
              <dl class="kv">
                <dt>type</dt><dd>{e.type} <span class="muted">({familyOf(e.type)})</span></dd>
                <dt>mode</dt><dd>{e.mode ?? "—"}</dd>
                <dt>CAMEO</dt><dd><code>{e.cameo}</code></dd>
                <dt>Goldstein</dt><dd><Goldstein g={e.goldstein} /> <span class="muted small">{fmtG(e.goldstein)} on −10…+10</span></dd>
                <dt>date</dt><dd>{e.date ?? "undated"}</dd>
                <dt>place</dt><dd>{e.location ? [e.location.city, e.location.country ? countryName(e.location.country) : null].filter(Boolean).join(", ") : "—"}</dd>
                <dt>topics</dt><dd>{e.topics.length ? <ul class="chips">{e.topics.map((t) => <li key={t}>{t}</li>)}</ul> : "—"}</dd>
              </dl>
            </Section>
            <Section title="Sides" id="sides">
              <table class="compact">
                <thead><tr><th scope="col">side</th><th scope="col">person</th><th scope="col">office</th></tr></thead>
                <tbody>{e.actors.map((a) => (
                  <tr key={a.country}><td><a href={href("country", a.country)}>{a.country}</a> <span class="muted small">{countryName(a.country)}</span></td>
                    <td>{a.name ? <a href={href("search", null, { person: a.name })}>{a.name}</a> : "—"}</td><td>{a.role?.replace(/_/g, " ") ?? "—"}</td></tr>
                ))}</tbody>
              </table>
            </Section>
            <Section title={`Reports (${e.reports.length})`} id="reports" wide>
              {e.reports.map((r, i) => <ReportView key={i} r={r} i={i} eventId={e.id} docId={docs.find((d) => d.report === i)?.document_id ?? null} />)}
            </Section>
          </div>
        </>
      )}
    </Show>
  );
}

function ReportView({ r, i, eventId, docId }: { r: Event["reports"][number]; i: number; eventId: number; docId: number | null }) {
  const doc = useLoad("doc" + docId, () => (docId ? get<DocumentDetail>(`/documents/${docId}`) : Promise.reject(new Error("the report's document is not stored"))));
  const dir = RTL.has(r.lang) ? "rtl" : "ltr";
  return (
    <article class="report" data-testid="report">
      <p>
        <b>{r.source ?? r.document}</b> <span class="muted">({r.lang}{r.date ? ", " + r.date : ""})</span>
        {docId ? <> · <a href={href("document", docId, { event: eventId })} data-testid="open-document">read the article with this event highlighted</a></> : null}
      </p>
      <p class="muted small">Why here: {r.why}</p>
      <Show s={doc} what="the article">
        {(d) => {
          const body = d.body ?? "";
          const at = locate(body, r.sentence);
          if (!at) return <blockquote class="excerpt" dir={dir} lang={r.lang}><span class="evidence">{r.sentence}</span></blockquote>;
          // The paragraph around the sentence, the sentence highlighted.
          const ps = body.lastIndexOf("\n\n", at[0]);
          const pe = body.indexOf("\n\n", at[1]);
          const from = ps < 0 ? 0 : ps + 2, to = pe < 0 ? body.length : pe;
          return (
            <blockquote class="excerpt" dir={dir} lang={r.lang} id={`report-${i}`}>
              {body.slice(from, at[0])}<span class="evidence" data-testid="evidence">{body.slice(at[0], at[1])}</span>{body.slice(at[1], to)}
            </blockquote>
          );
        }}
      </Show>
    </article>
  );
}
