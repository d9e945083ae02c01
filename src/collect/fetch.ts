// Polite HTTP fetching over Node's built-in fetch (undici): robots.txt honoured (robots-parser),
// per-host concurrency and spacing between requests, a timeout over headers and body, a size
// cap, retries with exponential backoff on 5xx/429/timeouts/network errors, a redirect limit
// with loop detection, conditional requests, and a User-Agent naming Parley.

import robotsParserModule from "robots-parser";

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS typed as an ES default export; under NodeNext the function is the module itself.
const robotsParser: (url: string, text: string) => Robot =
  (robotsParserModule as unknown as { default?: unknown }).default as never ?? (robotsParserModule as never);

export const USER_AGENT = "Parley/0.1 (+https://github.com/parley)";
/** The token matched against robots.txt User-agent lines. */
const ROBOTS_AGENT = "Parley";

export interface FetcherOptions {
  userAgent?: string;
  /** Per attempt, headers and body together. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Attempts after the first one, for transient failures. */
  retries?: number;
  /** First backoff; doubles on each retry. */
  backoffMs?: number;
  /** Longest wait honoured from a Retry-After header or robots Crawl-delay. */
  maxWaitMs?: number;
  maxRedirects?: number;
  /** Defaults for hosts without their own policy. */
  delayMs?: number;
  concurrency?: number;
  robots?: boolean;
  /** How long a robots.txt is trusted (RFC 9309 says at most 24 hours). */
  robotsTtlMs?: number;
}

export interface HostPolicy {
  delayMs?: number;
  concurrency?: number;
}

export interface FetchRequest {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** 304 to a conditional request: the stored copy is current, bytes are empty. */
  notModified: boolean;
}

export type FetchFailure =
  | "robots" | "status" | "timeout" | "too-large" | "redirects" | "network" | "bad-url";

export class FetchError extends Error {
  constructor(
    public readonly url: string,
    public readonly reason: string,
    public readonly kind: FetchFailure,
    public readonly status: number | null = null,
    /** Worth trying again later (server errors, timeouts), as opposed to 4xx or robots. */
    public readonly transient = false,
  ) {
    super(`${url}: ${reason}`);
    this.name = "FetchError";
  }
}


interface HostState {
  active: number;
  lastStart: number;
  waiting: (() => void)[];
  policy: Required<HostPolicy>;
  robots?: { at: number; rules: Promise<Robot | "unreachable"> };
  timer: NodeJS.Timeout | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const TIMEOUT_TICK_MS = 50;

const REDIRECT = new Set([301, 302, 303, 307, 308]);

export class PoliteFetcher {
  readonly userAgent: string;
  private readonly opts: Required<Omit<FetcherOptions, "userAgent">>;
  private readonly hosts = new Map<string, HostState>();

  constructor(opts: FetcherOptions = {}) {
    this.userAgent = opts.userAgent ?? USER_AGENT;
    this.opts = {
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? 5 * 1024 * 1024,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 2_000,
      maxWaitMs: opts.maxWaitMs ?? 60_000,
      maxRedirects: opts.maxRedirects ?? 5,
      delayMs: opts.delayMs ?? 1_000,
      concurrency: opts.concurrency ?? 2,
      robots: opts.robots ?? true,
      robotsTtlMs: opts.robotsTtlMs ?? 24 * 3600_000,
    };
  }

  /** Set the politeness of one host (host:port as in URL.host). */
  setHostPolicy(host: string, policy: HostPolicy): void {
    const h = this.host(host);
    if (policy.delayMs != null) h.policy.delayMs = policy.delayMs;
    if (policy.concurrency != null) h.policy.concurrency = Math.max(1, policy.concurrency);
  }

  private host(host: string): HostState {
    let h = this.hosts.get(host);
    if (!h) {
      h = { active: 0, lastStart: 0, waiting: [], policy: { delayMs: this.opts.delayMs, concurrency: this.opts.concurrency }, timer: null };
      this.hosts.set(host, h);
    }
    return h;
  }

