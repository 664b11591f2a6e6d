/**
 * Who the container runs as once the learner's settings meet the image's USER, and the kubelet's
 * runAsNonRoot check on that user. The image is only known after the build, so this runs between
 * the build and creating the container.
 */
import type { RunSettings } from './types.js';

/**
 * Docker's `User` for the container: the learner's user (and group), or the image's user with
 * the learner's group, or undefined to keep the image's USER untouched.
 * @example containerUser({ group: '3000' }, 'web') // 'web:3000'
 */
export function containerUser(settings: Pick<RunSettings, 'user' | 'group'>, imageUser: string): string | undefined {
  if (settings.user !== undefined) return settings.group === undefined ? settings.user : `${userPart(settings.user)}:${settings.group}`;
  if (settings.group !== undefined) return `${userPart(imageUser) || '0'}:${settings.group}`;
  return undefined;
}

/**
 * What the kubelet says when runAsNonRoot cannot be satisfied, or undefined when it can. Like the
 * kubelet, it trusts only numbers: an image USER given by name cannot be verified.
 * @example runAsNonRootViolation({ requireNonRoot: true }, '') // 'CreateContainerConfigError: container has runAsNonRoot and image will run as root'
 */
export function runAsNonRootViolation(settings: Pick<RunSettings, 'user' | 'requireNonRoot'>, imageUser: string): string | undefined {
  if (!settings.requireNonRoot) return undefined;
  if (settings.user !== undefined) {
    return numericUid(settings.user) === 0 ? "CreateContainerConfigError: container's runAsUser breaks non-root policy" : undefined;
  }
  const user = userPart(imageUser);
  const uid = user === '' ? 0 : numericUid(user);
  if (uid === 0) return 'CreateContainerConfigError: container has runAsNonRoot and image will run as root';
  if (uid === undefined) return `CreateContainerConfigError: container has runAsNonRoot and image has non-numeric user (${user}), cannot verify user is non-root`;
  return undefined;
}

/** The numeric uid and gid of a `User` string, where they are numbers; a missing group is 0, as Docker does without /etc/passwd. */
export function numericOwner(user: string | undefined): { uid: number; gid: number } | undefined {
  const uid = numericUid(userPart(user ?? '') || '0');
  if (uid === undefined) return undefined;
  const group = (user ?? '').split(':')[1];
  const gid = group === undefined || group === '' ? 0 : numericUid(group);
  return gid === undefined ? undefined : { uid, gid };
}

function userPart(user: string): string {
  return user.split(':')[0]?.trim() ?? '';
}

function numericUid(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
