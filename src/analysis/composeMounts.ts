/**
 * The host paths a compose service mounts, from every way compose lets you write a mount:
 *
 *   volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]          short syntax
 *   volumes: [{ type: bind, source: /etc, target: /host-etc }]          long syntax
 *   volumes: ["hostroot:/host"] + top-level `hostroot: { driver_opts: { o: bind, device: / } }`
 *
 * The last one is a bind mount in disguise, so a named volume whose local driver binds a device
 * path counts as that host path. Paths are normalised (`//var/run/x`, `/var/run/../run/x/`),
 * so spelling tricks do not hide a mount from the rules.
 */
import { posix } from 'node:path';
import type { ComposeModel, ComposeService } from '../parse/compose.js';
import { asRecord, isRecord, type YamlPath } from '../parse/yamlSource.js';
import { composeBoolean, isInterpolated } from './composeScalars.js';
import { ownSequence } from './composeSettings.js';

export interface HostMount {
  /** Absolute, normalised host path (no trailing slash except for `/` itself), or a `~/` path in the host user's home. */
  hostPath: string;
  /** Where it appears in the container, when known. */
  target: string | undefined;
  readOnly: boolean;
  /** The named volume that binds `hostPath`, when the mount goes through one. */
  namedVolume: string | undefined;
  /** The volume entry in the service, for the finding's position. */
  path: YamlPath;
}

/** Read once per service: several rules ask. Frozen, since they share it. */
const mountsOfService = new WeakMap<ComposeService, { model: ComposeModel; mounts: readonly HostMount[] }>();

/**
 * @example hostMounts(model, web)[0]?.hostPath // '/var/run/docker.sock'
 */
export function hostMounts(model: ComposeModel, service: ComposeService): readonly HostMount[] {
  let known = mountsOfService.get(service);
  if (known === undefined || known.model !== model) {
    known = { model, mounts: Object.freeze(readHostMounts(model, service).map((mount) => Object.freeze(mount))) };
    mountsOfService.set(service, known);
  }
  return known.mounts;
}

function readHostMounts(model: ComposeModel, service: ComposeService): HostMount[] {
  const topLevelVolumes = asRecord(asRecord(model.document.value).volumes);
  return ownSequence(service, 'volumes').flatMap(({ value, path }) => {
    const mount = typeof value === 'string' ? readShortSyntax(value) : isRecord(value) ? readLongSyntax(value) : undefined;
    if (!mount) return [];
    const source = mount.kind === 'bind' ? { hostPath: mount.source, namedVolume: undefined } : { hostPath: boundDevice(topLevelVolumes[mount.source]), namedVolume: mount.source };
    if (source.hostPath === undefined || isInterpolated(source.hostPath)) return [];
    // `~/.aws` is the host user's home: outside the project as surely as an absolute path.
    const hostPath = source.hostPath === '~' || source.hostPath.startsWith('~/') ? source.hostPath : source.hostPath.startsWith('/') ? normaliseHostPath(source.hostPath) : undefined;
    if (hostPath === undefined) return [];
    return [{ hostPath, target: mount.target, readOnly: mount.readOnly, namedVolume: source.namedVolume, path }];
  });
}

/** `/var/run` is a symlink to `/run` on every current distribution; compare paths under one name. */
export function canonicalHostPath(hostPath: string): string {
  return hostPath === '/var/run' || hostPath.startsWith('/var/run/') ? hostPath.slice('/var'.length) : hostPath;
}

interface WrittenMount {
  kind: 'bind' | 'volume';
  source: string;
  target: string | undefined;
  readOnly: boolean;
}

function readShortSyntax(entry: string): WrittenMount | undefined {
  const parts = entry.split(':');
  // One part is an anonymous volume; more than three is a Windows path we do not judge.
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [source = '', target, mode = ''] = parts;
  const readOnly = mode.split(',').includes('ro');
  return { kind: looksLikeHostPath(source) ? 'bind' : 'volume', source, target, readOnly };
}

function readLongSyntax(entry: Record<string, unknown>): WrittenMount | undefined {
  const { type, source, target } = entry;
  if (typeof source !== 'string') return undefined;
  const kind = type === 'bind' || (type === undefined && looksLikeHostPath(source)) ? 'bind' : type === 'volume' ? 'volume' : undefined;
  if (!kind) return undefined;
  return { kind, source, target: typeof target === 'string' ? target : undefined, readOnly: composeBoolean(entry.read_only) === true };
}

function looksLikeHostPath(source: string): boolean {
  return source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
}

/** A local-driver volume with `o: bind` (or `rbind`) mounts its `device` from the host. */
function boundDevice(definition: unknown): string | undefined {
  const options = asRecord(asRecord(definition).driver_opts);
  const { o, device } = options;
  if (typeof o !== 'string' || typeof device !== 'string') return undefined;
  return o.split(',').some((option) => option.trim() === 'bind' || option.trim() === 'rbind') ? device : undefined;
}

function normaliseHostPath(hostPath: string): string {
  const normalised = posix.normalize(hostPath);
  return normalised.length > 1 && normalised.endsWith('/') ? normalised.slice(0, -1) : normalised;
}
