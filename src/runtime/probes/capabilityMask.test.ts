import { describe, expect, it } from 'vitest';
import { capabilityNamesOf, normalizeCapabilityName } from './capabilityMask.js';

describe('capabilityNamesOf', () => {
  it("decodes Docker's default set", () => {
    expect(capabilityNamesOf('00000000a80425fb')).toEqual([
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'KILL',
      'SETGID',
      'SETUID',
      'SETPCAP',
      'NET_BIND_SERVICE',
      'NET_RAW',
      'SYS_CHROOT',
      'MKNOD',
      'AUDIT_WRITE',
      'SETFCAP',
    ]);
  });

  it('reads an empty mask as no capabilities', () => {
    expect(capabilityNamesOf('0000000000000000')).toEqual([]);
  });

  it('names one capability alone and bits above the table by number', () => {
    expect(capabilityNamesOf('0000000000000400')).toEqual(['NET_BIND_SERVICE']);
    expect(capabilityNamesOf('8000000000000000')).toEqual(['CAP_63']);
  });

  it('decodes a full mask of a privileged container up to CHECKPOINT_RESTORE', () => {
    const names = capabilityNamesOf('000001ffffffffff');
    expect(names).toHaveLength(41);
    expect(names.at(-1)).toBe('CHECKPOINT_RESTORE');
    expect(names).toContain('SYS_ADMIN');
  });

  it('refuses text that is not a mask', () => {
    expect(() => capabilityNamesOf('zz')).toThrow(/not a capability mask/);
  });
});

describe('normalizeCapabilityName', () => {
  it('accepts the spellings of docker, compose and Kubernetes', () => {
    expect(['cap_net_raw', 'CAP_NET_RAW', 'NET_RAW', ' net_raw '].map(normalizeCapabilityName)).toEqual(['NET_RAW', 'NET_RAW', 'NET_RAW', 'NET_RAW']);
  });
});
