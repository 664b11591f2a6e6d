import { describe, expect, it } from 'vitest';
import { isOrphan, OWNER_LABEL, ownershipFromLabels, ownershipFromTag, ownershipLabels, sessionTag, type Ownership } from './labels.js';

const owner: Ownership = { session: '0a1b2c3d4e5f', machine: 'abcdef012345', pid: 4242, expiresAt: 1_800_000_000_000 };
const here = (machine: string, alive: number[], now = 1_700_000_000_000) => ({ machine, now, isAlive: (pid: number) => alive.includes(pid) });

describe('ownership labels and tags', () => {
  it('round-trips through labels and through a session tag', () => {
    expect(ownershipFromLabels(ownershipLabels(owner, { extra: 'x' }))).toEqual(owner);
    const tag = sessionTag(owner, 'Suid Escalation');
    expect(tag).toMatch(/^shipshape-check\/suid-escalation:[a-z0-9-]+$/);
    expect(tag.split(':')[1]!.length).toBeLessThanOrEqual(128);
    expect(ownershipFromTag(tag)).toEqual(owner);
  });

  it('reads no owner from missing or garbled labels, and from tags that are not a session\'s', () => {
    const labels = ownershipLabels(owner);
    expect(ownershipFromLabels({ ...labels, [OWNER_LABEL]: '' })).toBeUndefined();
    expect(ownershipFromLabels({ ...labels, [OWNER_LABEL]: 'abc' })).toBeUndefined();
    expect(ownershipFromLabels({ 'dev.shipshape.managed': 'true' })).toBeUndefined();
    expect(ownershipFromLabels(null)).toBeUndefined();
    expect(ownershipFromTag('shipshape-cache/suid-escalation:latest')).toBeUndefined();
    expect(ownershipFromTag('busybox:1.36.1')).toBeUndefined();
  });
});

describe('isOrphan', () => {
  it("takes this machine's objects whose owner is gone", () => {
    expect(isOrphan(owner, here(owner.machine, []))).toBe(true);
    expect(isOrphan(owner, here(owner.machine, [4242]))).toBe(false);
  });

  it("never judges another machine's pid, until the object expires", () => {
    expect(isOrphan(owner, here('somewhere-else', []))).toBe(false);
    expect(isOrphan(owner, here('somewhere-else', [], owner.expiresAt + 1))).toBe(true);
    expect(isOrphan(owner, here(owner.machine, [4242], owner.expiresAt))).toBe(true);
  });

  it('never reads a missing owner as a dead one', () => {
    expect(isOrphan(undefined, here(owner.machine, []))).toBe(false);
  });
});
