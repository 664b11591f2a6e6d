/**
 * What a HEALTHCHECK command asks for, read from its text: which loopback URL it fetches and
 * whether a failure is allowed through. The `app-works` probe uses it to prove that the health
 * Docker reports follows the app: a command that asks the app's own port and path, and fails
 * when that request fails, turns unhealthy when the app stops answering. Stopping the app inside
 * the container cannot prove it at run time, because the app is usually PID 1 and the kernel
 * ignores signals sent to PID 1 from inside its own namespace.
 */

export interface HealthcheckTarget {
  /** The loopback URLs the command fetches, as written. */
  urls: { host: string; port: number; path: string }[];
  /** A `|| true`, `|| exit 0`, `; exit 0`... that makes the check pass whatever the request did. */
  masksFailure: string | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * @example healthcheckTarget('wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1')
 * // { urls: [{ host: '127.0.0.1', port: 8080, path: '/health' }], masksFailure: undefined }
 */
export function healthcheckTarget(command: string): HealthcheckTarget {
  const urls: HealthcheckTarget['urls'] = [];
  for (const match of command.matchAll(/\bhttps?:\/\/(\[[^\]]+\]|[A-Za-z0-9.-]+)(?::(\d+))?(\/[^\s'"|;&)]*)?/g)) {
    const host = (match[1] ?? '').toLowerCase();
    if (!LOOPBACK.has(host)) continue;
    const port = match[2] ? Number(match[2]) : match[0].startsWith('https') ? 443 : 80;
    const path = (match[3] ?? '/').split(/[?#]/)[0] || '/';
    urls.push({ host, port, path });
  }
  return { urls, masksFailure: maskingTail(command) };
}

/** A final `|| true` / `|| exit 0` / `|| :` or a trailing `; true` / `; exit 0` makes every run succeed. */
function maskingTail(command: string): string | undefined {
  const match = /(\|\||;|&&)\s*(true|:|exit(?:\s+0)?)\s*$/.exec(command.trim());
  if (!match) return undefined;
  const [, operator, tail] = match;
  // `&& exit 0` keeps the failure of what came before; `|| exit` with no code repeats it.
  if (operator === '&&') return undefined;
  if (tail === 'exit' && operator === '||') return undefined;
  return match[0].trim();
}

/** Docker's `Test` array as the command a person would write. */
export function healthcheckCommand(test: string[]): string {
  const [kind, ...rest] = test;
  return kind === 'CMD-SHELL' || kind === 'CMD' ? rest.join(' ') : test.join(' ');
}
