/**
 * Ports published on every host interface: `"8080:80"`, `"80"` (random host port), long
 * syntax without `host_ip`, or `0.0.0.0` / `::` written out. Info, not warning: a public service
 * must listen publicly; the point is to make that a choice. Ports bound to a loopback or other
 * specific address pass.
 */
import { listensOnAllInterfaces, publishedPorts } from '../../analysis/composePorts.js';
import type { ComposeRule } from '../types.js';

export const publishOnLocalhost: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/publish-on-localhost',
    severity: 'info',
    title: 'A port is published on every host interface',
    passTitle: 'Every published port is bound to one host interface',
    why:
      'A port published without an address listens on every interface of the host, and Docker opens it in ' +
      'the firewall itself, past rules you set with ufw or firewalld. A database or admin page published ' +
      '"just for local testing" is then reachable by anyone who can reach the machine, and scanners find such ' +
      'ports within hours.',
    fix:
      'If only this machine needs the port, bind it to loopback: `- "127.0.0.1:8080:80"` (long syntax: ' +
      '`host_ip: 127.0.0.1`). If only other services need it, remove `ports:` and let them use the compose ' +
      'network. Publish on all interfaces only what must be public, ideally behind a reverse proxy.',
    item: 'network.ports',
    references: ['cis-docker:5.13'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      publishedPorts(service)
        .filter(listensOnAllInterfaces)
        .map((port) => {
          const { line, column } = model.document.positionOf(port.path);
          return { line, column, message: `port \`${port.written}\` of service ${service.name} listens on every host interface; use \`127.0.0.1:\` if only local access is needed` };
        }),
    );
  },
};
