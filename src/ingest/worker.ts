// Worker thread: reads and extracts one document per message. Storage stays on the main thread
// (one writer), extraction runs on every core.

import { parentPort } from "node:worker_threads";
import { readDocument } from "../input/index.js";
import { extractText } from "../pipeline/index.js";
import { InputError } from "../types.js";

parentPort!.on("message", (msg: { id: number; file: string }) => {
  try {
    const result = extractText(readDocument(msg.file));
    parentPort!.postMessage({ id: msg.id, ok: true, result });
  } catch (e) {
    const error = e instanceof InputError ? e.message : `${msg.file}: ${(e as Error).message}`;
    parentPort!.postMessage({ id: msg.id, ok: false, error });
  }
});