  /** Wait for a free slot on a host, respecting its concurrency and the delay between request starts. */
  private acquire(host: string): Promise<() => void> {
    const h = this.host(host);
    return new Promise((resolve) => {
      h.waiting.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          h.active--;
          this.pump(h);
        });
      });
      this.pump(h);
    });
  }

  private pump(h: HostState): void {
    if (h.timer) return;
    while (h.waiting.length && h.active < h.policy.concurrency) {
      const wait = h.lastStart + h.policy.delayMs - Date.now();
      if (wait > 0) {
        h.timer = setTimeout(() => {
          h.timer = null;
          this.pump(h);
        }, wait);
        return;
      }
      h.active++;
      h.lastStart = Date.now();
      h.waiting.shift()!();
    }
  }

  /** Whether robots.txt lets Parley fetch `url`; throws FetchError when it does not. */
  private async checkRobots(url: URL): Promise<void> {
    if (!this.opts.robots || url.pathname === "/robots.txt") return;
    const h = this.host(url.host);
    if (!h.robots || Date.now() - h.robots.at > this.opts.robotsTtlMs) {
      h.robots = { at: Date.now(), rules: this.loadRobots(url) };
    }
    const rules = await h.robots.rules;
    if (rules === "unreachable") {
      throw new FetchError(url.href, "robots.txt unreachable (server error): host treated as disallowed", "robots", null, true);
    }
    if (rules.isAllowed(url.href, ROBOTS_AGENT) === false) {
      throw new FetchError(url.href, "disallowed by robots.txt", "robots");
    }
  }

  /**
   * RFC 9309: 4xx (no robots.txt) means everything is allowed; a server error or an unreachable
   * host means nothing is, for now.
   */
  private async loadRobots(url: URL): Promise<Robot | "unreachable"> {
    const robotsUrl = new URL("/robots.txt", url).href;
    let text = "";
    try {
      const r = await this.fetchWithRetries(robotsUrl, { accept: "text/plain" }, this.opts.maxRedirects);
      text = Buffer.from(r.bytes).toString("utf8");
    } catch (e) {
      const fe = e as FetchError;
      if (fe.kind === "status" && fe.status != null && fe.status >= 400 && fe.status < 500) text = "";
      // An absurd robots.txt, or one lost in redirects, counts as none (RFC 9309 treats the latter as 404).
      else if (fe.kind === "too-large" || fe.kind === "redirects") text = "";
      else return "unreachable";
    }
    const robot = robotsParser(robotsUrl, text);
    const crawlDelay = robot.getCrawlDelay(ROBOTS_AGENT);
    if (crawlDelay) {
      const h = this.host(url.host);
      h.policy.delayMs = Math.max(h.policy.delayMs, Math.min(crawlDelay * 1000, this.opts.maxWaitMs));
    }
    return robot;
  }

  /** Fetch a URL politely. Resolves with the final response (2xx or 304); throws FetchError otherwise. */
  async fetch(url: string, req: FetchRequest = {}): Promise<FetchResult> {
    return this.fetchWithRetries(url, req, this.opts.maxRedirects);
  }

  private async fetchWithRetries(url: string, req: FetchRequest, maxRedirects: number): Promise<FetchResult> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new FetchError(url, "not a URL", "bad-url");
    }
    const visited = new Set<string>([current.href]);
    for (let hop = 0; ; hop++) {
      if (current.protocol !== "http:" && current.protocol !== "https:") {
        throw new FetchError(url, `unsupported scheme ${current.protocol}`, "bad-url");
      }
      await this.checkRobots(current).catch((e: FetchError) => {
        throw hop ? new FetchError(url, `redirect to ${current.href}: ${e.reason}`, e.kind, e.status, e.transient) : e;
      });
      // Conditional headers belong to the URL they were stored for, not to redirect targets.
      const res = await this.attemptWithRetries(current, hop ? { accept: req.accept } : req, url);
      if (!REDIRECT.has(res.status)) {
        return { ...res, url, finalUrl: current.href };
      }
      const location = res.headers["location"];
      if (!location) throw new FetchError(url, `redirect ${res.status} without a Location`, "redirects", res.status);
      const next = new URL(location, current);
      next.hash = "";
      if (visited.has(next.href)) throw new FetchError(url, `redirect loop at ${next.href}`, "redirects", res.status);
      if (hop + 1 > maxRedirects) throw new FetchError(url, `more than ${maxRedirects} redirects`, "redirects", res.status);
      visited.add(next.href);
      current = next;
    }
  }

  /** One URL (no redirect following), with retries and backoff on transient failures. */
  private async attemptWithRetries(target: URL, req: FetchRequest, origUrl: string): Promise<Omit<FetchResult, "url" | "finalUrl">> {
    for (let attempt = 0; ; attempt++) {
      let retryAfterMs = 0;
      try {
        const res = await this.attempt(target, req, origUrl);
        if (res.status >= 200 && res.status < 300) return res;
        if (res.status === 304 && (req.etag || req.lastModified)) return { ...res, notModified: true };
        if (REDIRECT.has(res.status)) return res;
        const transient = res.status >= 500 || res.status === 429 || res.status === 408;
        if (res.status === 429 || res.status === 503) retryAfterMs = retryAfter(res.headers["retry-after"]);
        throw new FetchError(origUrl, `HTTP ${res.status}${target.href !== origUrl ? ` at ${target.href}` : ""}`, "status", res.status, transient);
      } catch (e) {
        const fe = e instanceof FetchError ? e : new FetchError(origUrl, String((e as Error)?.message ?? e), "network", null, true);
        if (!fe.transient || attempt >= this.opts.retries) {
          if (attempt > 0 && fe.transient) {
            throw new FetchError(fe.url, `${fe.reason} (after ${attempt + 1} attempts)`, fe.kind, fe.status, true);
          }
          throw fe;
        }
        const backoff = this.opts.backoffMs * 2 ** attempt;
        await sleep(Math.min(Math.max(backoff, retryAfterMs), this.opts.maxWaitMs));
      }
    }
  }

  /** A single HTTP request in a host slot: timeout over the whole exchange, body read up to maxBytes. */
  private async attempt(target: URL, req: FetchRequest, origUrl: string): Promise<Omit<FetchResult, "url" | "finalUrl">> {
    const release = await this.acquire(target.host);
    const ctrl = new AbortController();
    let timedOut = false;
    // The timeout counts wall time in ticks, each worth at most two tick lengths: while the event
    // loop is blocked (synchronous extraction of another page) a response that has arrived cannot
    // be read, and that wait is not the server's fault.
    let elapsed = 0;
    let lastTick = Date.now();
    const timer = setInterval(() => {
      const t = Date.now();
      elapsed += Math.min(t - lastTick, 2 * TIMEOUT_TICK_MS);
      lastTick = t;
      if (elapsed >= this.opts.timeoutMs) {
        timedOut = true;
        ctrl.abort();
      }
    }, Math.min(TIMEOUT_TICK_MS, this.opts.timeoutMs));
    const headers: Record<string, string> = {
      "user-agent": this.userAgent,
      accept: req.accept ?? "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    };
    if (req.etag) headers["if-none-match"] = req.etag;
    if (req.lastModified) headers["if-modified-since"] = req.lastModified;
    try {
      const res = await fetch(target.href, { headers, redirect: "manual", signal: ctrl.signal });
      const hdrs: Record<string, string> = {};
      res.headers.forEach((v, k) => (hdrs[k] = v));
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => {});
        return { status: res.status, headers: hdrs, bytes: new Uint8Array(0), notModified: false };
      }
      const declared = Number(hdrs["content-length"]);
      if (Number.isFinite(declared) && declared > this.opts.maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw new FetchError(origUrl, `response too large (${declared} bytes declared, cap ${this.opts.maxBytes})`, "too-large", res.status);
      }
      const bytes = await readCapped(res, this.opts.maxBytes, origUrl);
      return { status: res.status, headers: hdrs, bytes, notModified: false };
    } catch (e) {
      if (e instanceof FetchError) throw e;
      if (timedOut) throw new FetchError(origUrl, `timed out after ${this.opts.timeoutMs} ms`, "timeout", null, true);
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const why = err.cause?.code ?? err.cause?.message ?? err.message;
      throw new FetchError(origUrl, `network error: ${why}`, "network", null, true);
    } finally {
      clearInterval(timer);
      release();
    }
  }
}

/** Read a response body, stopping (and cancelling the download) past `max` bytes. */
async function readCapped(res: Response, max: number, url: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new FetchError(url, `response too large (over ${max} bytes)`, "too-large", res.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Retry-After as milliseconds (seconds or an HTTP date); 0 when absent or unreadable. */
function retryAfter(v: string | undefined): number {
  if (!v) return 0;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? 0 : Math.max(0, t - Date.now());
}
