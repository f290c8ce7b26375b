/**
 * Progress on the stream it is given: a bar redrawn in place on a terminal; elsewhere (a log, a pipe) a
 * plain line each time another tenth is done, so that logs stay readable.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** False: report nothing (--json). */
  enabled: boolean;
  /** Milliseconds; injected by tests. */
  now?: () => number;
}

const formatCount = (value: number) => value.toLocaleString('en-GB');

export class Progress {
  private done = 0;
  private lastDraw = -Infinity;
  private lastTenth = 0;
  private readonly started: number;
  private readonly now: () => number;
  private finished = false;
  private note = '';

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit: string,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    if (this.active && this.tty) this.draw();
  }

  /** Worth showing: enabled, and on a terminal or with more than one step to take. */
  private get active(): boolean {
    return this.options.enabled && this.total > 0 && (this.tty || this.total > 1);
  }

  private get tty(): boolean {
    return this.options.stream.isTTY === true;
  }

  /** `note`: what is being worked on now (a file name), shown on a terminal. */
  update(done: number, note?: string): void {
    this.done = Math.min(done, this.total);
    if (!this.active || this.finished) return;
    if (this.tty) {
      // Redrawing costs a write; ten times a second is smooth enough (a new note always shows).
      const noteChanged = note !== undefined && note !== this.note;
      if (note !== undefined) this.note = note;
      if (noteChanged || this.now() - this.lastDraw >= 100 || this.done === this.total) this.draw();
      return;
    }
    const tenth = Math.floor((this.done / this.total) * 10);
    if (tenth > this.lastTenth) {
      // Work done in one step (a small import) needs no progress line.
      const inOneStep = this.lastTenth === 0 && this.done === this.total;
      this.lastTenth = tenth;
      if (!inOneStep) this.options.stream.write(`${this.describe()}\n`);
    }
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (!this.active || this.finished) return;
    this.finished = true;
    if (this.tty) {
      this.note = '';
      this.draw();
      this.options.stream.write('\n');
    }
  }

  private rate(): number {
    const seconds = (this.now() - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private describe(): string {
    const percent = Math.floor((this.done / this.total) * 100);
    return `${this.label}: ${formatCount(this.done)} of ${formatCount(this.total)} ${this.unit} (${percent}%)`;
  }

  private draw(): void {
    this.lastDraw = this.now();
    const percent = Math.floor((this.done / this.total) * 100);
    const rate = this.rate();
    const tail = ` ${String(percent).padStart(3)}% ${formatCount(this.done)}/${formatCount(this.total)} ${this.unit}${
      rate > 0 ? ` · ${formatCount(Math.round(rate))} ${this.unit}/s` : ''
    }`;
    // A terminal that reports no width (0) is taken as 80 wide; the bar keeps one width as the text changes.
    const columns = this.options.stream.columns || 80;
    const width = Math.max(10, Math.min(40, columns - this.label.length - 50));
    const filled = Math.round((this.done / this.total) * width);
    const bar = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${tail}`;
    // One terminal line at most, or the carriage return would not go back to its start.
    const room = columns - 1 - bar.length - 3;
    const note =
      this.note === '' || room < 8
        ? ''
        : ` · ${this.note.length <= room ? this.note : `…${this.note.slice(-(room - 1))}`}`;
    this.options.stream.write(`\r\x1b[2K${bar}${note}`);
  }
}
