// Charts with Observable Plot, loaded as its own chunk (requested at start-up, in parallel with
// the first API calls). A chart re-renders when its data key or the page width changes.
import { useEffect, useRef, useState } from "preact/hooks";

type PlotModule = typeof import("@observablehq/plot");
let plotP: Promise<PlotModule> | null = null;
export const loadPlot = () => (plotP ??= import("@observablehq/plot"));

function useWidth(ref: { current: HTMLElement | null }): number {
  const [w, setW] = useState(0);
  useEffect(() => {
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
