/**
 * @module Autosave: saves the document a moment after the last change, one request at a time, with
 * If-Match. A 409 stops saving and reports the other edit (author, time) until the user decides;
 * a document that does not validate is not sent.
 */
import { ApiError } from '../api/errors.js';
import type { ConflictDetails } from '../api/types.js';

export type SaveStatus =
  | { kind: 'saved'; at: Date | undefined }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'conflict'; details: ConflictDetails; message: string };

export interface SaveResult {
  etag: string;
}

export interface AutoSaverOptions<D> {
  etag: string;
  delayMs: number;
  save: (doc: D, etag: string) => Promise<SaveResult>;
  /** A message when the document must not be sent as it is. */
  validate?: (doc: D) => string | undefined;
  onStatus: (status: SaveStatus) => void;
  /** After a save: the new ETag (and the document that was saved). */
  onSaved?: (result: SaveResult, doc: D) => void;
  now?: () => Date;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export class AutoSaver<D> {
  private etagValue: string;
  private pending: D | undefined;
  private timer: unknown;
  private inFlight: Promise<void> | undefined;
  private stopped = false;
  private statusValue: SaveStatus = { kind: 'saved', at: undefined };
  private readonly o: AutoSaverOptions<D>;

  constructor(options: AutoSaverOptions<D>) {
    this.o = options;
    this.etagValue = options.etag;
  }

  get etag(): string {
    return this.etagValue;
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** True while changes are waiting or being sent. */
  get busy(): boolean {
    return this.pending !== undefined || this.inFlight !== undefined;
  }

  /** A change to save after the delay. */
  change(doc: D): void {
    this.pending = doc;
    if (this.stopped) return;
    this.setStatus({ kind: 'pending' });
    this.arm();
  }

  /** Saves whatever is waiting now; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.disarm();
    if (this.inFlight) await this.inFlight;
    if (this.pending !== undefined && !this.stopped) await this.run();
    return this.pending === undefined && this.statusValue.kind === 'saved';
  }

  /** Takes a new ETag (after a reload, an upload or a workflow action) and starts saving again. */
  adopt(etag: string, options: { keepPending: boolean }): void {
    this.etagValue = etag;
    this.stopped = false;
    if (!options.keepPending) this.pending = undefined;
    if (this.pending !== undefined) {
      this.setStatus({ kind: 'pending' });
      this.arm();
    } else {
      this.setStatus({ kind: 'saved', at: this.o.now?.() ?? new Date() });
    }
  }

  dispose(): void {
    this.disarm();
    this.stopped = true;
  }

  private arm(): void {
    this.disarm();
    const t = this.o.timers ?? { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    this.timer = t.set(() => {
      this.timer = undefined;
      void this.run();
    }, this.o.delayMs);
  }

  private disarm(): void {
    if (this.timer !== undefined) {
      const t = this.o.timers ?? { set: () => undefined, clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
      t.clear(this.timer);
      this.timer = undefined;
    }
  }

  private setStatus(s: SaveStatus): void {
    this.statusValue = s;
    this.o.onStatus(s);
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (this.pending !== undefined && !this.stopped && this.timer === undefined) await this.run();
      return;
    }
    const doc = this.pending;
    if (doc === undefined || this.stopped) return;
    const problem = this.o.validate?.(doc);
    if (problem) {
      this.setStatus({ kind: 'invalid', message: problem });
      return;
    }
    this.pending = undefined;
    this.setStatus({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const r = await this.o.save(doc, this.etagValue);
        this.etagValue = r.etag;
        this.o.onSaved?.(r, doc);
        if (this.pending === undefined) this.setStatus({ kind: 'saved', at: this.o.now?.() ?? new Date() });
      } catch (err) {
        // What failed is still unsaved, unless something newer replaced it.
        if (this.pending === undefined) this.pending = doc;
        if (err instanceof ApiError && err.isConflict) {
          this.stopped = true;
          this.setStatus({ kind: 'conflict', details: err.conflict, message: err.message });
        } else {
          this.setStatus({ kind: 'error', message: err instanceof Error ? err.message : '保存失败' });
        }
      }
    })();
    this.inFlight = attempt;
    await attempt;
    this.inFlight = undefined;
    if (this.pending !== undefined && !this.stopped && this.statusValue.kind !== 'error' && this.timer === undefined) this.arm();
  }
}
