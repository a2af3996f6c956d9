/** A progress bar on stderr: redrawn in place on a terminal, a line every few seconds otherwise (logs, CI). */

export class ProgressBar {
  private readonly started = Date.now();
  private lastLine = 0;
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = !!stream.isTTY;
  }

  update(done: number, detail: string): void {
    const now = Date.now();
    const finished = done >= this.total;
    if (!this.tty && !finished && now - this.lastLine < 2000) return;
    this.lastLine = now;
    const width = 28;
    const ratio = this.total === 0 ? 1 : done / this.total;
    const filled = Math.round(ratio * width);
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    const line = `${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${this.total} ${(ratio * 100).toFixed(1)}% ${rate.toFixed(1)}/s${finished ? "" : ` eta ${formatDuration(eta)}`} ${detail}`;
    if (this.tty) this.stream.write(`\r\x1b[2K${line}${finished ? "\n" : ""}`);
    else this.stream.write(line + "\n");
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m < 60 ? `${m}m${String(s).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
