// Progress on stderr: a rewritten line on a terminal, a plain line every few seconds otherwise.

export class Progress {
  total = 0;
  private count = 0;
  private readonly started = Date.now();
  private lastPlain = 0;
  private readonly tty = !!process.stderr.isTTY;

  constructor(private readonly label: string, private readonly silent = false) {}

  tick(n = 1): void {
    this.count += n;
    if (this.silent) return;
    const now = Date.now();
    if (!this.tty && now - this.lastPlain < 5000 && this.count !== this.total) return;
    this.lastPlain = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? this.count / secs : 0;
    const eta = this.total && rate ? Math.max(0, (this.total - this.count) / rate) : 0;
    const line = `${this.label}: ${this.count}${this.total ? `/${this.total}` : ""} documents, ${rate.toFixed(1)}/s${this.total ? `, ETA ${eta.toFixed(0)}s` : ""}`;
    if (this.tty) process.stderr.write(`\r\x1b[K${line}`);
    else process.stderr.write(line + "\n");
  }

  /** Set the absolute count (for callers that report totals rather than steps). */
  update(done: number): void {
    this.tick(done - this.count);
  }

  clear(): void {
    if (this.tty && !this.silent) process.stderr.write("\r\x1b[K");
  }

  done(message: string): void {
    if (this.silent) return;
    this.clear();
    process.stderr.write(`${this.label}: ${message}\n`);
  }
}
