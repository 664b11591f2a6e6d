/**
 * Proof that a build used a secret without keeping it: the build writes a value derived from
 * the secret (its SHA-256, which does not reveal it) into a file of the image, and the probe
 * compares. Pure: the probe reads the file and hands the text over.
 */
import { createHash } from 'node:crypto';

/** The SHA-256 of the secret as `sha256sum` prints it (lower-case hex). */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * @example receiptVerdict('token-sha256: 2bb8...', 'hunter2', '/app/.receipt').passed
 */
export function receiptVerdict(receiptText: string | undefined, secret: string, file: string): { passed: boolean; evidence: string } {
  if (receiptText === undefined) return { passed: false, evidence: `${file} is not in the image: the step that uses the secret did not run, or wrote elsewhere` };
  const fingerprint = secretFingerprint(secret);
  return receiptText.includes(fingerprint)
    ? { passed: true, evidence: `${file} holds the secret's SHA-256 (${fingerprint.slice(0, 12)}...): the build read the secret` }
    : { passed: false, evidence: `${file} does not hold the secret's SHA-256 (${fingerprint.slice(0, 12)}...): the build did not get the secret it needs` };
}
