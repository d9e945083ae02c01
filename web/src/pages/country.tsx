// Country page: partners as a network (edge weight = events, colour = mean Goldstein), a
// timeline per partner, topics by year as a heatmap, the persons who acted for it.
import { lazy, Suspense } from "preact/compat";
import { get, type DyadRow, type EventsPage, type PersonRow, type TimelineRow, type TopicRow } from "../api";
import { base, binByWidth, PlotChart } from "../charts";
import { countryName } from "../countries";
import { FilterBar } from "../filters";
import { filtersOf, sideOf, ParamProblem } from "../params";
import { href, type Route } from "../route";
import { ErrorBox, EventTable, Goldstein, Loading, Section, Show, useLoad } from "../ui";

const PartnerGraph = lazy(() => import("../graph"));
const ROLE = (r: string | null) => (r ? r.replace(/_/g, " ") : "—");

export function CountryPage({ route }: { route: Route }) {
  try {
    return <CountryView route={route} code={sideOf(route.arg)} f={filtersOf(route.params)} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

function CountryView({ route, code, f }: { route: Route; code: string; f: ReturnType<typeof filtersOf> }) {
  const key = code + JSON.stringify(f);
  const dyads = useLoad("d" + key, () => get<{ dyads: DyadRow[] }>("/dyads", { ...f, country: code }));
  const topics = useLoad("t" + key, () => get<{ topics: TopicRow[] }>("/topics", { ...f, country: code, by: "year" }));
  const persons = useLoad("p" + code, () => get<{ persons: PersonRow[] }>("/persons", { country: code, limit: 40 }));
  const events = useLoad("e" + key, () => get<EventsPage>("/events", { ...f, country: code, limit: 15 }));
  const top = (dyads.data?.dyads ?? []).slice(0, 6).map((d) => d.partner);
  const timelines = useLoad("tl" + code + top.join(), async () => {
    const all = await Promise.all(top.map(async (p) => (await get<{ timeline: TimelineRow[] }>("/timeline", { a: code, b: p, by: "month" })).timeline.map((r) => ({ ...r, partner: p }))));
    return all.flat();
  });
  if (dyads.error) return <ErrorBox error={dyads.error} />;
  return (
    <>
      <div class="page-head">
        <h1>{countryName(code)} <span class="muted">{code}</span></h1>
        <p class="kpis"><a href={href("map", null, { country: code })}>on the map</a> · <a href={href("search", null, { country: code })}>all its events</a></p>
        <FilterBar route={route} />
      </div>
      <div class="grid">
        <Section title="Partners" id="partners" wide>
          <Show s={dyads} what="partners">
            {(d) => {
              if (!d.dyads.length) return <p class="muted">No events with partners.</p>;
              const edges = d.dyads.slice(0, 30).map((x) => ({ partner: x.partner, events: x.events, goldstein: x.goldstein }));
              return (
                <div class="grid">
                  <Suspense fallback={<Loading what="the network" />}>
                    <PartnerGraph center={code} edges={edges} onPick={(p) => (location.hash = href("dyad", `${code}-${p}`))} />
                  </Suspense>
                  <div class="scroll">
                    <table class="compact" data-testid="partner-edges">
                      <caption class="muted small">The network's edges: width = events, colour = mean Goldstein</caption>
                      <thead><tr><th scope="col">partner</th><th scope="col" class="num">events</th><th scope="col">mean Goldstein</th><th scope="col">types</th></tr></thead>
                      <tbody>
                        {d.dyads.slice(0, 30).map((x) => (
                          <tr key={x.partner}>
                            <td><a href={href("dyad", `${code}-${x.partner}`)} data-partner={x.partner}>{code}–{x.partner}</a> <span class="muted small">{countryName(x.partner)}</span></td>
                            <td class="num">{x.events}</td>
                            <td><Goldstein g={x.goldstein} /></td>
                            <td class="small muted">{Object.entries(x.types).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, n]) => `${t} ${n}`).join(", ")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              );
            }}
          </Show>
        </Section>
        <Section title="Timeline per partner" id="partner-timeline" wide>
          <Show s={timelines} what="timelines">
            {(rows) => rows.length ? (
              <PlotChart label={`events per month with ${top.join(", ")}`} dataKey={key + rows.length} build={(Plot, w) => {
                const bins = binByWidth(rows, w, (r) => r.partner, (r) => r.events);
                return Plot.plot({
                  ...base(w, 60 + 70 * top.length), marginLeft: 60,
                  x: { type: "utc", label: null, grid: true },
                  fy: { label: null, domain: top },
                  y: { label: null, ticks: 2 },
                  marks: [Plot.rectY(bins.data, { x: "date", y: "value", fy: "group", interval: bins.interval, fill: "currentColor", fillOpacity: 0.7, inset: 0, tip: true }), Plot.ruleY([0])],
                });
              }} />
            ) : <p class="muted">No dated events.</p>}
          </Show>
        </Section>
        <Section title="Topics by year" id="topics">
          <Show s={topics} what="topics">
            {(d) => d.topics.length ? (
              <PlotChart label="heatmap of events per topic and year" dataKey={key + d.topics.length} build={(Plot, w) => Plot.plot({
                ...base(w, 40 + 22 * new Set(d.topics.map((t) => t.topic)).size), marginLeft: 90, padding: 0.05,
                x: { label: null, type: "band" }, y: { label: null },
                color: { scheme: "blues", legend: true, label: "events" },
                marks: [Plot.cell(d.topics, { x: "period", y: "topic", fill: "events", tip: true, inset: 0.5 }), Plot.text(d.topics, { x: "period", y: "topic", text: "events", fill: "black", fontSize: 10 })],
              })} />
            ) : <p class="muted">No topics found in its events.</p>}
          </Show>
        </Section>
        <Section title="Persons who acted for it" id="persons">
          <Show s={persons} what="persons">
            {(d) => d.persons.length ? (
              <div class="scroll">
                <table class="compact">
                  <thead><tr><th scope="col">person</th><th scope="col">office</th><th scope="col" class="num">events</th><th scope="col">from – to</th></tr></thead>
                  <tbody>
                    {d.persons.map((p) => (
                      <tr key={p.name + p.role}>
                        <td><a href={href("search", null, { person: p.name })}>{p.name}</a></td>
                        <td>{ROLE(p.role)}</td>
                        <td class="num">{p.events}</td>
                        <td class="small nowrap">{p.first ?? "?"} – {p.last ?? "?"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : <p class="muted">No named persons.</p>}
          </Show>
        </Section>
        <Section title="Latest events" id="country-events" wide>
          <Show s={events} what="events">{(d) => <><EventTable events={d.events} /><p class="muted small">{d.total} events in all · <a href={href("search", null, { country: code, ...f })}>list them all</a></p></>}</Show>
        </Section>
      </div>
    </>
  );
}
