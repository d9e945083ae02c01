// The size budget of the dashboard's built assets (gzip, what a browser downloads), per page:
//   the overview (the entry and its static imports; its chart is plain SVG): under 250 KB;
//   the chart library (Observable Plot, for the other pages' charts): under 150 KB;
//   the map (its chunk with d3-geo and the 1:110m countries, and what it imports): under 150 KB;
//   the network (Cytoscape and what it imports): under 200 KB; the stylesheet: under 15 KB.
// Checked by web.test.ts, printed by bench/dashboard.mjs.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { WEB_DIR } from "./web.js";

const ASSETS = path.join(WEB_DIR, "assets");
export const BUDGET_KB = { overview: 250, charts: 150, map: 150, graph: 200, css: 15 };

const gzipKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(ASSETS, file)), { level: 9 }).length / 1024;

/** A chunk and every chunk it imports statically (dynamic imports are loaded later, by other pages). */
export function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = fs.readFileSync(path.join(ASSETS, file), "utf8");
  for (const m of src.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) staticClosure(m[1], seen);
  return seen;
}

export function assetSizes(): { overview: number; charts: number; map: number; graph: number; css: number; files: Record<string, number> } {
  const files = fs.readdirSync(ASSETS);
  const html = fs.readFileSync(path.join(WEB_DIR, "index.html"), "utf8");
  const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`${WEB_DIR}/index.html names no entry script`);
  const chunk = (prefix: string) => {
    const f = files.find((x) => x.startsWith(prefix + "-") && x.endsWith(".js"));
    if (!f) throw new Error(`no ${prefix} chunk in ${ASSETS}`);
    return f;
  };
  const sum = (set: Set<string>) => [...set].reduce((n, f) => n + gzipKb(f), 0);
  const overview = staticClosure(entry);
  const charts = new Set([...staticClosure(chunk("plot"))].filter((f) => !overview.has(f)));
  const map = staticClosure(chunk("worldmap"));
  const graph = staticClosure(chunk("graph"));
  const css = files.filter((f) => f.endsWith(".css")).reduce((n, f) => n + gzipKb(f), 0);
  return { overview: sum(overview), charts: sum(charts), map: sum(map), graph: sum(graph), css, files: Object.fromEntries(files.map((f) => [f, Math.round(gzipKb(f) * 10) / 10])) };
}

