import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const jitModule = fileURLToPath(new URL("./jit.js", import.meta.url));

// Run in a child: the flag is process-wide and must not leak into the other tests' process.
function inChild(env: Record<string, string>): string {
  const code = `import(${JSON.stringify(jitModule)}).then((m) => console.log(String(m.tuneJit()) + " " + String(m.tuneJit())))`;
  const r = spawnSync(process.execPath, ["-e", code], { env: { ...process.env, PARLEY_V8_DEFAULTS: "", ...env }, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

test("the CLI's V8 settings are applied once and can be turned off", () => {
  assert.equal(inChild({}), "true true");
  assert.equal(inChild({ PARLEY_V8_DEFAULTS: "1" }), "false false");
});

test("ingest's lower priority for V8's background threads: the main thread and workers started after it keep theirs", { skip: process.platform !== "linux" ? "thread priorities are per thread on Linux only" : false }, () => {
  // In a child: priorities cannot be raised back without privileges.
  const code = `
    const fs = await import("node:fs");
    const { Worker } = await import("node:worker_threads");
    const { lowerBackgroundThreads, BACKGROUND_NICE } = await import(${JSON.stringify(jitModule)});
    const nice = (tid) => { const st = fs.readFileSync("/proc/self/task/" + tid + "/stat", "utf8"); return Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[16]); };
    const before = new Set(fs.readdirSync("/proc/self/task"));
    const lowered = lowerBackgroundThreads();
    const others = [...before].filter((t) => Number(t) !== process.pid);
    const w = new Worker("setTimeout(() => {}, 300)", { eval: true });
    await new Promise((r) => w.once("online", r));
    const started = fs.readdirSync("/proc/self/task").filter((t) => !before.has(t));
    console.log(JSON.stringify({ lowered, others: others.length, main: nice(process.pid), otherNice: others.map(nice), startedNice: started.map(nice), want: BACKGROUND_NICE }));
    await w.terminate();`;
  const run = (env: Record<string, string>) => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...process.env, PARLEY_V8_DEFAULTS: "", ...env }, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { lowered: number; others: number; main: number; otherNice: number[]; startedNice: number[]; want: number };
  };
  const on = run({});
  assert.ok(on.lowered > 0 && on.lowered === on.others, `lowered ${on.lowered} of ${on.others} background threads`);
  assert.ok(on.otherNice.every((n) => n >= on.want), `background niceness ${on.otherNice}`);
  assert.ok(on.startedNice.length > 0 && on.startedNice.every((n) => n === on.main), `threads started after keep the main thread's niceness: ${on.startedNice} vs ${on.main}`);
  const off = run({ PARLEY_V8_DEFAULTS: "1" });
  assert.equal(off.lowered, 0);
  assert.ok(off.otherNice.every((n) => n === off.main));
});
