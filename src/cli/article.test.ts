// `parley article` as a user runs it (bin/parley.js in a child process): one page prints its
// article as text; several pages or a folder give JSON Lines, and a page that cannot be read is
// named on stderr while the batch goes on. Start-up loads no lexicon.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, test } from "node:test";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/parley.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-article-"));
const parley = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A page written for this test: a menu, the article (two paragraphs), a footer. */
function page(title: string, words: string): string {
  const para = (n: number) => `<p>${words} The delegation of the ${n === 1 ? "first" : "second"} ministry discussed rail freight, grain exports and the visa regime, and agreed to meet again in the autumn, after the harvest.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${para(1)}${para(2)}</article>
<footer>Copyright Example News</footer></body></html>`;
}

const pages = path.join(tmp, "pages");
fs.mkdirSync(path.join(pages, "sub"), { recursive: true });
fs.writeFileSync(path.join(pages, "a.html"), page("Ministers meet on rail freight", "On Tuesday the two ministers met in the capital."));
fs.writeFileSync(path.join(pages, "sub", "b.html.gz"), zlib.gzipSync(page("Talks on grain exports resume", "Trade officials resumed their talks on Monday.")));
fs.writeFileSync(path.join(pages, "empty.html"), "");
fs.writeFileSync(path.join(pages, "blank.htm"), " \n\t \n");
fs.writeFileSync(path.join(pages, "image.html"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
fs.writeFileSync(path.join(pages, "broken.html"), "<html><body><div><div><span>", "utf8");
fs.writeFileSync(path.join(pages, "bad.html.gz"), "this is not gzip at all");
fs.writeFileSync(path.join(pages, "notes.txt"), "not a page: folders give HTML files only");

test("one page prints its article as text, as before", () => {
  const r = parley("article", path.join(pages, "a.html"));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^title: Ministers meet on rail freight\n/);
  assert.match(r.stdout, /On Tuesday the two ministers met/);
  assert.doesNotMatch(r.stdout, /Copyright|World/);
  const j = parley("article", "--json", path.join(pages, "sub", "b.html.gz"));
  assert.equal(JSON.parse(j.stdout).title, "Talks on grain exports resume");
});

test("a folder gives one JSON line per readable page and names every bad one; the batch goes on", () => {
  const r = parley("article", pages);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.name), ["a", "b"]);
  assert.equal(lines[1].origin, path.join(pages, "sub", "b.html.gz"));
  assert.equal(lines[1].paragraphs.length, 2);
  assert.match(lines[0].text, /^Ministers meet on rail freight\n\n/);
  const err = r.stderr;
  for (const [file, why] of [["empty.html", /empty input/], ["blank.htm", /whitespace only/], ["image.html", /binary input \(PNG image\)/], ["broken.html", /no article text/], ["bad.html.gz", /not a readable gzip file/]] as const)
    assert.match(err, new RegExp(`skipped ${path.join(pages, file).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*${why.source}`), `${file} in\n${err}`);
  assert.doesNotMatch(err + r.stdout, /notes/);
});

test("several named pages and --out write NAME.json per page", () => {
  const out = path.join(tmp, "out");
  const r = parley("article", "-q", "--out", out, path.join(pages, "a.html"), path.join(pages, "missing.html"));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /missing\.html: no such file/);
  assert.deepEqual(fs.readdirSync(out), ["a.json"]);
  assert.equal(JSON.parse(fs.readFileSync(path.join(out, "a.json"), "utf8")).paragraphs.length, 2);
});

test("start-up: `--help` and `article` load no lexicon, no store, no pipeline", () => {
  // A module hook (node --import) logs every module the process resolves.
  const log = path.join(tmp, "modules.log");
  const hooks = path.join(tmp, "hooks.mjs");
  fs.writeFileSync(hooks, `import fs from "node:fs";\nexport async function resolve(s, c, next) { const r = await next(s, c); fs.appendFileSync(${JSON.stringify(log)}, r.url + "\\n"); return r; }\n`);
  const register = path.join(tmp, "register.mjs");
  fs.writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  for (const args of [["--help"], ["article", path.join(pages, "a.html")]]) {
    fs.rmSync(log, { force: true });
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(register).href, bin, ...args], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const loaded = fs.readFileSync(log, "utf8").split("\n").filter(Boolean);
    assert.ok(loaded.some((u) => u.endsWith("/dist/cli/index.js")), "the hook saw the CLI");
    const heavy = loaded.filter((u) => /\/dist\/(lexicon|pipeline\/index|events|mentions|store\/index|api|collect|ingest)\b|better-sqlite3|fastify/.test(u));
    assert.deepEqual(heavy, [], `${args[0]} loaded ${heavy.join(", ")}`);
  }
});
