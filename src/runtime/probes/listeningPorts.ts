/**
 * The TCP ports a container listens on, from /proc/net/tcp and /proc/net/tcp6 (the kernel's
 * socket tables: no netstat or ss needed in the image). Pure: the probe hands over the text.
 * Lines look like `0: 00000000:1F90 00000000:0000 0A ...`: local address and port in hex, then
 * the remote one, then the state; 0A is LISTEN.
 */

export interface ListeningSocket {
  port: number;
  /** True when bound to 127.0.0.1 or ::1 only: reachable from inside the container alone. */
  loopbackOnly: boolean;
}

const LISTEN = '0A';
const LOOPBACK_V4 = '0100007F';
const LOOPBACK_V6 = '00000000000000000000000001000000';

/**
 * @example listeningSockets('  sl  local_address ...\n   0: 00000000:1F90 00000000:0000 0A 0 0\n') // [{ port: 8080, loopbackOnly: false }]
 */
export function listeningSockets(...tables: string[]): ListeningSocket[] {
  const found = new Map<number, ListeningSocket>();
  for (const table of tables) {
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== LISTEN) continue;
      const [address = '', portHex = ''] = local.split(':');
      const port = Number.parseInt(portHex, 16);
      if (!Number.isInteger(port)) continue;
      const loopbackOnly = address === LOOPBACK_V4 || address === LOOPBACK_V6;
      const seen = found.get(port);
      found.set(port, { port, loopbackOnly: (seen?.loopbackOnly ?? true) && loopbackOnly });
    }
  }
  return [...found.values()].sort((a, b) => a.port - b.port);
}

/** The verdict: every exposed port is listened on, and every port open beyond loopback is exposed. */
export function exposedPortsVerdict(exposed: number[], sockets: ListeningSocket[]): { passed: boolean; evidence: string } {
  const open = sockets.filter((s) => !s.loopbackOnly).map((s) => s.port);
  const internal = sockets.filter((s) => s.loopbackOnly).map((s) => s.port);
  const seen = `EXPOSE documents ${list(exposed)}; the app listens on ${list(open)}${internal.length > 0 ? ` (and on ${list(internal)} for the container itself only)` : ''}`;
  if (exposed.length === 0) return { passed: false, evidence: `${seen}: the image documents no port` };
  const idle = exposed.filter((p) => !open.includes(p));
  const undocumented = open.filter((p) => !exposed.includes(p));
  const problems = [
    ...(idle.length > 0 ? [`nothing listens on exposed ${list(idle)}`] : []),
    ...(undocumented.length > 0 ? [`${list(undocumented)} ${undocumented.length === 1 ? 'is' : 'are'} open but not documented`] : []),
  ];
  return problems.length === 0 ? { passed: true, evidence: seen } : { passed: false, evidence: `${seen}: ${problems.join('; ')}` };
}

function list(ports: number[]): string {
  return ports.length === 0 ? 'no port' : ports.map((p) => `${p}/tcp`).join(', ');
}
