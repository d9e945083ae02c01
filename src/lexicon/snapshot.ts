// The compiled lexicon on disk: building it from the data files (folding, stemming, indexing
// every phrase) takes most of a short run's start-up, so the built lexicon is kept as a v8
// snapshot (v8.serialize of its plain data) and read back by later processes. The file is named
// by a key over everything the build depends on: the data files (lexiconVersion), the code that
// builds and folds (dist/lexicon, dist/text), the CLDR package and Node itself. A missing,
// stale or unreadable snapshot is rebuilt; a folder that cannot be written only costs the
// rebuild. PARLEY_LEXICON_CACHE=0 turns snapshots off; PARLEY_LEXICON_CACHE=DIR moves them.

import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import { PhraseMatcher } from "./matcher.js";
import { packMatcher, PackedPersons, PackedPhrases, packPersons, type PackedMatcher, type PackedPersonData } from "./packed.js";
import { blocksGap, DATA_DIR, expandPhrases, hashFile, holdingsByKey, lexiconVersion, type LexEntry, type Lexicon } from "./index.js";

const FORMAT = 3;
const here = path.dirname(fileURLToPath(import.meta.url));

/** What is written: the lexicon without its functions (the matcher packed, see packed.ts). */
interface Snapshot {
  format: number;
  key: string;
  /** Spaces that put the matcher's packed numbers on a 4-byte boundary of the file (see serializeLexicon). */
  pad: string;
  matcher: PackedMatcher;
  persons: PackedPersonData;
  rest: Omit<Lexicon, "matcher" | "countryName" | "persons">;
}

/** The snapshot folder, or null when snapshots are off. */
export function snapshotDir(env = process.env): string | null {
  const v = env.PARLEY_LEXICON_CACHE;
  if (v === "0" || v === "off") return null;
  return v ? path.resolve(v) : path.resolve(DATA_DIR, "../node_modules/.cache/parley");
}

/** Key of everything the built lexicon depends on. */
export function snapshotKey(): string {
  const h = createHash("sha1");
  h.update(`${FORMAT}|${process.version}|${process.versions.icu ?? ""}|${lexiconVersion()}`);
  for (const dir of [here, path.join(here, "../text")])
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".js")).sort()) hashFile(h.update(f), path.join(dir, f));
  try {
    const cldr = createRequire(import.meta.url).resolve("i18n-iso-countries");
    const st = fs.statSync(cldr);
    h.update(`${cldr}|${st.size}|${st.mtimeMs}`);
  } catch {
    h.update("no-cldr");
  }
  return h.digest("hex").slice(0, 16);
}

const fileFor = (dir: string, key: string) => path.join(dir, `lexicon-${key}.v8`);

/** The lexicon as bytes (v8.serialize keeps shared objects shared, Maps and Sets in order). */
export function serializeLexicon(lex: Lexicon, key = ""): Buffer {
  const { matcher, countryName: _countryName, persons, ...rest } = lex;
  const packedPersons = packPersons(persons, holdingsByKey(persons.values()));
  const snapshot: Snapshot = { format: FORMAT, key, pad: "", matcher: packMatcher(matcher.exportState()), persons: packedPersons, rest };
  // The packed numbers are read back as 32-bit words in place when they lie on a 4-byte boundary
  // of the file, and copied (touching megabytes of fresh memory) when not: the padding before
  // them is chosen so that they do.
  for (let pad = 0; ; pad++) {
    snapshot.pad = " ".repeat(pad);
    const bytes = v8.serialize(snapshot);
    const numbers = (v8.deserialize(bytes) as Snapshot).matcher.numbers;
    if (pad === 3 || (numbers.byteOffset - bytes.byteOffset) % 4 === 0) return bytes;
  }
}

/** A lexicon from serializeLexicon's bytes; null when they are of another format or key. */
export function deserializeLexicon(bytes: Buffer, key?: string): Lexicon | null {
  const s = v8.deserialize(bytes) as Snapshot;
  if (!s || s.format !== FORMAT || (key !== undefined && s.key !== key)) return null;
  const phrases = new PackedPhrases<LexEntry>(s.matcher);
  const matcher = PhraseMatcher.fromSource(phrases, phrases.meta, blocksGap);
  expandPhrases(matcher);
  const names = s.rest.englishNames ?? new Map<string, string>();
  return { ...s.rest, persons: new PackedPersons(s.persons), matcher, countryName: (code) => names.get(code) ?? code };
}

/** The saved lexicon for the current data and code, or null. */
export function readLexiconSnapshot(dir = snapshotDir()): Lexicon | null {
  if (!dir) return null;
  try {
    const key = snapshotKey();
    const file = fileFor(dir, key);
    if (!fs.existsSync(file)) return null;
    return deserializeLexicon(fs.readFileSync(file), key);
  } catch {
    return null;
  }
}

/** Save a freshly built lexicon (atomically: a reader never sees half a file); returns it. */
export function saveLexiconSnapshot(lex: Lexicon, dir = snapshotDir()): Lexicon {
  if (!dir) return lex;
  try {
    const key = snapshotKey();
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${fileFor(dir, key)}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, serializeLexicon(lex, key));
    fs.renameSync(tmp, fileFor(dir, key));
    // Older snapshots (other data or code) are of no further use.
    for (const f of fs.readdirSync(dir)) if (/^lexicon-[0-9a-f]+\.v8$/.test(f) && f !== path.basename(fileFor(dir, key))) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // A read-only install: every process builds its own lexicon, as before.
  }
  return lex;
}
