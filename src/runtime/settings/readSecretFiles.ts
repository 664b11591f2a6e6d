/**
 * The edge that reads compose file secrets from the learner's challenge folder. A secret file is
 * read only when it really lies inside the folder, symbolic links resolved: a compose file must
 * not be a way to copy `~/.ssh/id_rsa` into a container. The read itself is bounded and never
 * blocks (a FIFO or a device is refused), see workspace/safeRead.ts.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside, readInsideFolder } from '../../workspace/safeRead.js';
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
    // Outside the folder, by path or through a link: refused whether or not it exists.
    const real = existsSync(full) ? realpathSync(full) : full;
    if (!isInside(root, real) || real === root) {
      result.refusals.push({ setting, reason: 'only files inside the challenge folder are delivered as secrets' });
      continue;
    }
    const read = readInsideFolder(root, request.file, MAX_SECRET_BYTES);
    if (read.state === 'missing') result.invalid.push({ setting, reason: `${request.file} does not exist; compose would not start the service without it` });
    else if (read.state === 'refused') result.invalid.push({ setting, reason: read.reason.replace(/, not a regular file$/, ', not a file') });
    else result.files.push({ name: request.name, target: request.target, mode: request.mode, content: read.content });
  }
  return result;
}
