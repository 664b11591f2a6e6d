/**
 * What BusyBox `wget -S` said about one request: the HTTP status line it printed (headers go to
 * stderr, indented), or why no response came. The `app-works` probe asks the app from inside
 * the container this way, so the parsing stays here, pure and tested.
 */
import type { ExecResult } from '../container.js';

export type WgetResponse =
  | { kind: 'response'; status: number; statusLine: string; body: string }
  | { kind: 'no-response'; reason: string };

/**
 * @example wgetResponse({ exitCode: 0, stdout: '<h1>ok</h1>', stderr: '  HTTP/1.1 200 OK\n' })
 * // { kind: 'response', status: 200, statusLine: 'HTTP/1.1 200 OK', body: '<h1>ok</h1>' }
 */
export function wgetResponse(result: ExecResult): WgetResponse {
  const statusLines = [...result.stderr.matchAll(/^\s*(HTTP\/\d(?:\.\d)? (\d{3})[^\r\n]*)/gm)];
  // A redirect followed by wget prints several status lines; the last one is the page's.
  const last = statusLines.at(-1);
  if (last?.[1] && last[2]) return { kind: 'response', status: Number(last[2]), statusLine: last[1].trim(), body: result.stdout };
  const reason = result.stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('Connecting to')).at(-1);
  return { kind: 'no-response', reason: reason ?? `wget exited ${result.exitCode} with no output` };
}
