// Clauses: where a sentence's clauses meet. A cue or a side read for a trigger counts only in the
// trigger's own clause; punctuation is the boundary every language writes (commas, semicolons,
// colons, dashes, brackets, and their Arabic and Chinese forms).

import type { SentenceMentions } from "../mentions/index.js";

/** Whether a character is a boundary: , ; : ( ) – — ، ؛ ， ； ： 、 (one test per character, no match objects). */
function isBreak(c: number): boolean {
  if (c < 0x80) return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29;
  return c === 0x2013 || c === 0x2014 || c === 0x060c || c === 0x061b || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0x3001;
}
const memo = new WeakMap<SentenceMentions, number[]>();

/** Whether a character code is an ASCII digit (what /\d/ reads). */
const digit = (c: number) => c >= 0x30 && c <= 0x39;

/** Offsets (into the document text) of the clause boundaries inside a sentence, in order. */
export function clauseBreaks(text: string, sm: SentenceMentions): number[] {
  let out = memo.get(sm);
  if (out) return out;
  out = [];
  const start = sm.sentence.start;
  const end = Math.min(sm.sentence.end, text.length);
  for (let at = Math.max(0, start); at < end; at++) if (isBreakAt(text, at)) out.push(at);
  memo.set(sm, out);
  return out;
}

/** Whether the character at an offset is a clause boundary. */
function isBreakAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!isBreak(c)) return false;
  // A comma inside a number ("1,000") joins digits, it does not end a clause.
  return !(c === 0x2c && at > 0 && digit(text.charCodeAt(at - 1)) && digit(text.charCodeAt(at + 1)));
}

/** Whether a clause boundary stands between two offsets of one sentence. */
export function breakBetween(text: string, sm: SentenceMentions, from: number, to: number): boolean {
  // (Read in place, however long the stretch: the sentence's list of boundaries, kept in a
  // WeakMap, cost more to make and keep than the few stretches asked of a sentence cost to read.)
  const lo = Math.max(from, sm.sentence.start, 0);
  const hi = Math.min(to, sm.sentence.end, text.length);
  for (let at = lo; at < hi; at++) if (isBreakAt(text, at)) return true;
  return false;
}

/**
 * Whether one of the characters of `marks` stands in text[from, to): what
 * `/[marks]/.test(text.slice(from, to))` answers, without the slice and the regex run (tests
 * that run for many words of every sentence).
 */
export function markBetween(text: string, from: number, to: number, marks: string): boolean {
  return firstMark(text, from, to, marks) >= 0;
}

/** Where the first of the characters of `marks` stands in text[from, to), or -1. */
export function firstMark(text: string, from: number, to: number, marks: string): number {
  const end = Math.min(to, text.length);
  for (let at = from; at < end; at++) if (isMark(text.charCodeAt(at), marks)) return at;
  return -1;
}

/** Where the last of the characters of `marks` stands in text[from, to), or -1. */
export function lastMark(text: string, from: number, to: number, marks: string): number {
  for (let at = Math.min(to, text.length) - 1; at >= from; at--) if (isMark(text.charCodeAt(at), marks)) return at;
  return -1;
}

function isMark(c: number, marks: string): boolean {
  for (let j = 0; j < marks.length; j++) if (marks.charCodeAt(j) === c) return true;
  return false;
}
