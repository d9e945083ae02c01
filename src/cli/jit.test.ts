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
