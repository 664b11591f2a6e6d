import { describe, expect, it } from 'vitest';
import { generateSigningKeys, SignatureError, signReport, verifyReportSignature } from './signature.js';

describe('report signatures', () => {
  const keys = generateSigningKeys();
  const report = Buffer.from('{"version":1,"students":[{"id":"alice","score":3}]}\n');

  it('verifies a report as signed', () => {
    expect(verifyReportSignature(report, signReport(report, keys.privateKeyPem), keys.publicKeyPem)).toEqual({ valid: true });
  });

  it('rejects a report edited after signing, and one signed with another key', () => {
    const signature = signReport(report, keys.privateKeyPem);
    const edited = Buffer.from(report.toString().replace('"score":3', '"score":9'));
    expect(verifyReportSignature(edited, signature, keys.publicKeyPem)).toMatchObject({ valid: false, reason: expect.stringMatching(/changed/) });
    const other = generateSigningKeys();
    expect(verifyReportSignature(report, signature, other.publicKeyPem)).toMatchObject({ valid: false, reason: expect.stringMatching(/not signed with this key/) });
    expect(verifyReportSignature(report, 'not json', keys.publicKeyPem)).toMatchObject({ valid: false });
  });

  it('says plainly when a key is not an Ed25519 PEM key', () => {
    expect(() => signReport(report, 'hello')).toThrow(SignatureError);
    expect(() => verifyReportSignature(report, '{}', keys.privateKeyPem.replace(/PRIVATE/g, 'PUBLIC'))).toThrow(SignatureError);
  });
});
