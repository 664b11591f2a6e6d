/**
 * What a learner's compose service or Kubernetes container asks of the container engine, in the
 * engine's own terms. The translators (fromCompose, fromKubernetes, fromDockerfile) produce it
 * from parsed files without any I/O; runtimeChecks reads secret files and starts the container.
 * Everything the runner leaves out is said in `notes`, so the learner is never surprised.
 */
import type Docker from 'dockerode';
import type { Refusal } from '../policy.js';

/** A secret the service expects as a file, named by its path inside the challenge folder. */
export interface SecretFileRequest {
  /** The secret's name, as the learner wrote it. */
  name: string;
  /** Challenge-relative path of the file holding its value (not read yet). */
  file: string;
  /** Absolute path inside the container, `/run/secrets/<name>` by default. */
  target: string;
  /** Permission bits of the delivered file; read-only for its owner unless the learner said otherwise. */
  mode: number;
}

export interface RunSettings {
  /** Where the settings came from, for progress lines: `compose.yaml, service web`. */
  source: string;
  /** Docker's `User`: `10001`, `10001:10001` or a name. Unset keeps the image's USER. */
  user?: string;
  /** A group applied on top of the image's user when `user` is unset (Kubernetes runAsGroup alone). */
  group?: string;
  /** The learner's host settings, before shipshape's caps; policy.ts judges these. */
  host: Docker.HostConfig;
  env?: string[];
  /** Replaces the image's ENTRYPOINT (and, as with `docker run --entrypoint`, its CMD). */
  entrypoint?: string[];
  /** Replaces the image's CMD. */
  cmd?: string[];
  workingDir?: string;
  healthcheck?: Docker.HealthConfig;
  secretFiles: SecretFileRequest[];
  /** Kubernetes runAsNonRoot: the kubelet refuses to start a container whose user is root or unknown. */
  requireNonRoot: boolean;
  /** What was left out or approximated, and why; shown to the learner. */
  notes: string[];
  /** Settings no exercise may have (policy.ts), named the way the learner wrote them. */
  refusals: Refusal[];
  /** Settings the learner's own tool would reject too (a malformed size, an unknown service). */
  invalid: Refusal[];
}

/** Settings that change nothing: the image runs with its own USER, HEALTHCHECK and CMD. */
export function emptyRunSettings(source: string): RunSettings {
  return { source, host: {}, secretFiles: [], requireNonRoot: false, notes: [], refusals: [], invalid: [] };
}
