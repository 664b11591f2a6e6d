/**
 * Whether an entry of a Kubernetes Secret holds a credential, judged by its key and its value.
 * Secrets also carry configuration that is not secret at all: a TLS certificate without its
 * key, a CA bundle, a config file with a hostname and a log level, a username. Committing those
 * leaks nothing; committing a password, a token, a private key, or a config file with a
 * password inside does.
 */
import { findLiteralCredentials, isSecretName } from './secretLooking.js';

/** Keys whose value is a credential by convention, whatever it looks like. */
const CREDENTIAL_KEYS = /^(?:tls\.key|ssh-privatekey|\.dockerconfigjson|\.dockercfg|htpasswd|\.htpasswd|id_(?:rsa|dsa|ecdsa|ed25519)|.*\.(?:key|p12|pfx|jks|keystore)|credentials(?:\.json)?|.*-key|.*_key)$/i;
/** Keys of public material: certificates, CA bundles, public keys. */
const PUBLIC_KEYS = /(?:^|[._-])(?:crt|cert|certificate|ca|ca-bundle|cabundle|pub|pubkey|public-key|known_hosts)(?:\.[a-z]+)?$/i;
/** `password: x`, `"token": "x"`, `api_key = x` inside a config file. */
const EMBEDDED_SETTING = /^\s*["']?([A-Za-z0-9_.-]+)["']?\s*[:=]\s*["']?([^"'\s#,}]+)/;
const PLACEHOLDER = /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|\{\{.*\}\}|<[^>]*>|""|''|~|null|none|true|false|\*+)$/i;

export interface SecretEntryVerdict {
  credential: boolean;
  /** Why it is a credential, for the message: "a private key", "the key name". */
  reason?: string;
}

/**
 * Judges one Secret entry, its value already decoded from base64 where it came from `data`.
 *
 * @example judgeSecretEntry('ca.crt', '-----BEGIN CERTIFICATE-----\n...').credential // false
 * @example judgeSecretEntry('DB_PASSWORD', 'hunter2').credential // true
 */
export function judgeSecretEntry(key: string, value: string): SecretEntryVerdict {
  const trimmed = value.trim();
  if (trimmed === '' || PLACEHOLDER.test(trimmed)) return { credential: false };
  const found = findLiteralCredentials(trimmed)[0];
  if (found) return { credential: true, reason: found.description };
  // Public material first: `public-key` and `ca.crt` end like credential keys but hold nothing secret
  // (a private key under such a name was caught above by its PEM header).
  if (onlyCertificates(trimmed) || PUBLIC_KEYS.test(key)) return { credential: false };
  if (CREDENTIAL_KEYS.test(key)) return { credential: true, reason: `its key name (${key})` };
  if (isSecretName(key)) return { credential: true, reason: `its key name (${key})` };
  if (trimmed.includes('\n')) {
    const embedded = embeddedSecretSetting(trimmed);
    return embedded ? { credential: true, reason: `the setting ${embedded} inside it` } : { credential: false };
  }
  if (looksLikeRandomToken(trimmed)) return { credential: true, reason: 'a value that looks like a generated token' };
  return { credential: false };
}

function onlyCertificates(value: string): boolean {
  const withoutCertificates = value.replace(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g, '').trim();
  return withoutCertificates === '' && value.includes('BEGIN CERTIFICATE');
}

/** The first secret-named setting with a literal value in a config file (YAML, INI, JSON, properties). */
function embeddedSecretSetting(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = EMBEDDED_SETTING.exec(line);
    const [, name = '', literal = ''] = match ?? [];
    if (match && isSecretName(name) && !PLACEHOLDER.test(literal) && !literal.startsWith('$') && !literal.startsWith('{{')) return name;
  }
  return undefined;
}

/** 20+ characters of letters and digits mixed, no spaces, not a path, URL or host name. */
function looksLikeRandomToken(value: string): boolean {
  if (value.length < 20 || /\s/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('/')) return false;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value)) return false;
  return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
}

/** Decodes a `data` value; undefined when it is not valid base64 (then it is judged as written). */
export function decodeSecretData(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}
