// Finding and marking spans in a document's clean body.

/** Where a sentence is in the body: exactly, else with any run of spaces matching any other. */
export function locate(body: string, sentence: string): [number, number] | null {
  const s = sentence.trim();
  if (!s) return null;
  const at = body.indexOf(s);
  if (at >= 0) return [at, at + s.length];
  const words = s.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  try {
    const m = new RegExp(words.join("\\s+"), "u").exec(body);
    return m ? [m.index, m.index + m[0].length] : null;
  } catch {
    return null;
  }
}

export interface Span { start: number; end: number }
export interface Piece<M, R> { start: number; end: number; text: string; mark: M | null; ranges: R[] }

/**
 * The body cut into paragraphs of pieces. Each piece carries at most one mark (overlapping marks:
 * the shorter wins, then the earlier) and every range (sentence-long spans) it lies in.
 */
export function pieces<M extends Span, R extends Span>(body: string, marks: M[], ranges: R[]): Piece<M, R>[][] {
  const chosen: M[] = [];
  for (const m of [...marks].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)) {
    if (m.end > m.start && m.end <= body.length && !chosen.some((c) => c.start < m.end && m.start < c.end)) chosen.push(m);
  }
  chosen.sort((a, b) => a.start - b.start);
  const paras: Span[] = [];
  let at = 0;
  for (const p of body.split("\n\n")) {
    paras.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const cuts = new Set<number>();
  for (const x of [...chosen, ...ranges]) {
    cuts.add(x.start);
    cuts.add(x.end);
  }
  const out: Piece<M, R>[][] = [];
  let mi = 0;
  for (const p of paras) {
    const bounds = [p.start, ...[...cuts].filter((c) => c > p.start && c < p.end), p.end].sort((a, b) => a - b);
    const row: Piece<M, R>[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [s, e] = [bounds[i], bounds[i + 1]];
      if (e <= s) continue;
      while (mi < chosen.length && chosen[mi].end <= s) mi++;
      const m = mi < chosen.length && chosen[mi].start <= s && chosen[mi].end >= e ? chosen[mi] : null;
      row.push({ start: s, end: e, text: body.slice(s, e), mark: m, ranges: ranges.filter((x) => x.start <= s && x.end >= e) });
    }
    out.push(row);
  }
  return out;
}

export const RTL = new Set(["ar", "fa", "ur", "he", "ps"]);
