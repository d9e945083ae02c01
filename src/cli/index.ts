// Command-line interface: a thin layer over the library functions.

import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { decodeHtml, extractArticle as extractHtmlArticle } from "../html/index.js";
import { listInputs } from "../input/index.js";
import { openExtractor, type Extractor } from "../pipeline/guard.js";
import { TIME_BUDGET_OPTION } from "./budget.js";
import { InputError } from "../types.js";
import { registerCollectCommands } from "../collect/index.js";
import { extractWarc, isWarcPath } from "../warc/index.js";
import { Progress } from "./progress.js";
import { registerServeCommand } from "./serve.js";
import { registerStoreCommands } from "./store-commands.js";

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
      if (isWarcPath(file)) {
        // A web archive: every HTML response in it is a document.
        const w = await extractWarc(file, opts.out ?? null, {
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
    .description("the article of a web page: title, date, author, language, URL, clean text")
    .argument("<page>", "an .html or .html.gz file")
    .option("--url <url>", "the page's address, for relative links and dates in URLs")
    .option("--json", "print JSON instead of text")
    .action((page: string, o: { url?: string; json?: boolean }) => {
      try {
        const bytes = fs.readFileSync(page);
        if (!bytes.length) throw new InputError(page, "empty file");
        const a = extractHtmlArticle(decodeHtml(bytes), o.url);
        if (o.json) console.log(JSON.stringify(a, null, 2));
        else {
          for (const [k, v] of [["title", a.title], ["published", a.published], ["author", a.author], ["site", a.siteName], ["language", a.lang], ["url", a.url], ["image", a.image]] as const)
            if (v) console.log(`${k}: ${v}`);
          console.log("");
          console.log(a.paragraphs.join("\n\n"));
        }
      } catch (e) {
        console.error(`parley: ${page}: ${(e as Error).message}`);
        process.exitCode = 1;
      }
    });
  registerStoreCommands(program);
  registerCollectCommands(program);
  registerServeCommand(program);
  await program.parseAsync(argv);
}
