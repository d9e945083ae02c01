// Test support: serves a fixture site from src/collect/fixtures/ on 127.0.0.1 (port 0), with the
// misbehaviour the collector must survive. Counts requests per path so tests can prove what was
// (not) fetched. Nothing leaves the machine.

import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** src/collect/fixtures, found from dist/collect at run time. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/collect/fixtures");

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, site: FixtureSite) => void | Promise<void>;

export interface FixtureSite {
  origin: string;
  hits: Map<string, number>;
  userAgents: Set<string>;
  /** Every request: path and User-Agent, in order. */
  requests: { path: string; userAgent: string }[];
  /** Most requests in flight at once. */
  maxActive: number;
  /** Start times (ms) of requests, in order. */
  starts: number[];
  /** Values substituted for {{KEY}} in feeds. */
  vars: Record<string, string>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  // No charset: pages declare it themselves (the windows-1251 one only in <meta>).
  ".html": "text/html",
};

/** Serve `dir` (under fixtures/) with `routes` taking precedence; feeds get {{VAR}} substitution and ETags. */
export async function startSite(dir: string, routes: Record<string, Handler> = {}, vars: Record<string, string> = {}): Promise<FixtureSite> {
  const root = path.join(FIXTURES, dir);
  let active = 0;
  const sockets = new Set<import("node:net").Socket>();
  const site: FixtureSite = {
    origin: "", hits: new Map(), userAgents: new Set(), requests: [], maxActive: 0, starts: [], vars,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
  const server = http.createServer(async (req, res) => {
    const p = new URL(req.url ?? "/", "http://x").pathname;
    site.hits.set(p, (site.hits.get(p) ?? 0) + 1);
    site.userAgents.add(String(req.headers["user-agent"] ?? ""));
    site.requests.push({ path: p, userAgent: String(req.headers["user-agent"] ?? "") });
    site.starts.push(Date.now());
    active++;
    site.maxActive = Math.max(site.maxActive, active);
    res.on("close", () => active--);
    try {
      const route = routes[p];
      if (route) return void (await route(req, res, site));
      const file = path.join(root, p);
      if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404, { "content-type": "text/plain" });
        return void res.end("not found");
      }
      const ext = path.extname(file);
      let body: Buffer = fs.readFileSync(file);
      if (ext === ".xml" || ext === ".json") {
        let text = body.toString("utf8");
        for (const [k, v] of Object.entries({ BASE: site.origin, ...site.vars })) text = text.replaceAll(`{{${k}}}`, v);
        body = Buffer.from(text, "utf8");
      }
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag });
        return void res.end();
      }
      res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "content-length": body.length, etag });
      res.end(body);
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

/** The news site: fixture files plus a redirect loop, an image behind .html, and an endless page. */
export function startNewsSite(vars: Record<string, string> = {}): Promise<FixtureSite> {
  return startSite("news", {
    "/loop/a.html": (_q, res) => void res.writeHead(302, { location: "/loop/b.html" }).end(),
    "/loop/b.html": (_q, res) => void res.writeHead(301, { location: "/loop/a.html" }).end(),
    "/photo-of-the-day.html": (_q, res) => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
      res.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
    },
    // Chunked, no Content-Length: only reading the stream can find it too big.
    "/huge.html": (_q, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<html><body><p>");
      const chunk = "word ".repeat(20_000);
      let sent = 0;
      const more = () => {
        while (sent < 60 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        if (!res.destroyed) res.end("</p></body></html>");
      };
      more();
    },
  }, vars);
}

/** A host without robots.txt whose /flaky.html fails once with 500 and whose /slow.html outlasts any sane timeout. */
export function startFlakySite(slowMs = 3000): Promise<FixtureSite> {
  return startSite("flaky", {
    "/flaky.html": (_q, res, site) => {
      if (site.hits.get("/flaky.html") === 1) return void res.writeHead(500, { "content-type": "text/plain" }).end("busy");
      const body = fs.readFileSync(path.join(FIXTURES, "flaky", "flaky.html"));
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    },
    "/slow.html": (_q, res) => {
      const t = setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("<p>late</p>"), slowMs);
      res.on("close", () => clearTimeout(t));
    },
  });
}
