/** @module A progress bar on stderr for commands that work through several files. */

/** Redraws one line on a terminal; prints plain lines when stderr is not a terminal (CI logs). */
export class Progress {
  private done_ = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {}

  step(name: string): void {
    this.done_++;
    const line = `${this.label} ${this.bar()} ${this.done_}/${this.total} ${name}`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${line}`);
    else process.stderr.write(`${line}\n`);
  }

  /** A message that must not be overwritten by the bar. */
  log(message: string): void {
    if (this.tty) process.stderr.write(`\r\x1b[2K${message}\n`);
    else process.stderr.write(`${message}\n`);
  }

  done(): void {
    if (this.tty) process.stderr.write('\n');
  }

  private bar(): string {
    const width = 20;
    const filled = Math.round((this.done_ / this.total) * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  }
}
