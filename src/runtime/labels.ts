/**
 * Who owns what shipshape creates in Docker, so that leftovers of a killed run can be found (by
 * label or tag, never by name alone) and removed, and nothing another live check uses is touched.
 *
 * An owner is a session on a machine: the pid means something only where that pid lives, so the
 * machine is part of it (an engine may be shared over tcp/ssh, or sit in Docker Desktop's VM).
 * Every object also carries an expiry, the longest a check may take, after which any machine may
 * remove it. Containers and BuildKit images carry these as labels. Classic builds cannot take
 * labels without LABEL steps appended to the learner's Dockerfile (the builder implements build
 * labels that way, which busts the cache and leaves unowned intermediates), so their images carry
 * the same facts in the session's tag instead.
 *
 * Pure: the facts about this machine are gathered in machine.ts.
 */
export const MANAGED_LABEL = 'dev.shipshape.managed';
export const OWNER_LABEL = 'dev.shipshape.owner';
export const MACHINE_LABEL = 'dev.shipshape.machine';
export const EXPIRES_LABEL = 'dev.shipshape.expires';
export const CHALLENGE_LABEL = 'dev.shipshape.challenge';
export const SESSION_LABEL = 'dev.shipshape.session';

/** Repository of the image a session builds; its tag names the owner (see sessionTag). */
export const SESSION_REPOSITORY_PREFIX = 'shipshape-check/';

export interface Ownership {
  session: string;
  /** Stable id of the machine (and pid namespace) the owner pid lives on. */
  machine: string;
  pid: number;
  /** Milliseconds since the epoch after which the object is garbage, whoever made it. */
  expiresAt: number;
}

export function ownershipLabels(owner: Ownership, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    [MANAGED_LABEL]: 'true',
    [OWNER_LABEL]: String(owner.pid),
    [MACHINE_LABEL]: owner.machine,
    [EXPIRES_LABEL]: String(owner.expiresAt),
    [SESSION_LABEL]: owner.session,
  };
}

/** The owner an object's labels name, or undefined when any part is missing or garbled. */
export function ownershipFromLabels(labels: Record<string, string> | null | undefined): Ownership | undefined {
  if (!labels || labels[MANAGED_LABEL] !== 'true') return undefined;
  const pid = Number(labels[OWNER_LABEL]);
  const expiresAt = Number(labels[EXPIRES_LABEL]);
  const machine = labels[MACHINE_LABEL];
  const session = labels[SESSION_LABEL];
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isFinite(expiresAt) || !machine || !session) return undefined;
  return { session, machine, pid, expiresAt };
}

/**
 * `shipshape-check/<name>:<machine>-<pid>-<expires in s, base 36>-<session>`: a tag carries the
 * owner of a classic build's image. Tags allow 128 characters of [A-Za-z0-9_.-].
 * @example sessionTag({ session: 'a1b2', machine: 'c3d4', pid: 42, expiresAt: 36_000 }, 'non-root') // 'shipshape-check/non-root:c3d4-42-10-a1b2'
 */
export function sessionTag(owner: Ownership, name: string): string {
  const repository = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|[._-]+$/g, '') || 'image';
  return `${SESSION_REPOSITORY_PREFIX}${repository}:${owner.machine}-${owner.pid}-${Math.ceil(owner.expiresAt / 1000).toString(36)}-${owner.session}`;
}

export function ownershipFromTag(tag: string): Ownership | undefined {
  if (!tag.startsWith(SESSION_REPOSITORY_PREFIX)) return undefined;
  const match = /:([a-z0-9]+)-(\d+)-([a-z0-9]+)-([a-z0-9]+)$/.exec(tag);
  if (!match) return undefined;
  const [, machine = '', pid = '', expires = '', session = ''] = match;
  return { machine, pid: Number(pid), expiresAt: parseInt(expires, 36) * 1000, session };
}

export interface Here {
  machine: string;
  now: number;
  isAlive(pid: number): boolean;
}

/**
 * Whether an object may be swept: past its expiry (whatever machine made it), or made on this
 * machine by a process that is gone. Without an owner it is never an orphan: a missing label is
 * not a dead pid (it may be an object still being built, or someone else's).
 */
export function isOrphan(owner: Ownership | undefined, here: Here): boolean {
  if (!owner) return false;
  if (owner.expiresAt <= here.now) return true;
  return owner.machine === here.machine && !here.isAlive(owner.pid);
}
