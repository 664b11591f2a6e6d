import { describe, expect, it } from 'vitest';
import { stableEvidence } from './stableEvidence.js';

describe('stable evidence', () => {
  it('replaces random scratch names, tags and ids, and keeps the words', () => {
    expect(stableEvidence('refused: /etc (touch: /etc/.shipshape-probe-b2322240: Permission denied), / (touch: /.shipshape-probe-aef1c986: x)')).toBe(
      'refused: /etc (touch: /etc/.shipshape-probe-*: Permission denied), / (touch: /.shipshape-probe-*: x)',
    );
    expect(stableEvidence('ran /tmp/.shipshape-attack-0a1b2c3d')).toBe('ran /tmp/.shipshape-attack-*');
    expect(stableEvidence('image shipshape-check/non-root-dockerfile:4242-a1b2c3d4 built')).toBe('image shipshape-check/non-root-dockerfile:* built');
    expect(stableEvidence('image shipshape-check/healthcheck:k3x9-4242-mz1p0q-ab12cd built')).toBe('image shipshape-check/healthcheck:* built');
    expect(stableEvidence(`layer sha256:${'a'.repeat(64)} and ${'b'.repeat(64)}`)).toBe('layer sha256:* and *');
    expect(stableEvidence('`id -u` printed 10001 (uid=10001 gid=10001)')).toBe('`id -u` printed 10001 (uid=10001 gid=10001)');
  });
});
