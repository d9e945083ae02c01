// Overview: events over time stacked by PLOVER family, the most active dyads, languages and
// sources, the latest events.
import { get, type CountRow, type EventsPage, type Root, type SeriesRow } from "../api";
import { OverviewChart } from "../overview-chart";
import { countryName } from "../countries";
import { fmtG } from "../events";
import { FilterBar } from "../filters";
import { filtersOf } from "../params";
import { href, type Route } from "../route";
import { BarList, ErrorBox, EventTable, Goldstein, Section, Show, useLoad } from "../ui";

interface Pair { sides: string[]; events: number; goldstein: number }

export function Overview({ route }: { route: Route }) {
  let f: ReturnType<typeof filtersOf>;
  try {
    f = filtersOf(route.params);
  } catch (e) {
    return <ErrorBox title="Bad URL parameter" error={e as Error} />;
  }
  return <OverviewView route={route} f={f} />;
}

function OverviewView({ route, f }: { route: Route; f: ReturnType<typeof filtersOf> }) {
  const key = JSON.stringify(f);
  const root = useLoad("root", () => get<Root>(""));
  const series = useLoad("series" + key, () => get<{ series: SeriesRow[] }>("/series", { ...f, by: "month", group: "family" }));
  // The chart first: the other sections ask once its data is in, so their queries (scans on a
  // large store) do not delay the first meaningful paint on the server's one thread.
  const after = <T,>(name: string, load: () => Promise<T>) => {
    const go = series.data !== null || series.error !== null;
    return useLoad(name + key + go, () => (go ? load() : new Promise<T>(() => {})));
  };
  const pairs = after("pairs", () => get<{ pairs: Pair[] }>("/pairs", { ...f, limit: 12 }));
  const langs = after("langs", () => get<{ counts: CountRow[] }>("/counts", { ...f, by: "language" }));
  const sources = after("sources", () => get<{ counts: CountRow[] }>("/counts", { ...f, by: "source" }));
  const latest = after("latest", () => get<EventsPage>("/events", { ...f, limit: 10 }));
  return (
    <>
      <div class="page-head">
        <h1>Overview</h1>
        <Show s={root} what="counts">
          {(r) => <p class="kpis"><b>{r.counts.events.toLocaleString()}</b> events · <b>{r.counts.reports.toLocaleString()}</b> reports · <b>{r.counts.documents.toLocaleString()}</b> documents <span class="muted">({r.store})</span></p>}
        </Show>
        <FilterBar route={route} />
      </div>
      <div class="grid">
        <Section title="Events over time by PLOVER family" id="timeline" wide>
          <Show s={series} what="the series">
            {(d) => {
              const data = d.series;
              if (!data.length) return <p class="muted" data-testid="overview-chart">No dated events yet.</p>;
              return (
                <figure class="chart" data-testid="overview-chart">
                  <OverviewChart series={data} onRendered={() => {
                    performance.mark("parley:overview-chart");
                    document.body.dataset.overviewReady = "1";
                    dispatchEvent(new Event("parley:overview-painted"));
                  }} />
                </figure>
              );
            }}
          </Show>
        </Section>
        <Section title="Most active dyads" id="dyads">
          <Show s={pairs} what="dyads">
            {(d) => d.pairs.length ? (
              <table class="compact">
                <thead><tr><th scope="col">sides</th><th scope="col">events</th><th scope="col">mean Goldstein</th></tr></thead>
                <tbody>
                  {d.pairs.map((p) => (
                    <tr key={p.sides.join("-")}>
                      <td><a href={p.sides.length === 2 ? href("dyad", p.sides.join("-")) : href("country", p.sides[0])} title={p.sides.map(countryName).join(" – ")}>{p.sides.join(" – ")}</a></td>
                      <td class="num">{p.events.toLocaleString()}</td>
                      <td><Goldstein g={p.goldstein} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : <p class="muted">None yet.</p>}
          </Show>
        </Section>
        <Section title="Languages" id="languages">
          <Show s={langs}>{(d) => <BarList rows={d.counts.map((c) => ({ label: c.key ?? "?", value: c.events }))} />}</Show>
        </Section>
        <Section title="Sources" id="sources">
          <Show s={sources}>{(d) => <BarList rows={d.counts.slice(0, 12).map((c) => ({ label: c.key ?? "(none)", value: c.events }))} />}</Show>
        </Section>
        <Section title="Latest events" id="latest" wide>
          <Show s={latest} what="events">{(d) => <EventTable events={d.events} />}</Show>
        </Section>
      </div>
      <p class="muted small">Families: cooperative (consult, agree, support, cooperate, aid, request, concede, retreat), verbal conflict (accuse, reject, threaten), material conflict (protest, sanction, mobilize, coerce, assault). Goldstein scores from {fmtG(-10)} to {fmtG(10)}.</p>
    </>
  );
}
