import { describe, expect, it } from 'vitest';
import { receiptVerdict, secretFingerprint } from './buildSecretReceipt.js';

describe('secretFingerprint', () => {
  it('is the SHA-256 hex that sha256sum prints', () => {
    // printf 'abc' | sha256sum
    expect(secretFingerprint('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('receiptVerdict', () => {
  it('passes when the receipt holds the fingerprint', () => {
    const verdict = receiptVerdict(`token-sha256: ${secretFingerprint('s3cret-token')}\n`, 's3cret-token', '/app/receipt');
    expect(verdict.passed).toBe(true);
    expect(verdict.evidence).not.toContain('s3cret-token');
  });

  it('fails when the receipt holds another value or is missing', () => {
    expect(receiptVerdict(`token-sha256: ${secretFingerprint('')}`, 's3cret-token', '/app/receipt').passed).toBe(false);
    expect(receiptVerdict(undefined, 's3cret-token', '/app/receipt').evidence).toMatch(/not in the image/);
  });
});
