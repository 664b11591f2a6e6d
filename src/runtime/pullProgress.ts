/**
 * Progress of `docker pull` for people: the engine reports every layer separately ("a1b2c3:
 * Downloading 1.2MB/3.4MB", dozens of events a second). On a terminal we fold them into one line
 * that rewrites itself; in a log (CI, a pipe) we print a line only when a layer changes phase,
 * so the log stays readable. The state is pure; the display writes through an injected function.
 */

/** One event of the engine's pull stream, as dockerode's followProgress hands it over. */
export interface PullEvent {
  id?: string;
  status?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
}

type Phase = 'waiting' | 'downloading' | 'extracting' | 'done';

interface LayerState {
  phase: Phase;
  current: number;
  total: number;
}

/** The phase a layer's status word puts it in; undefined for events that are not about a layer. */
export function layerPhase(status: string): Phase | undefined {
  if (/^(Pulling fs layer|Waiting)$/.test(status)) return 'waiting';
  if (/^(Downloading|Verifying Checksum|Download complete)$/.test(status)) return 'downloading';
  if (/^Extracting$/.test(status)) return 'extracting';
  if (/^(Pull complete|Already exists)$/.test(status)) return 'done';
  return undefined;
}

/** Folds one image's pull events into a one-line summary. */
export class PullProgress {
  private readonly layers = new Map<string, LayerState>();
  private note: string | undefined;

  constructor(readonly reference: string) {}

  /** Applies an event; returns true when a layer changed phase (what a plain log prints). */
  apply(event: PullEvent): boolean {
    const phase = event.status ? layerPhase(event.status) : undefined;
    if (!phase || !event.id) {
      // "Pulling from library/busybox", "Digest: ...", "Status: Downloaded newer image ...".
      if (event.status) this.note = event.status;
      return false;
    }
    const before = this.layers.get(event.id);
    const detail = event.progressDetail;
    const layer: LayerState = {
      phase,
      current: phase === 'downloading' && detail?.current !== undefined ? detail.current : (before?.current ?? 0),
      total: detail?.total !== undefined && phase === 'downloading' ? detail.total : (before?.total ?? 0),
    };
    this.layers.set(event.id, layer);
    return before?.phase !== phase;
  }

  /**
   * @example
   * // "busybox:1.36.1: 1/3 layers done, 1 downloading (1.2 of 3.4 MB), 1 waiting"
   */
  summary(): string {
    if (this.layers.size === 0) return `${this.reference}: ${this.note ?? 'pulling'}`;
    const count = (phase: Phase) => [...this.layers.values()].filter((layer) => layer.phase === phase).length;
    const downloading = [...this.layers.values()].filter((layer) => layer.phase === 'downloading');
    const bytes = downloading.reduce((sum, layer) => ({ current: sum.current + layer.current, total: sum.total + layer.total }), { current: 0, total: 0 });
    const parts = [`${count('done')}/${this.layers.size} layers done`];
    if (downloading.length > 0) parts.push(`${downloading.length} downloading${bytes.total > 0 ? ` (${megabytes(bytes.current)} of ${megabytes(bytes.total)} MB)` : ''}`);
    if (count('extracting') > 0) parts.push(`${count('extracting')} extracting`);
    if (count('waiting') > 0) parts.push(`${count('waiting')} waiting`);
    return `${this.reference}: ${parts.join(', ')}`;
  }
}

/** The plain-log line for an event that changed a layer's phase. */
export function pullEventLine(reference: string, event: PullEvent): string {
  return `${reference}: ${event.id ? `${event.id}: ` : ''}${event.status ?? ''}`;
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

export interface PullDisplay {
  onEvent(reference: string, event: PullEvent): void;
  /** Ends the updating line (on a terminal) so the next output starts on a fresh line. */
  finish(): void;
}

/**
 * A display writing to `write` (stderr in the CLI). `interactive` (stderr is a TTY) selects the
 * single rewriting line; otherwise one line per layer phase change.
 */
export function pullDisplay(write: (text: string) => void, interactive: boolean): PullDisplay {
  const pulls = new Map<string, PullProgress>();
  let lineOpen = false;
  return {
    onEvent(reference, event) {
      let progress = pulls.get(reference);
      if (!progress) {
        progress = new PullProgress(reference);
        pulls.set(reference, progress);
      }
      const changed = progress.apply(event);
      if (interactive) {
        // Carriage return and "erase line": the summary replaces itself in place.
        write(`\r\u001b[K${progress.summary()}`);
        lineOpen = true;
      } else if (changed) {
        write(`${pullEventLine(reference, event)}\n`);
      }
    },
    finish() {
      if (lineOpen) write('\n');
      lineOpen = false;
    },
  };
}
