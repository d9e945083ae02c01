// The dashboard's built assets (web/ built by Vite into dist-web/) served at / beside the API.
// Hashed files under /assets/ never change: cached for a year, immutable. index.html (and the
// other unhashed files) are revalidated on every load, so a rebuilt dashboard shows at once.
// The pages read only the HTTP API; nothing is fetched from the internet.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";

/** dist-web/ of this package (beside dist/). */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist-web");

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Parley</title>
<p>The dashboard is not built here. Run <code>npm run build:web</code> (or <code>npm install</code>) in the project, then reload.
The API is at <a href="/api">/api</a>, its reference at <a href="/api/docs">/api/docs</a>.</p>`;

/** Cache-Control for a served file: hashed assets immutable, everything else revalidated. */
export function cacheControlOf(file: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

export async function registerWeb(app: FastifyInstance, dir: string = WEB_DIR): Promise<void> {
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.code(503).type("text/html; charset=utf-8").header("cache-control", "no-cache").send(NOT_BUILT));
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    wildcard: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    index: ["index.html"],
    schemaHide: true,
    setHeaders: (reply, file) => {
      reply.header("cache-control", cacheControlOf(file));
      reply.header("x-content-type-options", "nosniff");
      if (file.endsWith(".html")) reply.header("content-security-policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
    },
  });
}
