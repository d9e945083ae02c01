// Command-line interface: a thin layer over the library functions.

import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import type { Extractor } from "../pipeline/guard.js";
import type { HtmlArticle } from "../html/index.js";
import { TIME_BUDGET_OPTION } from "./budget.js";
import { InputError } from "../types.js";
import { registerCollectCommands } from "./collect-commands.js";
import { Progress } from "./progress.js";
import { registerServeCommand } from "./serve.js";
import { registerStoreCommands } from "./store-commands.js";
import { tuneJit } from "./jit.js";

// Start-up: this module loads only the command line itself. The pipeline, the lexicons, the
// HTML extractor and the stores are imported by the command that needs them, so `--help` and
// `article` load no lexicon.

export interface ExtractSummary {
  documents: number;
  events: number;
  failed: number;
}

/** `parley extract PATH...`: one JSON per document, to stdout (JSON Lines) or into --out DIR. */
export async function runExtract(paths: string[], opts: { out?: string; pretty?: boolean; quiet?: boolean; timeBudgetMs?: number }): Promise<ExtractSummary> {
  const summary: ExtractSummary = { documents: 0, events: 0, failed: 0 };
  if (opts.out) fs.mkdirSync(opts.out, { recursive: true });
  const progress = new Progress("extract", opts.quiet || !opts.out);
  const { isWarcPath, listInputs } = await import("../input/index.js");
  const { openExtractor } = await import("../pipeline/guard.js");
  let files: Iterable<string>;
  try {
    files = [...listInputs(paths)];
  } catch (e) {
    console.error(`parley: ${(e as Error).message}`);
    summary.failed++;
    return summary;
  }
  const all = files as string[];
  progress.total = all.length;
  // The WARC reader (and through it the pipeline) only when there is an archive to read.
  const warc = all.some(isWarcPath) ? await import("../warc/index.js") : null;
  const ex = openExtractor({ timeBudgetMs: opts.timeBudgetMs });
  try {
    await extractAll(all, ex);
  } finally {
    await ex.close();
  }
  progress.done(`${summary.documents} documents, ${summary.events} events, ${summary.failed} failed`);
  return summary;

  async function extractAll(all: string[], ex: Extractor): Promise<void> {
    for (const file of all) {
      if (warc && isWarcPath(file)) {
        // A web archive: every HTML response in it is a document.
        const w = await warc.extractWarc(file, opts.out ?? null, {
          pretty: opts.pretty,
          extractor: ex,
          onError: (url, reason) => {
            progress.clear();
            console.error(`parley: skipped ${url}: ${reason}`);
          },
        });
        summary.documents += w.documents;
        summary.events += w.events;
        summary.failed += w.failed;
        progress.tick();
        continue;
      }
      try {
        const { result } = await ex.extract({ kind: "file", file });
        const json = JSON.stringify(result, null, opts.pretty ? 2 : undefined);
        if (opts.out) fs.writeFileSync(path.join(opts.out, `${result.id}.json`), json + "\n");
        else process.stdout.write(json.replace(/\n/g, opts.pretty ? "\n" : "") + "\n");
        summary.documents++;
        summary.events += result.events.filter((e) => !e.status).length;
      } catch (e) {
        summary.failed++;
        const msg = e instanceof InputError ? e.message : `${file}: ${(e as Error).stack ?? e}`;
        progress.clear();
        console.error(`parley: skipped ${msg}`);
      }
      progress.tick();
    }
  }
}


