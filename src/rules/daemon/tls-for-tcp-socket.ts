/**
 * A daemon listening on TCP requires TLS with client verification (`tlsverify: true`). The Docker
 * API is root on the host, and without client certificates anyone who reaches the port has it.
 * The CIS Docker Benchmark's "Ensure TLS authentication for Docker daemon is configured"; its
 * number differs between benchmark versions, so none is given in the references.
 */
import { asArray } from '../../parse/yamlSource.js';
import type { DaemonConfigRule, RuleHit } from '../types.js';

export const tlsForTcpSocket: DaemonConfigRule = {
  target: 'daemon',
  meta: {
    id: 'daemon/tls-for-tcp-socket',
    severity: 'error',
    title: 'The Docker API listens on TCP without client verification',
    passTitle: 'The Docker API verifies its clients, or does not listen on TCP',
    why:
      'The Docker API can start a privileged container with the host\'s root filesystem mounted, so access to it ' +
      'is root on the host. Exposed on `tcp://` without `tlsverify`, it needs no password at all: internet-wide ' +
      'scanners find open port 2375 within hours and use it to run cryptominers and backdoors, and inside a ' +
      'network any compromised container or laptop that can reach the port takes over the host.',
    fix:
      'Prefer the local Unix socket (or SSH: `DOCKER_HOST=ssh://user@host`). If TCP is needed, use port 2376 with ' +
      'mutual TLS: `"tlsverify": true, "tlscacert": "/etc/docker/ca.pem", "tlscert": "/etc/docker/server-cert.pem", ' +
      '"tlskey": "/etc/docker/server-key.pem"`, and firewall the port to the hosts that need it.',
    item: 'host.benchmarks',
    references: [],
  },
  check(model) {
    const hosts = typeof model.settings.hosts === 'string' ? [model.settings.hosts] : asArray(model.settings.hosts);
    if (model.settings.tlsverify === true) return [];
    const hits: RuleHit[] = [];
    hosts.forEach((host, index) => {
      if (typeof host !== 'string' || !/^tcp:\/\//i.test(host.trim())) return;
      const path = typeof model.settings.hosts === 'string' ? ['hosts'] : ['hosts', index];
      const reason = model.settings.tls === true
        ? 'with `tls: true` but no `tlsverify: true`: the connection is encrypted, yet any client that reaches it controls the daemon'
        : 'without `tlsverify: true`: anyone who can reach it controls the daemon';
      hits.push({ ...model.document.positionOf(path), message: `\`hosts\` listens on ${host} ${reason}` });
    });
    return hits;
  },
};
