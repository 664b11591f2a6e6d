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

/**
 * A bind mount whose host path still holds a variable after what can be known is filled in
 * (`${XDG_RUNTIME_DIR}/docker.sock`): no path can be compared, but its file name and its target
 * in the container may still tell what it is.
 */
export interface UnresolvedBindMount {
  /** The host path as written, variables kept. */
  written: string;
  target: string | undefined;
  readOnly: boolean;
  path: YamlPath;
}

interface ServiceMounts {
  model: ComposeModel;
  mounts: readonly HostMount[];
  unresolved: readonly UnresolvedBindMount[];
}

/** Read once per service: several rules ask. Frozen, since they share it. */
const mountsOfService = new WeakMap<ComposeService, ServiceMounts>();

function mountsOf(model: ComposeModel, service: ComposeService): ServiceMounts {
  let known = mountsOfService.get(service);
  if (known === undefined || known.model !== model) {
    const { mounts, unresolved } = readHostMounts(model, service);
    known = { model, mounts: Object.freeze(mounts.map((mount) => Object.freeze(mount))), unresolved: Object.freeze(unresolved.map((mount) => Object.freeze(mount))) };
    mountsOfService.set(service, known);
  }
  return known;
}

/**
 * @example hostMounts(model, web)[0]?.hostPath // '/var/run/docker.sock'
 */
export function hostMounts(model: ComposeModel, service: ComposeService): readonly HostMount[] {
  return mountsOf(model, service).mounts;
}

/** @example unresolvedBindMounts(model, web)[0]?.written // '${XDG_RUNTIME_DIR}/docker.sock' */
export function unresolvedBindMounts(model: ComposeModel, service: ComposeService): readonly UnresolvedBindMount[] {
  return mountsOf(model, service).unresolved;
}

function readHostMounts(model: ComposeModel, service: ComposeService): { mounts: HostMount[]; unresolved: UnresolvedBindMount[] } {
  const topLevelVolumes = asRecord(asRecord(model.document.value).volumes);
  const mounts: HostMount[] = [];
  const unresolved: UnresolvedBindMount[] = [];
  for (const { value, path } of ownSequence(service, 'volumes')) {
    const mount = typeof value === 'string' ? readShortSyntax(fillInKnownVariables(value)) : isRecord(value) ? readLongSyntax(value) : undefined;
    if (!mount) continue;
    const source = mount.kind === 'bind' ? { hostPath: mount.source, namedVolume: undefined } : { hostPath: boundDevice(topLevelVolumes[mount.source]), namedVolume: mount.source };
    if (source.hostPath === undefined) continue;
    if (isInterpolated(source.hostPath)) {
      if (mount.kind === 'bind') unresolved.push({ written: source.hostPath, target: mount.target, readOnly: mount.readOnly, path });
      continue;
    }
    // `~/.aws` is the host user's home: outside the project as surely as an absolute path.
    const hostPath = source.hostPath === '~' || source.hostPath.startsWith('~/') ? source.hostPath : source.hostPath.startsWith('/') ? normaliseHostPath(source.hostPath) : undefined;
    if (hostPath === undefined) continue;
    mounts.push({ hostPath, target: mount.target, readOnly: mount.readOnly, namedVolume: source.namedVolume, path });
  }
  return { mounts, unresolved };
}

/**
 * Compose interpolates a volume entry before reading it, so what can be known is filled in
 * first: a variable's default (`${SOCK:-/var/run/docker.sock}`, which is what runs when the
 * variable is unset) and a leading `$HOME` (the host user's home, `~`). Other variables stay.
 *
 * @example fillInKnownVariables('${HOME}/.ssh:/root/.ssh:ro') // '~/.ssh:/root/.ssh:ro'
 */
export function fillInKnownVariables(text: string): string {
  if (!text.includes('$')) return text;
  return text
    .replace(/(?<!\$)\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}/g, (_whole, fallback: string) => fallback)
    .replace(/^\$(?:\{HOME\}|HOME(?![A-Za-z0-9_]))/, '~');
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
  // A variable left in the entry may hold a colon of its own (`${X:?unset}`): split outside them.
  const parts = splitOutsideVariables(entry);
  // One part is an anonymous volume; more than three is a Windows path we do not judge.
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [source = '', target, mode = ''] = parts;
  const readOnly = mode.split(',').includes('ro');
  return { kind: looksLikeHostPath(source) ? 'bind' : 'volume', source, target, readOnly };
}

function readLongSyntax(entry: Record<string, unknown>): WrittenMount | undefined {
  const { type, target } = entry;
  if (typeof entry.source !== 'string') return undefined;
  const source = fillInKnownVariables(entry.source);
  const kind = type === 'bind' || (type === undefined && looksLikeHostPath(source)) ? 'bind' : type === 'volume' ? 'volume' : undefined;
  if (!kind) return undefined;
  return { kind, source, target: typeof target === 'string' ? target : undefined, readOnly: composeBoolean(entry.read_only) === true };
}

function looksLikeHostPath(source: string): boolean {
  // A source that starts with a variable is taken for a path (`${DATA_DIR}/db`, `${SOCKET}`): a
  // volume name holds no `$`, and what the variable holds is not known here.
  return source.startsWith('/') || source.startsWith('.') || source.startsWith('~') || source.startsWith('$');
}

/** `a:${B:-x:y}:c` -> ['a', '${B:-x:y}', 'c']. */
function splitOutsideVariables(entry: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < entry.length; index++) {
    const char = entry[index];
    if (char === '$' && entry[index + 1] === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    else if (char === ':' && depth === 0) {
      parts.push(entry.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(entry.slice(start));
  return parts;
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