export async function main(argv: string[]): Promise<void> {
  tuneJit();
  const program = new Command();
  program.name("parley").description("Diplomatic news in many languages to evidence-backed event data");
  program
    .command("extract")
    .description("extract events from text, JSON or HTML files and folders")
    .argument("<paths...>", "files or folders (recursively: .txt .text .md .json .html .htm)")
    .option("-o, --out <dir>", "write DIR/NAME.json per document instead of JSON Lines to stdout")
    .option("--pretty", "indent the JSON")
    .option("-q, --quiet", "no progress line")
    .option(...TIME_BUDGET_OPTION)
    .action(async (paths: string[], o: { out?: string; pretty?: boolean; quiet?: boolean; timeBudget: number }) => {
      const s = await runExtract(paths, { ...o, timeBudgetMs: o.timeBudget });
      process.exitCode = s.failed ? 1 : 0;
    });
  program
    .command("article")
    .description("the article of web pages: title, date, author, language, URL, clean text (one page: text; several or a folder: JSON Lines)")
    .argument("<pages...>", "files or folders (recursively: .html .htm .html.gz .htm.gz)")
    .option("--url <url>", "the page's address, for relative links and dates in URLs (one page)")
    .option("--json", "one page: print JSON instead of text")
    .option("-o, --out <dir>", "write DIR/NAME.json per page instead of JSON Lines to stdout")
    .option("-q, --quiet", "no progress line")
    .action(async (pages: string[], o: ArticleOptions) => {
      const s = await runArticle(pages, o);
      process.exitCode = s.failed ? 1 : 0;
    });
  registerStoreCommands(program);
  registerCollectCommands(program);
  registerServeCommand(program);
  await program.parseAsync(argv);
}

export interface ArticleOptions {
  url?: string;
  json?: boolean;
  out?: string;
  quiet?: boolean;
}

/**
 * `parley article PAGE...`: one page named alone prints its article as text (or --json); several
 * pages or a folder give one JSON object per page ({name, origin, ...article}), as JSON Lines on
 * stdout or DIR/NAME.json with --out. A page that cannot be read (missing, empty, binary, too
 * large, no article text) is reported on stderr by name and the batch goes on.
 */
export async function runArticle(paths: string[], o: ArticleOptions): Promise<{ pages: number; failed: number }> {
  const { isHtmlFile, listInputs, readHtmlPage } = await import("../input/index.js");
  const { extractArticle } = await import("../html/extract.js");
  const single = paths.length === 1 && !o.out && !isFolder(paths[0]);
  if (single) {
    try {
      const page = readHtmlPage(paths[0]);
      printArticle(extractArticle(page.html, o.url), !!o.json);
      return { pages: 1, failed: 0 };
    } catch (e) {
      console.error(`parley: ${e instanceof InputError ? e.message : `${paths[0]}: ${(e as Error).message}`}`);
      return { pages: 0, failed: 1 };
    }
  }
  const summary = { pages: 0, failed: 0 };
  const files: string[] = [];
  for (const p of paths) {
    try {
      files.push(...listInputs([p], isHtmlFile));
    } catch (e) {
      // A missing path is one failure; the other paths are still read.
      summary.failed++;
      console.error(`parley: skipped ${(e as Error).message}`);
    }
  }
  if (o.out) fs.mkdirSync(o.out, { recursive: true });
  const progress = new Progress("article", o.quiet || !o.out);
  progress.total = files.length;
  const out = new LineWriter();
  for (const file of files) {
    try {
      const page = readHtmlPage(file);
      const article = extractArticle(page.html, o.url);
      if (!article.text.trim()) throw new InputError(file, "no article text found in the HTML page");
      const json = JSON.stringify({ name: page.name, origin: page.origin, ...article });
      if (o.out) fs.writeFileSync(path.join(o.out, `${page.name}.json`), json + "\n");
      else out.line(json);
      summary.pages++;
    } catch (e) {
      summary.failed++;
      out.flush();
      progress.clear();
      console.error(`parley: skipped ${e instanceof InputError ? e.message : `${file}: ${(e as Error).message}`}`);
    }
    progress.tick();
  }
  out.flush();
  progress.done(`${summary.pages} pages, ${summary.failed} failed`);
  return summary;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function printArticle(a: HtmlArticle, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(a, null, 2));
    return;
  }
  for (const [k, v] of [["title", a.title], ["published", a.published], ["author", a.author], ["site", a.siteName], ["language", a.lang], ["url", a.url], ["image", a.image]] as const)
    if (v) console.log(`${k}: ${v}`);
  console.log("");
  console.log(a.paragraphs.join("\n\n"));
}

/** JSON Lines to stdout in blocks of about 64 KB (one write per line costs more than the line). */
class LineWriter {
  private parts: string[] = [];
  private size = 0;

  line(s: string): void {
    this.parts.push(s, "\n");
    this.size += s.length + 1;
    if (this.size >= 65536) this.flush();
  }

  flush(): void {
    if (!this.parts.length) return;
    process.stdout.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}
