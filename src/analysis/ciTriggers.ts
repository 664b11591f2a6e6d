/**
 * What starts a GitHub Actions workflow and what its token may do. Privileged triggers
 * (`pull_request_target`, `workflow_run`) run with the repository's secrets whatever code they
 * check out, so the checkout rules need the triggers and the permissions a job ends up with.
 */
import { asRecord, isRecord } from '../parse/yamlSource.js';

/** The events of a workflow's `on:` (string, list or map). */
export function workflowTriggers(root: Record<string, unknown>): string[] {
  // YAML 1.1 readers turn the `on` key into `true`; accept both spellings.
  const on = root.on ?? root.true;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((event): event is string => typeof event === 'string');
  return isRecord(on) ? Object.keys(on) : [];
}

export type TokenAccess = 'read' | 'write' | 'default';

/**
 * What the GITHUB_TOKEN of a job may do: its own `permissions:` or else the workflow's;
 * `default` when neither says, which is the repository setting (write on older repositories).
 *
 * @example jobTokenAccess(root, 'build') // 'read' for `permissions: {contents: read}`
 */
export function jobTokenAccess(root: Record<string, unknown>, job: string): TokenAccess {
  const jobPermissions = asRecord(asRecord(root.jobs)[job]).permissions;
  const permissions = jobPermissions !== undefined ? jobPermissions : root.permissions;
  if (permissions === undefined || permissions === null) return 'default';
  if (permissions === 'read-all') return 'read';
  if (typeof permissions === 'string') return permissions === 'write-all' ? 'write' : 'default';
  if (!isRecord(permissions)) return 'default';
  return Object.values(permissions).some((value) => value === 'write') ? 'write' : 'read';
}
