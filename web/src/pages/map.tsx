// World map: countries shaded by their events (or by events with the selected country), or by
// mean Goldstein score; a click opens the country (or the dyad with the selected country).
import { lazy, Suspense } from "preact/compat";
import { get, type DyadRow } from "../api";
import { countryName } from "../countries";
import { fmtG, goldsteinColor } from "../events";
import { FilterBar } from "../filters";
import { filtersOf, oneOf, sideOf, ParamProblem } from "../params";
import { href, setParams, type Route } from "../route";
import { ErrorBox, Goldstein, Loading, Section, Show, useLoad } from "../ui";

const WorldMap = lazy(() => import("../worldmap"));
const METRICS = ["events", "goldstein"] as const;

interface Row { country: string; events: number; goldstein: number }

export function MapPage({ route }: { route: Route }) {
  try {
    const f = filtersOf(route.params);
    const metric = oneOf(route.params, "metric", METRICS, "events");
    const sel = route.params.get("country");
    const country = sel ? sideOf(sel) : null;
    return <MapView route={route} f={f} metric={metric} country={country} />;
  } catch (e) {
    if (e instanceof ParamProblem) return <ErrorBox title="Bad URL parameter" error={e} />;
    throw e;
  }
}

/** Events on a log scale as a blue ramp. */
function eventsColor(n: number, max: number): string {
  const t = Math.log1p(n) / Math.log1p(Math.max(1, max));
  return `hsl(212 ${Math.round(35 + 45 * t)}% ${Math.round(86 - 52 * t)}%)`;
}

function MapView({ route, f, metric, country }: { route: Route; f: ReturnType<typeof filtersOf>; metric: (typeof METRICS)[number]; country: string | null }) {
  const key = JSON.stringify([f, country]);
  const s = useLoad(key, async (): Promise<Row[]> => {
    if (!country) return (await get<{ countries: Row[] }>("/countries", f)).countries;
    const d = await get<{ dyads: DyadRow[] }>("/dyads", { ...f, country });
    return d.dyads.map((x) => ({ country: x.partner, events: x.events, goldstein: x.goldstein }));
  });
  return (
    <>
      <div class="page-head">
        <h1>World map</h1>
        <form class="filters" aria-label="map options" onSubmit={(e) => e.preventDefault()}>
          <label>shade by <select value={metric} onChange={(e) => setParams(route, { metric: (e.target as HTMLSelectElement).value })}>
            <option value="events">events</option>
            <option value="goldstein">mean Goldstein</option>
          </select></label>
          <label>with <select value={country ?? ""} onChange={(e) => setParams(route, { country: (e.target as HTMLSelectElement).value || null })}>
            <option value="">every country</option>
            {country ? <option value={country}>{country} {countryName(country)}</option> : null}
            {(s.data ?? []).filter((r) => r.country !== country).slice(0, 60).map((r) => <option key={r.country} value={r.country}>{r.country} {countryName(r.country)}</option>)}
          </select></label>
        </form>
        <FilterBar route={route} fields={["since", "until", "type"]} />
      </div>
      <Show s={s} what="countries">
        {(rows) => {
          const by = new Map(rows.map((r) => [r.country, r]));
          const max = Math.max(1, ...rows.map((r) => r.events));
          const fill = (c: string) => {
            if (c === country) return "var(--focus)";
            const r = by.get(c);
            if (!r) return null;
            return metric === "events" ? eventsColor(r.events, max) : goldsteinColor(r.goldstein);
          };
          const title = (c: string) => {
            const r = by.get(c);
            const name = countryName(c);
            if (c === country) return `${name} (selected)`;
            return r ? `${name}: ${r.events} events${country ? " with " + country : ""}, mean Goldstein ${fmtG(r.goldstein)}` : `${name}: no events`;
          };
          const link = (c: string) => (country && c !== country ? (by.has(c) ? href("dyad", `${country}-${c}`) : null) : href("country", c));
          return (
            <>
              <Section title={country ? `Events with ${countryName(country)} (${country})` : "Events per country"} id="map" wide>
                <div class="map">
                  <Suspense fallback={<Loading what="the map" />}>
                    <WorldMap fill={fill} title={title} link={link} label={`world map of ${metric === "events" ? "event counts" : "mean Goldstein scores"}${country ? " with " + country : ""}`} />
                  </Suspense>
                </div>
                <div class="legend">
                  {metric === "events"
                    ? <><span>1</span><span class="ramp" style={{ background: `linear-gradient(90deg, ${eventsColor(1, max)}, ${eventsColor(max, max)})` }} /><span>{max} events (log scale)</span></>
                    : <><span>−10 conflict</span><span class="ramp" style={{ background: `linear-gradient(90deg, ${goldsteinColor(-10)}, ${goldsteinColor(0)}, ${goldsteinColor(10)})` }} /><span>+10 cooperation</span></>}
                  <span class="muted">Click a country for {country ? "its dyad with " + country : "its page"}. Organisations (SCO, CIS…) are listed below.</span>
                </div>
              </Section>
              <Section title="Countries and organisations" id="map-list" wide>
                <div class="scroll">
                  <table class="compact">
                    <thead><tr><th scope="col">side</th><th scope="col" class="num">events</th><th scope="col">mean Goldstein</th><th scope="col"></th></tr></thead>
                    <tbody>
                      {rows.slice(0, 80).map((r) => (
                        <tr key={r.country}>
                          <td><a href={href("country", r.country)}>{r.country}</a> <span class="muted">{countryName(r.country)}</span></td>
                          <td class="num">{r.events}</td>
                          <td><Goldstein g={r.goldstein} /></td>
                          <td>{country ? <a href={href("dyad", `${country}-${r.country}`)}>dyad {country}–{r.country}</a> : <a href={href("map", null, { country: r.country, metric })}>map with {r.country}</a>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </Section>
            </>
          );
        }}
      </Show>
    </>
  );
}
