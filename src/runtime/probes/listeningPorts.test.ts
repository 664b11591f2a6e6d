import { describe, expect, it } from 'vitest';
import { exposedPortsVerdict, listeningSockets } from './listeningPorts.js';

const header = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const tcp = `${header}
   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 10001        0 1 1
   1: 0100007F:2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000 10001        0 2 1
   2: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 00000000 10001        0 3 1
`;
const tcp6 = `${header}
   0: 00000000000000000000000000000000:2328 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 4 1
`;

describe('listeningSockets', () => {
  it('reads LISTEN sockets of both tables, marking loopback-only ones', () => {
    expect(listeningSockets(tcp, tcp6)).toEqual([
      { port: 8080, loopbackOnly: false },
      { port: 9000, loopbackOnly: false },
      { port: 9090, loopbackOnly: true },
    ]);
  });

  it('ignores established connections and empty tables', () => {
    expect(listeningSockets(`${header}\n   2: 0100007F:1F90 0100007F:9C40 01 0 0\n`, '')).toEqual([]);
  });
});

describe('exposedPortsVerdict', () => {
  const sockets = [{ port: 8080, loopbackOnly: false }, { port: 9090, loopbackOnly: true }];
  it('passes when EXPOSE names exactly the ports open beyond loopback', () => {
    expect(exposedPortsVerdict([8080], sockets)).toMatchObject({ passed: true });
  });
  it('fails a wrong port, a missing EXPOSE, and an open port left undocumented', () => {
    expect(exposedPortsVerdict([80], sockets).evidence).toMatch(/nothing listens on exposed 80\/tcp; 8080\/tcp is open but not documented/);
    expect(exposedPortsVerdict([], sockets).evidence).toMatch(/documents no port/);
    expect(exposedPortsVerdict([8080], [...sockets, { port: 2222, loopbackOnly: false }]).passed).toBe(false);
  });
});
