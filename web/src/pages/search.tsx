// Search: full text over the stored articles in any language, and events by filters. Every
// field lives in the URL.
import { get, type EventsPage, type SearchHit } from "../api";
import { countryName } from "../countries";
import { EVENT_TYPES } from "../events";
import { filtersOf, sideOf, ParamProblem } from "../params";
import { href, setParams, type Route } from "../route";
import { RTL } from "../text";
import { ErrorBox, EventTable, Section, Show, useLoad } from "../ui";

const EVENT_KEYS = ["country", "with", "type", "person", "topic", "lang", "since", "until"] as const;

export function SearchPage({ route }: { route: Route }) {
  try {
    const p = route.params;
    const f = filtersOf(p);
    const country = p.get("country") ? sideOf(p.get("country"), "country") : undefined;
    const withSide = p.get("with") ? sideOf(p.get("with"), "with") : undefined;
    const q = (p.get("q") ?? "").trim();
    if (q.length > 500) throw new ParamProblem("q: longer than 500 characters");
    const ev = { ...f, country, with: withSide, person: p.get("person") || undefined, topic: p.get("topic") || undefined, lang: p.get("lang") || undefined };
    return <SearchView route={route} q={q} ev={ev} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

type Ev = Record<string, string | undefined>;

function SearchView({ route, q, ev }: { route: Route; q: string; ev: Ev }) {
  const anyEvent = Object.values(ev).some(Boolean);
  const hits = useLoad("q" + q, async () => {
    if (!q) return null;
    const h = await get<{ hits: SearchHit[] }>("/search", { q, limit: 30 });
    const ids = h.hits.length ? await get<{ documents: { origin: string; id: number }[] }>("/document-ids", { origin: h.hits.map((x) => x.origin) }) : { documents: [] };
    const byOrigin = new Map(ids.documents.map((d) => [d.origin, d.id]));
    return h.hits.map((x) => ({ ...x, id: byOrigin.get(x.origin) ?? null }));
  });
  const events = useLoad("ev" + JSON.stringify(ev), () => (anyEvent ? get<EventsPage>("/events", { ...ev, limit: 100 }) : Promise.resolve(null)));
  const submit = (e: Event) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget as HTMLFormElement);
    const ch: Record<string, string | null> = { q: String(fd.get("q") ?? "").trim() || null };
    for (const k of EVENT_KEYS) ch[k] = String(fd.get(k) ?? "").trim() || null;
    setParams(route, ch);
  };
  const v = (k: string) => route.params.get(k) ?? "";
  return (
    <>
      <h1>Search</h1>
      <form class="filters" onSubmit={submit} role="search" aria-label="search articles and events">
        <label>words <input name="q" type="search" value={v("q")} placeholder="any language: трудовая миграция, الطاقة…" size={32} dir="auto" data-testid="search-input" /></label>
        <label>country <input name="country" value={v("country")} size={5} placeholder="TJK" /></label>
        <label>with <input name="with" value={v("with")} size={5} placeholder="RUS" /></label>
        <label>type <select name="type" value={v("type")}><option value="">any</option>{EVENT_TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
        <label>person <input name="person" value={v("person")} size={14} /></label>
        <label>topic <input name="topic" value={v("topic")} size={10} /></label>
        <label>language <input name="lang" value={v("lang")} size={3} placeholder="ru" /></label>
        <label>since <input name="since" value={v("since")} size={10} placeholder="YYYY-MM" /></label>
        <label>until <input name="until" value={v("until")} size={10} placeholder="YYYY-MM" /></label>
        <button type="submit">Search</button>
      </form>
      <div class="grid">
        {q ? (
          <Section title={`Articles with “${q}”`} id="hits" wide>
            <Show s={hits} what="matches">
              {(h) => h && h.length ? (
                <ol data-testid="hits">
                  {h.map((x) => (
                    <li class="hit" key={x.origin}>
                      <p>{x.id ? <a href={href("document", x.id)} dir="auto">{x.title ?? x.document}</a> : <span dir="auto">{x.title ?? x.document}</span>} <span class="muted small">{x.events.length} events</span></p>
                      <p class="small" dir="auto">{x.snippet}</p>
                      {x.events.length ? <p class="small">{x.events.slice(0, 8).map((e) => <a key={e} href={href("event", e)}>event {e} </a>)}</p> : null}
                    </li>
                  ))}
                </ol>
              ) : <p class="muted" data-testid="no-hits">No article has all these words.</p>}
            </Show>
          </Section>
        ) : null}
        {anyEvent ? (
          <Section title={`Events${ev.country ? " of " + countryName(ev.country) : ""}${ev.with ? " with " + countryName(ev.with) : ""}${ev.person ? " with " + ev.person : ""}`} id="events" wide>
            <Show s={events} what="events">{(d) => d ? <><p class="muted small">{d.total} events{d.total > d.events.length ? `; the ${d.events.length} latest shown` : ""}</p><EventTable events={d.events} /></> : null}</Show>
          </Section>
        ) : null}
        {!q && !anyEvent ? <p class="muted">Type words in any language (they are matched in their inflected forms), or filter events by side, type, person, topic, language or dates. {RTL.size ? "Arabic and Persian queries work as typed." : null}</p> : null}
      </div>
    </>
  );
}
