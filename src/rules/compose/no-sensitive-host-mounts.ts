/**
 * Bind mounts of host system paths: `/`, `/etc`, `/proc`, `/sys`, `/root`, `/run` (`/var/run`),
 * `/var/lib/docker`, `/boot`, `/dev`. `:ro` is still reported, because reading these is enough to
 * take the host (password hashes, SSH keys, other containers' files).
 *
 * `/`, `/etc` and `/run` count only as a whole: `/etc/localtime:ro` is a common, harmless
 * mount, and engine sockets under `/run` are `compose/no-docker-socket`'s job. The other trees
 * count with everything below them, and a few `/etc` files that hold credentials are named.
 */
import { canonicalHostPath, hostMounts } from '../../analysis/composeMounts.js';
import type { ComposeRule } from '../types.js';

interface SensitivePath {
  path: string;
  /** Whether paths below it count too. */
  tree: boolean;
  holds: string;
}

/** Longest paths first: the most specific entry names what is at stake best. */
const SENSITIVE_PATHS: readonly SensitivePath[] = [
  { path: '/', tree: false, holds: "the host's whole filesystem" },
  { path: '/etc', tree: false, holds: 'host configuration, password hashes and keys' },
  { path: '/run', tree: false, holds: "the host's runtime sockets, the Docker socket among them" },
  { path: '/proc', tree: true, holds: "the host's kernel and process interfaces" },
  { path: '/sys', tree: true, holds: 'kernel settings and device controls' },
  { path: '/root', tree: true, holds: "root's home: SSH keys, shell history, cloud credentials" },
  { path: '/var/lib/docker', tree: true, holds: 'every image, container filesystem and volume on the host' },
  { path: '/boot', tree: true, holds: 'the host kernel and boot loader' },
  { path: '/dev', tree: true, holds: 'host device nodes' },
  ...['/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/sudoers.d', '/etc/ssh', '/etc/docker', '/etc/kubernetes'].map((path) => ({
    path,
    tree: true,
    holds: 'host credentials and privileged configuration',
  })),
].sort((a, b) => b.path.length - a.path.length);

export const noSensitiveHostMounts: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-sensitive-host-mounts',
    severity: 'error',
    title: 'A service mounts a sensitive host path',
    passTitle: 'No service mounts a sensitive host path',
    why:
      'A bind mount puts a piece of the host straight into the container. Mount `/etc` and an attacker reads ' +
      'password hashes and keys, or adds a user and a cron job if it is writable; mount `/proc` or `/sys` and ' +
      'they reach kernel knobs that lead out of the container; mount `/var/lib/docker` and every other ' +
      "container's files are theirs. Read-only only slows this down: reading secrets is usually enough.",
    fix:
      'Mount only what the service needs, from a directory made for it: `- ./config/app.yaml:/app/config.yaml:ro` ' +
      'or a named volume for data. If it needs a single host file such as `/etc/localtime`, mount that file ' +
      'read-only instead of the whole directory.',
    item: 'runtime.no-docker-socket',
    references: ['cis-docker:5.5'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      hostMounts(model, service).flatMap((mount) => {
        const sensitive = sensitivePathOf(canonicalHostPath(mount.hostPath));
        if (!sensitive) return [];
        const { line, column } = model.document.positionOf(mount.path);
        const through = mount.namedVolume ? ` through named volume ${mount.namedVolume}` : '';
        const mode = mount.readOnly ? ' read-only' : '';
        return [{ line, column, message: `service ${service.name} mounts host path ${mount.hostPath}${through}${mode}: it holds ${sensitive.holds}` }];
      }),
    );
  },
};

function sensitivePathOf(hostPath: string): SensitivePath | undefined {
  return SENSITIVE_PATHS.find((entry) => hostPath === entry.path || (entry.tree && hostPath.startsWith(`${entry.path}/`)));
}
