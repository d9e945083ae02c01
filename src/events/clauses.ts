// Clauses: where a sentence's clauses meet. A cue or a side read for a trigger counts only in the
// trigger's own clause; punctuation is the boundary every language writes (commas, semicolons,
// colons, dashes, brackets, and their Arabic and Chinese forms).

import type { SentenceMentions } from "../mentions/index.js";

const BREAK = /[,;:()\u2013\u2014\u060c\u061b\uff0c\uff1b\uff1a\u3001]/g;
const memo = new WeakMap<SentenceMentions, number[]>();

/** Offsets (into the document text) of the clause boundaries inside a sentence, in order. */
export function clauseBreaks(text: string, sm: SentenceMentions): number[] {
  let out = memo.get(sm);
  if (out) return out;
  out = [];
  const { start, end } = sm.sentence;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(BREAK)) {
    const at = start + m.index!;
    // A comma inside a number ("1,000") joins digits, it does not end a clause.
    if (m[0] === "," && /\d/.test(text[at - 1] ?? "") && /\d/.test(text[at + 1] ?? "")) continue;
    out.push(at);
  }
  memo.set(sm, out);
  return out;
}

/** Whether a clause boundary stands between two offsets of one sentence. */
export function breakBetween(text: string, sm: SentenceMentions, from: number, to: number): boolean {
  return clauseBreaks(text, sm).some((b) => b >= from && b < to);
}
