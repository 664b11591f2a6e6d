/**
 * The policy's refusals for translated settings, named the way the learner wrote them. policy.ts
 * speaks Docker (`network_mode: host`); a Kubernetes learner wrote `hostNetwork: true`.
 */
import type Docker from 'dockerode';
import { refusalsFor, type Refusal } from '../policy.js';

/** Runs policy.ts over `host`, renaming each refusal's setting where `namesInFile` knows the learner's words. */
export function refusalsNamedAsWritten(host: Docker.HostConfig, namesInFile: ReadonlyMap<string, string>): Refusal[] {
  return refusalsFor(host).map((refusal) => ({ ...refusal, setting: namesInFile.get(refusal.setting) ?? refusal.setting }));
}

/** policy.ts's reason for mounting this host path, for host paths that never reach a HostConfig. */
export function hostPathReason(hostPath: string): string {
  return refusalsFor({ Binds: [`${hostPath}:/host`] })[0]?.reason ?? 'host paths are never mounted into exercise containers';
}
