// The shape of the events stage: named parts with short functions and no import loop among them.
// Reads the TypeScript sources next to the compiled tests (src/events from dist/events).

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/events");
const MAX_LINES = 80;

/** The sources of the stage (tests and test cases left out). */
function sources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(SRC)) if (f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("cases")) out.set(f, fs.readFileSync(path.join(SRC, f), "utf8"));
  return out;
}

/** Top-level functions of a source and their length in lines, from the declaration to the closing brace at column 0. */
export function functionLengths(text: string): { name: string; lines: number }[] {
  const lines = text.split("\n");
  const out: { name: string; lines: number }[] = [];
  let open: { name: string; at: number } | null = null;
  lines.forEach((l, i) => {
    const m = /^(?:export )?(?:async )?function\*? (\w+)/.exec(l);
    if (m && !open && !/\}\s*$/.test(l)) open = { name: m[1], at: i };
    else if (open && l.startsWith("}")) {
      out.push({ name: open.name, lines: i - open.at + 1 });
      open = null;
    }
  });
  return out;
}

/** The relative imports of a source, as file names of the same folder. */
function localImports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from "\.\/([\w-]+)\.js";/gm)].map((m) => `${m[1]}.ts`);
}

test("functionLengths measures a function from its declaration to its closing brace", () => {
  const src = ["// x", "export function a(): number {", "  if (1) {", "    return 1;", "  }", "  return 2;", "}", "", "function b() {", "}"].join("\n");
  assert.deepEqual(functionLengths(src), [{ name: "a", lines: 6 }, { name: "b", lines: 2 }]);
});

test("no function of the events stage is longer than about a hundred lines", () => {
  const long: string[] = [];
  for (const [file, text] of sources()) {
    const fns = functionLengths(text);
    if (file === "index.ts") assert.ok(fns.some((f) => f.name === "findEvents"), "index.ts defines findEvents");
    for (const f of fns) if (f.lines > MAX_LINES) long.push(`${file} ${f.name}: ${f.lines} lines`);
  }
  assert.deepEqual(long, []);
});

test("the parts of the events stage import one another without a loop", () => {
  const src = sources();
  const graph = new Map([...src].map(([f, text]) => [f, localImports(text).filter((x) => src.has(x))]));
  assert.ok(graph.get("index.ts")!.length >= 3, "index.ts imports the parts");
  const state = new Map<string, "open" | "done">();
  const visit = (f: string, trail: string[]): void => {
    if (state.get(f) === "done") return;
    assert.notEqual(state.get(f), "open", `import loop: ${[...trail, f].join(" -> ")}`);
    state.set(f, "open");
    for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
    state.set(f, "done");
  };
  for (const f of graph.keys()) visit(f, []);
});
