/**
 * The process's one engine connection for runtime checks: connected and asked for its version
 * and facts, once. (The sweep of killed runs' leftovers follows the first build: runChallenge.)
 *
 * `shipshape check` starts it before the course and the check's code have loaded
 * (`warmUpEngine`), so the engine answers its first requests on the other core while this one
 * compiles: time a check used to spend waiting.
 */
import type Docker from 'dockerode';
import { engineInfo, engineVersion } from './engineFacts.js';

let engineOnce: Promise<Docker> | undefined;

/** The connected, swept engine; a failure is handed out once, then forgotten (the engine may be up by the next check). */
export function connectedEngine(): Promise<Docker> {
  const connection = (engineOnce ??= connect());
  connection.catch(() => {
    if (engineOnce === connection) engineOnce = undefined;
  });
  return connection;
}

/**
 * Starts connecting without waiting. A failure is kept for the runtime half that asks next, which
 * reports it as it would its own; a check that turns out to need no engine never looks.
 */
export function warmUpEngine(): void {
  engineOnce ??= connect();
  engineOnce.catch(() => undefined);
}

async function connect(): Promise<Docker> {
  const { connectEngine } = await import('./engine.js');
  const docker = await connectEngine();
  // Asked now, so their answers arrive while the check gets ready rather than later, one by one.
  void engineVersion(docker);
  void engineInfo(docker);
  return docker;
}
