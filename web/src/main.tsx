// Parley's dashboard: one page per view, routed by the URL's hash, data from the HTTP API only.
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { getToken } from "./api";
import { loadPlot } from "./charts";
import { useRoute, type Route } from "./route";
import { ErrorBox } from "./ui";
import { Overview } from "./pages/overview";
import { MapPage } from "./pages/map";
import { CountryPage } from "./pages/country";
import { DyadPage } from "./pages/dyad";
import { EventPage } from "./pages/event";
import { DocumentPage } from "./pages/document";
import { SearchPage } from "./pages/search";
import { AddPage } from "./pages/add";
import "./style.css";

performance.mark("parley:start");
// The chart library (not needed by the overview's own chart, which is plain SVG) loads after the
// overview's first paint, or at once on the other pages: parsing it must not hold up that paint.
if (/^#?\/?$/.test(location.hash.split("?")[0])) addEventListener("parley:overview-painted", () => setTimeout(() => void loadPlot(), 50), { once: true });
else void loadPlot();

const PAGES: Record<string, { title: string; view: (r: Route) => preact.JSX.Element; nav?: boolean }> = {
  "": { title: "Overview", view: (r) => <Overview route={r} />, nav: true },
  map: { title: "World map", view: (r) => <MapPage route={r} />, nav: true },
  country: { title: "Country", view: (r) => <CountryPage route={r} /> },
  dyad: { title: "Dyad", view: (r) => <DyadPage route={r} /> },
  event: { title: "Event", view: (r) => <EventPage route={r} /> },
  document: { title: "Document", view: (r) => <DocumentPage route={r} /> },
  search: { title: "Search", view: (r) => <SearchPage route={r} />, nav: true },
  add: { title: "Add a document", view: (r) => <AddPage route={r} />, nav: true },
};

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const page = PAGES[route.page];
  useEffect(() => {
    document.title = `${page ? page.title : "Not found"}${route.arg ? " " + route.arg : ""} · Parley`;
    window.scrollTo(0, 0);
  }, [route.page, route.arg]);
  const hasToken = !!getToken();
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">Parley</a>
        <nav aria-label="pages">
          {Object.entries(PAGES).filter(([, p]) => p.nav).map(([k, p]) => (
            <a key={k} href={`#/${k}`} aria-current={route.page === k ? "page" : undefined}>{k === "add" && !hasToken ? "Add (token)" : p.title}</a>
          ))}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} data-page={route.page || "overview"}>
        {page ? page.view(route) : <ErrorBox title="No such page" error={`'${route.page}' is not a page of this dashboard. Pages: overview, map, country/CODE, dyad/A-B, event/ID, document/ID, search, add.`} />}
      </main>
      <footer class="muted">Data: this server's <a href="/api/docs">HTTP API</a>. Events follow PLOVER (CAMEO codes and Goldstein scores kept).</footer>
    </>
  );
}

render(<App />, document.getElementById("app")!);
