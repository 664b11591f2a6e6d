/**
 * Letting Node's event loop turn during long synchronous work. Node handles a signal (Ctrl-C,
 * SIGTERM) only between turns, so the walk, the parse and the rules of a big lint run step
 * aside now and then; a turn costs microseconds.
 */

/** One turn of the event loop, now. */
export function letEventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A turn whenever `everyMs` of work have passed since the last one. */
export class EventLoopTurns {
  private last = performance.now();

  constructor(private readonly everyMs = 20) {}

  async nowAndThen(): Promise<void> {
    if (performance.now() - this.last < this.everyMs) return;
    await letEventLoopTurn();
    this.last = performance.now();
  }
}
