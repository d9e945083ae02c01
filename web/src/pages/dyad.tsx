// Dyad page (TJK-RUS): meetings, calls, visits, agreements, aid, protests over time; mean
// Goldstein over time; topics over time; stated figures; the events.
import { get, type EventsPage, type Figure, type SeriesRow, type TimelineRow, type TopicRow } from "../api";
import { base, binByWidth, PlotChart } from "../charts";
import { countryName } from "../countries";
import { KINDS, kindOf } from "../events";
import { FilterBar } from "../filters";
import { filtersOf, sideOf, ParamProblem } from "../params";
import { href, type Route } from "../route";
import { ErrorBox, EventTable, Section, Show, useLoad } from "../ui";

const KIND_COLORS = ["#1f5fa8", "#6aa6e0", "#2f7d6d", "#7bbf6a", "#b58bd8", "#c8423b", "#9aa4ad"];
const month = (p: string) => new Date((p + "-01").slice(0, 10) + "T00:00:00Z");

export function DyadPage({ route }: { route: Route }) {
  try {
    const parts = (route.arg ?? "").split("-");
    if (parts.length !== 2) throw new ParamProblem(`dyad: '${route.arg ?? ""}' is not two sides joined by a dash (such as TJK-RUS)`);
    const a = sideOf(parts[0], "first side"), b = sideOf(parts[1], "second side");
    if (a === b) throw new ParamProblem(`dyad: both sides are ${a}`);
    return <DyadView route={route} a={a} b={b} f={filtersOf(route.params)} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

function DyadView({ route, a, b, f }: { route: Route; a: string; b: string; f: ReturnType<typeof filtersOf> }) {
  const key = a + b + JSON.stringify(f);
  const series = useLoad("s" + key, () => get<{ series: SeriesRow[] }>("/series", { ...f, country: a, with: b, by: "month" }));
  const gold = useLoad("g" + a + b, () => get<{ timeline: TimelineRow[] }>("/timeline", { a, b, by: "month" }));
  const topics = useLoad("t" + key, () => get<{ topics: TopicRow[] }>("/topics", { ...f, country: a, with: b, by: "year" }));
  const figures = useLoad("f" + a + b, () => get<{ figures: Figure[]; total: number }>("/figures", { country: a, with: b, limit: 200 }));
  const events = useLoad("e" + key, () => get<EventsPage>("/events", { ...f, country: a, with: b, limit: 100 }));
  return (
    <>
      <div class="page-head">
        <h1><a href={href("country", a)}>{countryName(a)}</a> – <a href={href("country", b)}>{countryName(b)}</a> <span class="muted">{a}-{b}</span></h1>
        <FilterBar route={route} />
      </div>
      <div class="grid">
        <Section title="Meetings, calls, visits, agreements, aid, protests" id="kinds" wide>
          <Show s={series} what="the timeline">
            {(d) => {
              const data = d.series;
              if (!data.length) return <p class="muted">No dated events between them.</p>;
              return <PlotChart testid="dyad-kinds" label={`events between ${a} and ${b} per month by kind`} dataKey={key + data.length} build={(Plot, w) => {
                const bins = binByWidth(data, w, (r) => kindOf(r.type, r.mode), (r) => r.events);
                return Plot.plot({
                  ...base(w, 240), x: { type: "utc", label: null }, y: { label: `events per ${bins.interval}`, grid: true },
                  color: { domain: [...KINDS], range: KIND_COLORS, legend: true },
                  marks: [Plot.rectY(bins.data, { x: "date", y: "value", fill: "group", interval: bins.interval, order: [...KINDS], inset: 0, tip: true }), Plot.ruleY([0])],
                });
              }} />;
            }}
          </Show>
        </Section>
        <Section title="Mean Goldstein score per month" id="goldstein">
          <Show s={gold} what="scores">
            {(d) => d.timeline.length ? <PlotChart label="mean Goldstein score per month" dataKey={key + d.timeline.length} build={(Plot, w) => Plot.plot({
              ...base(w, 220), x: { type: "utc", label: null }, y: { domain: [-10, 10], label: "mean Goldstein", grid: true },
              marks: [Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.4 }), Plot.lineY(d.timeline, { x: (r: TimelineRow) => month(r.period), y: "goldstein", stroke: "#1f5fa8", curve: "monotone-x" }),
                Plot.dot(d.timeline, { x: (r: TimelineRow) => month(r.period), y: "goldstein", r: (r: TimelineRow) => 2 + Math.sqrt(r.events), fill: (r: TimelineRow) => (r.goldstein >= 0 ? "#2f7d6d" : "#c8423b"), tip: true })],
            })} /> : <p class="muted">No dated events.</p>}
          </Show>
        </Section>
        <Section title="Topics over time" id="dyad-topics">
          <Show s={topics} what="topics">
            {(d) => d.topics.length ? <PlotChart label="events per topic and year" dataKey={key + d.topics.length} build={(Plot, w) => Plot.plot({
              ...base(w, 40 + 22 * new Set(d.topics.map((t) => t.topic)).size), marginLeft: 90, padding: 0.05, x: { label: null, type: "band" }, y: { label: null },
              color: { scheme: "blues", legend: true, label: "events" },
              marks: [Plot.cell(d.topics, { x: "period", y: "topic", fill: "events", tip: true, inset: 0.5 })],
            })} /> : <p class="muted">No topics found.</p>}
          </Show>
        </Section>
        <Section title="Stated figures" id="figures" wide>
          <Show s={figures} what="figures">
            {(d) => {
              // The chart shows the unit most figures are in (trade turnover in USD...), a bar per year.
              const units = new Map<string, number>();
              for (const x of d.figures) if (x.year != null) units.set(x.unit, (units.get(x.unit) ?? 0) + 1);
              const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
              const shown = d.figures.filter((x) => x.year != null && x.unit === unit).map((x) => ({ ...x, what: x.what ?? "figure", year: String(x.year) }));
              return (
                <>
                  {shown.length ? <PlotChart testid="figures-chart" label={`stated figures in ${unit} by year`} dataKey={key + shown.length} build={(Plot, w) => Plot.plot({
                    ...base(w, 240), marginLeft: 60, x: { label: null, type: "band", domain: [...new Set(shown.map((x) => x.year))].sort() }, y: { label: unit, grid: true, tickFormat: "~s" },
                    color: { legend: true },
                    marks: [Plot.barY(shown, { x: "year", y: "value", fill: "what", tip: true }), Plot.ruleY([0])],
                  })} /> : null}
                  {d.figures.length ? (
                    <div class="scroll"><table class="compact">
                      <thead><tr><th scope="col">what</th><th scope="col">year</th><th scope="col" class="num">value</th><th scope="col">evidence</th></tr></thead>
                      <tbody>{d.figures.map((x, i) => (
                        <tr key={i}><td>{x.what ?? "figure"}</td><td>{x.year ?? "?"}</td><td class="num nowrap">{x.value.toLocaleString()} {x.unit}</td>
                          <td class="small"><a href={href("document", x.document_id)}>{x.document}</a>: {x.sentence}</td></tr>
                      ))}</tbody>
                    </table></div>
                  ) : <p class="muted">No figures stated for this pair.</p>}
                </>
              );
            }}
          </Show>
        </Section>
        <Section title="Events" id="dyad-events" wide>
          <Show s={events} what="events">{(d) => <><EventTable events={d.events} /><p class="muted small">{d.total} events{d.total > d.events.length ? `; the ${d.events.length} latest shown` : ""}.</p></>}</Show>
        </Section>
      </div>
    </>
  );
}
