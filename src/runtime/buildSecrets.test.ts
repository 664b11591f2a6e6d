import { describe, expect, it } from 'vitest';
import { decodeSecretRequest, encodeSecretResponse, loadGrpc } from './buildSecrets.js';

describe('build secret messages', () => {
  it('encodes GetSecretResponse as field 1, length-delimited', () => {
    expect([...encodeSecretResponse(Buffer.from('abc'))]).toEqual([0x0a, 3, 0x61, 0x62, 0x63]);
    // 300 bytes need a two-byte length: 300 = 0b10_0101100 -> 0xac 0x02.
    expect([...encodeSecretResponse(Buffer.alloc(300)).subarray(0, 3)]).toEqual([0x0a, 0xac, 0x02]);
  });

  it("decodes a GetSecretRequest's ID and skips its annotations", () => {
    // ID = "token", then annotations { "k": "v" } as a map entry (field 2).
    const annotation = Buffer.from([0x0a, 1, 0x6b, 0x12, 1, 0x76]);
    const request = Buffer.concat([Buffer.from([0x0a, 5]), Buffer.from('token'), Buffer.from([0x12, annotation.length]), annotation]);
    expect(decodeSecretRequest(request)).toEqual({ id: 'token' });
  });

  it('refuses a truncated request rather than guessing', () => {
    expect(() => decodeSecretRequest(Buffer.from([0x0a, 0x85]))).toThrow(/truncated/);
  });

  it("finds dockerode's gRPC server library", () => {
    expect(typeof loadGrpc()?.Server).toBe('function');
  });
});
