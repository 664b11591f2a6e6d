/**
 * Report signatures: Ed25519 over the exact bytes of a report file, kept beside it as
 * `<report>.sig`. It proves that the report was written by whoever holds the private key and
 * not changed since (a score edited between the grading job and the gradebook). It says nothing
 * about whether the grading itself was honest, whether the submissions were the students' own,
 * or who holds the key; and a report with its .sig removed is simply unsigned.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import * as z from 'zod';

export class SignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignatureError';
  }
}

const signatureFileSchema = z.object({
  version: z.literal(1),
  algorithm: z.literal('ed25519'),
  /** SHA-256 of the signed bytes, in hex: lets a reader tell "another file" from "edited". */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().min(1),
});

function privateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new SignatureError(`not a private key in PEM form (${(error as Error).message}); make one with \`openssl genpkey -algorithm ed25519 -out grading.key\``);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SignatureError(`the key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

function publicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new SignatureError(`not a public key in PEM form (${(error as Error).message}); export it with \`openssl pkey -in grading.key -pubout -out grading.pub\``);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SignatureError(`the key is ${key.asymmetricKeyType}, not Ed25519`);
  return key;
}

/** The signature file's text for `report`, signed with the PEM private key. */
export function signReport(report: Buffer, privateKeyPem: string): string {
  const signature = sign(null, report, privateKey(privateKeyPem)).toString('base64');
  return `${JSON.stringify({ version: 1, algorithm: 'ed25519', sha256: sha256(report), signature }, null, 2)}\n`;
}

export type VerifyOutcome = { valid: true } | { valid: false; reason: string };

/** Whether `signatureText` is a valid signature of `report` by the holder of the key behind `publicKeyPem`. */
export function verifyReportSignature(report: Buffer, signatureText: string, publicKeyPem: string): VerifyOutcome {
  const key = publicKey(publicKeyPem);
  let parsed;
  try {
    parsed = signatureFileSchema.safeParse(JSON.parse(signatureText));
  } catch {
    return { valid: false, reason: 'the signature file is not JSON' };
  }
  if (!parsed.success) return { valid: false, reason: 'the signature file is not a shipshape report signature' };
  const ok = verify(null, report, key, Buffer.from(parsed.data.signature, 'base64'));
  if (ok) return { valid: true };
  return {
    valid: false,
    reason: parsed.data.sha256 === sha256(report) ? 'the report is unchanged but was not signed with this key' : 'the report was changed after it was signed (or it is another report)',
  };
}

export function generateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  // Only tests and first-time setup need this; a grader usually keeps one key for a term.
  const { privateKey: priv, publicKey: pub } = generateKeyPairSync('ed25519');
  return { privateKeyPem: priv.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString() };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
