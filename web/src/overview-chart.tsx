// The overview's chart drawn directly as SVG (no chart library): the first meaningful paint of
// the dashboard needs only the entry script and one API answer. Bars per month (or per year when
// months would be too thin), stacked by PLOVER family (the API's GET /api/series?group=family),
// a tooltip per bar segment.
import { useEffect, useRef } from "preact/hooks";
import type { SeriesRow } from "./api";
import { binByWidth, useWidth } from "./charts";
import { FAMILIES, FAMILY_COLORS } from "./events";

const H = 280, M = { top: 10, right: 12, bottom: 26, left: 44 };

/** Round tick steps (1, 2, 5 × 10^k) giving about `n` ticks up to `max`. */
function ticks(max: number, n = 5): number[] {
  const raw = Math.max(1, max) / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

export function OverviewChart({ series, onRendered }: { series: SeriesRow[]; onRendered?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  useEffect(() => {
    if (width) requestAnimationFrame(() => onRendered?.());
  }, [width > 0]);
  const w = Math.max(280, width);
  const { interval, data } = binByWidth(series, w - M.left - M.right, (r) => r.type, (r) => r.events);
  const bins = new Map<number, Map<string, number>>();
  for (const d of data) {
    const t = d.date.getTime();
    const m = bins.get(t) ?? new Map<string, number>();
    m.set(d.group, (m.get(d.group) ?? 0) + d.value);
    bins.set(t, m);
  }
  const times = [...bins.keys()].sort((a, b) => a - b);
  const next = (t: number) => {
    const d = new Date(t);
    return interval === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  };
  const x0 = times[0] ?? 0, x1 = times.length ? next(times[times.length - 1]) : 1;
  const max = Math.max(1, ...[...bins.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const yt = ticks(max);
  const ymax = yt[yt.length - 1];
  const X = (t: number) => M.left + ((t - x0) / Math.max(1, x1 - x0)) * (w - M.left - M.right);
  const Y = (v: number) => H - M.bottom - (v / ymax) * (H - M.top - M.bottom);
  const y0 = new Date(x0).getUTCFullYear(), y1 = new Date(x1 - 1).getUTCFullYear();
  const every = Math.max(1, Math.ceil((y1 - y0 + 1) / Math.max(2, Math.floor((w - M.left) / 70))));
  const years: number[] = [];
  for (let y = y0; y <= y1; y++) if ((y - y0) % every === 0) years.push(y);
  const label = (t: number) => (interval === "month" ? new Date(t).toISOString().slice(0, 7) : String(new Date(t).getUTCFullYear()));
  return (
    <div ref={box} class="ochart">
      <p class="legend small" aria-hidden="true">
        {FAMILIES.map((f, i) => <span key={f}><span class="swatch" style={{ background: FAMILY_COLORS[i] }} /> {f}</span>)}
        <span class="muted">events per {interval}</span>
      </p>
      <svg viewBox={`0 0 ${w} ${H}`} width={w} height={H} role="img" aria-label={`events per ${interval} from ${y0} to ${y1}, stacked by family: cooperative, verbal conflict, material conflict`}>
        {yt.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={w - M.right} y1={Y(v)} y2={Y(v)} class="grid" />
            <text x={M.left - 6} y={Y(v)} dy="0.32em" text-anchor="end" class="tick">{v}</text>
          </g>
        ))}
        {years.map((y) => {
          const t = Date.UTC(y, 0, 1);
          return t >= x0 ? <text key={y} x={X(t)} y={H - M.bottom + 16} text-anchor="middle" class="tick">{y}</text> : null;
        })}
        {times.map((t) => {
          const m = bins.get(t)!;
          let acc = 0;
          const x = X(t), bw = Math.max(1, X(next(t)) - x - (interval === "month" && w / times.length > 6 ? 1 : 0));
          return (
            <g key={t}>
              {FAMILIES.map((f, i) => {
                const v = m.get(f) ?? 0;
                if (!v) return null;
                const yTop = Y(acc + v), yBottom = Y(acc);
                acc += v;
                return <rect key={f} x={x} y={yTop} width={bw} height={Math.max(0.5, yBottom - yTop)} fill={FAMILY_COLORS[i]}><title>{`${label(t)} ${f}: ${v}`}</title></rect>;
              })}
            </g>
          );
        })}
        <line x1={M.left} x2={w - M.right} y1={Y(0)} y2={Y(0)} class="axis" />
      </svg>
    </div>
  );
}
