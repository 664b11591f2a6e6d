import { describe, expect, it } from 'vitest';
import { capabilityList, capabilityName } from './capabilities.js';

describe('capabilityName', () => {
  it.each([
    ['CAP_NET_RAW', 'NET_RAW'],
    ['net_bind_service', 'NET_BIND_SERVICE'],
    ['all', 'ALL'],
    [' Chown ', 'CHOWN'],
  ])('%s → %s', (written, name) => {
    expect(capabilityName(written)).toBe(name);
  });
});

describe('capabilityList', () => {
  it('normalises, dedupes and drops what is not a name', () => {
    expect(capabilityList(['ALL', 'all', 'CAP_CHOWN', 3, ''])).toEqual(['ALL', 'CHOWN']);
    expect(capabilityList('ALL')).toEqual([]);
  });
});
