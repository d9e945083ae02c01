// The world map: Natural Earth 1:110m countries (world-atlas TopoJSON, bundled), projected
// with d3-geo, drawn as SVG links (keyboard focusable). Loaded as its own chunk by the map page.
import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { countryName, numericToAlpha3 } from "./countries";

const W = 960, H = 470;
interface Shape { code: string | null; name: string; d: string }

let shapes: Shape[] | null = null;
let sphere = "";
function build(): Shape[] {
  if (shapes) return shapes;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const projection = geoEqualEarth().fitSize([W, H], { type: "Sphere" });
  const path = geoPath(projection);
  sphere = path({ type: "Sphere" }) ?? "";
  shapes = fc.features
    .filter((f) => f.properties?.name !== "Antarctica")
    .map((f) => ({ code: numericToAlpha3.get(String(f.id ?? "")) ?? null, name: f.properties?.name ?? "", d: path(f) ?? "" }));
  return shapes;
}

export default function WorldMap({ fill, title, link, label }: {
  fill: (code: string) => string | null;
  title: (code: string) => string;
  link: (code: string) => string | null;
  label: string;
}) {
  const list = build();
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-testid="world-map">
      <path class="sphere" d={sphere} />
      {list.map((s, i) => {
        const c = s.code;
        const f = (c && fill(c)) || "var(--line)";
        const l = c ? link(c) : null;
        const shape = <path d={s.d} style={{ fill: f }} data-code={c ?? undefined}><title>{c ? title(c) : s.name}</title></path>;
        return l ? <a key={i} href={l} aria-label={c ? `${countryName(c)}: ${title(c)}` : s.name} data-code={c}>{shape}</a> : <g key={i}>{shape}</g>;
      })}
    </svg>
  );
}
