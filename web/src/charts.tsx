// Charts with Observable Plot, loaded as its own chunk (requested at start-up, in parallel with
// the first API calls). A chart re-renders when its data key or the page width changes.
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

type PlotModule = typeof import("./plot");
let plotP: Promise<PlotModule> | null = null;
export const loadPlot = () => (plotP ??= import("./plot"));

export function useWidth(ref: { current: HTMLElement | null }): number {
  const [w, setW] = useState(0);
  // Measured before the first paint (a layout effect), then followed.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(el.clientWidth);
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return w;
}

export function PlotChart({ build, dataKey, label, onRendered, testid }: {
  build: (Plot: PlotModule, width: number) => Element;
  dataKey: string;
  label: string;
  onRendered?: () => void;
  testid?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    if (!width) return;
    let live = true;
    loadPlot().then((Plot) => {
      if (!live || !ref.current) return;
      try {
        const el = build(Plot, width);
        ref.current.replaceChildren(el);
        onRendered?.();
      } catch (e) {
        setErr((e as Error).message);
      }
    }, (e: Error) => setErr(`the chart library did not load: ${e.message}`));
    return () => {
      live = false;
    };
  }, [dataKey, width]);
  return (
    <figure class="chart" aria-label={label} data-testid={testid}>
      <div ref={ref} class="plot" />
      {err ? <p class="error">{err}</p> : null}
    </figure>
  );
}

/** Plot's options shared by every chart: sizes and a font that follows the page. */
export const base = (width: number, height = 260) => ({ width: Math.max(280, width), height, style: { background: "transparent", fontSize: "12px" }, marginLeft: 48 });

/**
 * Bars per month when each month gets a few pixels at this width, else per year: the rows
 * ({ period: "YYYY-MM" }) summed by `value` under the chosen period, with the bar's date.
 */
export function binByWidth<T extends { period: string }>(rows: T[], width: number, group: (r: T) => string, value: (r: T) => number) {
  const months = rows.map((r) => r.period.slice(0, 7)).sort();
  const [a, b] = [months[0] ?? "2000-01", months[months.length - 1] ?? "2000-01"];
  const span = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + 1;
  const interval: "month" | "year" = width / Math.max(1, span) >= 3 ? "month" : "year";
  const out = new Map<string, { date: Date; group: string; value: number }>();
  for (const r of rows) {
    const p = interval === "month" ? r.period.slice(0, 7) + "-01" : r.period.slice(0, 4) + "-01-01";
    const g = group(r);
    const k = p + "|" + g;
    const x = out.get(k) ?? { date: new Date(p + "T00:00:00Z"), group: g, value: 0 };
    x.value += value(r);
    out.set(k, x);
  }
  return { interval, data: [...out.values()] };
}
