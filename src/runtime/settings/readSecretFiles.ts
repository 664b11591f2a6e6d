/**
 * The edge that reads compose file secrets from the learner's challenge folder. A secret file is
 * read only when it really lies inside the folder, symbolic links resolved: a compose file must
 * not be a way to copy `~/.ssh/id_rsa` into a container.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Refusal } from '../policy.js';
import type { SecretFileRequest } from './types.js';

export interface SecretFile {
  name: string;
  target: string;
  mode: number;
  content: Buffer;
}

export interface SecretFilesRead {
  files: SecretFile[];
  refusals: Refusal[];
  /** Files that are missing or unreadable: compose would not start the service either. */
  invalid: Refusal[];
}

/** Secrets are passwords and keys; anything bigger is a mistake, not a secret. */
export const MAX_SECRET_BYTES = 1024 * 1024;

export function readSecretFiles(dir: string, requests: readonly SecretFileRequest[]): SecretFilesRead {
  const result: SecretFilesRead = { files: [], refusals: [], invalid: [] };
  if (requests.length === 0) return result;
  const root = realpathSync(dir);
  for (const request of requests) {
    const setting = `secrets.${request.name}.file: ${request.file}`;
    const full = path.resolve(root, request.file);
    if (!existsSync(full)) {
      result.invalid.push({ setting, reason: `${request.file} does not exist; compose would not start the service without it` });
      continue;
    }
    const real = realpathSync(full);
    const relative = path.relative(root, real);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      result.refusals.push({ setting, reason: 'only files inside the challenge folder are delivered as secrets' });
      continue;
    }
    const stat = statSync(real);
    if (!stat.isFile()) result.invalid.push({ setting, reason: `${request.file} is not a file` });
    else if (stat.size > MAX_SECRET_BYTES) result.invalid.push({ setting, reason: `${request.file} is larger than ${MAX_SECRET_BYTES} bytes` });
    else result.files.push({ name: request.name, target: request.target, mode: request.mode, content: readFileSync(real) });
  }
  return result;
}
