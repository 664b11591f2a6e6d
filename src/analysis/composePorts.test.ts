import { describe, expect, it } from 'vitest';
import { parseCompose } from '../parse/compose.js';
import { isLoopback, publishedPorts } from './composePorts.js';

const portsOf = (...entries: string[]) => {
  const model = parseCompose(['services:', '  web:', '    ports:', ...entries, ''].join('\n'), 'compose.yaml');
  const web = model.services[0];
  if (!web) throw new Error('no service');
  return publishedPorts(web).map(({ hostIp, published, target }) => ({ hostIp, published, target }));
};

describe('publishedPorts', () => {
  it.each([
    ['"80"', { hostIp: undefined, published: undefined, target: { from: 80, to: 80 } }],
    ['"8080:80"', { hostIp: undefined, published: { from: 8080, to: 8080 }, target: { from: 80, to: 80 } }],
    ['"127.0.0.1:8080:80"', { hostIp: '127.0.0.1', published: { from: 8080, to: 8080 }, target: { from: 80, to: 80 } }],
    ['"127.0.0.1::80"', { hostIp: '127.0.0.1', published: undefined, target: { from: 80, to: 80 } }],
    ['"[::1]:6001:6001"', { hostIp: '::1', published: { from: 6001, to: 6001 }, target: { from: 6001, to: 6001 } }],
    ['"::1:6000:6000"', { hostIp: '::1', published: { from: 6000, to: 6000 }, target: { from: 6000, to: 6000 } }],
    ['"9090-9091:8080-8081"', { hostIp: undefined, published: { from: 9090, to: 9091 }, target: { from: 8080, to: 8081 } }],
    ['"6060:6060/udp"', { hostIp: undefined, published: { from: 6060, to: 6060 }, target: { from: 6060, to: 6060 } }],
    ['3000', { hostIp: undefined, published: undefined, target: { from: 3000, to: 3000 } }],
  ])('reads %s', (entry, expected) => {
    expect(portsOf(`      - ${entry}`)).toEqual([expected]);
  });

  it('reads long syntax', () => {
    expect(portsOf('      - { target: 80, published: "8000-8001", host_ip: "[::1]", protocol: tcp }')).toEqual([
      { hostIp: '::1', published: { from: 8000, to: 8001 }, target: { from: 80, to: 80 } },
    ]);
  });

  it('skips entries it cannot read rather than guessing', () => {
    expect(portsOf('      - "${PORT}:80"', '      - "http"', '      - { published: 80 }')).toEqual([]);
  });

  it('knows loopback addresses', () => {
    expect([isLoopback('127.0.0.1'), isLoopback('127.1.2.3'), isLoopback('::1'), isLoopback('10.0.0.1'), isLoopback(undefined)]).toEqual([true, true, true, false, false]);
  });
});
