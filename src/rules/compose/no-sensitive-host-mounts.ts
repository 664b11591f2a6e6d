/**
 * Bind mounts of host paths, graded by what the path holds and whether the mount is writable:
 *
 * - secrets of the host (`/`, `/etc`, `/proc`, `/sys`, `/root`, `/run` (`/var/run`),
 *   `/var/lib/docker`, `/boot`, `/dev`, `~/.ssh`, `~/.aws`, ...): an error even with `:ro`,
 *   because reading these is enough to take the host;
 * - the host's programs, libraries, kernel modules and state (`/usr`, `/lib/modules`,
 *   `/usr/src`, `/opt`, `/var/lib`, `/var/log`, ...): an error when writable (a planted library
 *   or module runs on the host), info when read-only (monitoring agents read them);
 * - any other host path outside the project: info when writable, nothing when read-only.
 *
 * `/`, `/etc` and `/run` count only as a whole: `/etc/localtime:ro` is a common, harmless
 * mount, and engine sockets under `/run` are `compose/no-docker-socket`'s job. The other trees
 * count with everything below them, and a few `/etc` files that hold credentials are named.
 */
import { canonicalHostPath, hostMounts } from '../../analysis/composeMounts.js';
import type { ComposeRule, RuleHit } from '../types.js';

interface SensitivePath {
  path: string;
  /** Whether paths below it count too. */
  tree: boolean;
  holds: string;
  /** `secret`: reading is enough to take the host; `system`: writing is. */
  risk?: 'secret' | 'system';
}

/** Host trees whose files the host runs or trusts: writing there is code execution on the host. */
const SYSTEM_TREES: readonly (readonly [string, string])[] = [
  ['/lib/modules', 'kernel modules the host loads'],
  ['/usr/src', 'kernel headers and sources the host builds modules from'],
  ['/usr', "the host's programs and libraries"],
  ['/lib', "the host's libraries"],
  ['/lib64', "the host's libraries"],
  ['/lib32', "the host's libraries"],
  ['/bin', "the host's programs"],
  ['/sbin', "the host's programs"],
  ['/opt', 'software installed on the host'],
  ['/var/lib', "the state of the host's services"],
  ['/var/log', "the host's logs (forged or deleted entries hide an attack)"],
  ['/var/spool', "the host's cron and mail queues"],
  ['/home', "the host users' home directories"],
  ['/srv/kubernetes', 'cluster credentials'],
];

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
  ...['~/.ssh', '~/.aws', '~/.kube', '~/.docker', '~/.gnupg', '~/.config/gcloud', '~/.azure', '~/.netrc', '~/.npmrc', '~/.git-credentials'].map((path) => ({
    path,
    tree: true,
    holds: "the host user's credentials",
  })),
  ...SYSTEM_TREES.map(([path, holds]) => ({ path, tree: true, holds, risk: 'system' as const })),
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
      hostMounts(model, service).flatMap((mount): RuleHit[] => {
        const hostPath = canonicalHostPath(mount.hostPath);
        // Sockets and state under /run are compose/no-docker-socket's (and the runtime's) business.
        if (hostPath.startsWith('/run/')) return [];
        const sensitive = sensitivePathOf(hostPath);
        const { line, column } = model.document.positionOf(mount.path);
        const through = mount.namedVolume ? ` through named volume ${mount.namedVolume}` : '';
        const mode = mount.readOnly ? ' read-only' : ' writable';
        const at = `service ${service.name} mounts host path ${mount.hostPath}${through}${mode}`;
        if (!sensitive) {
          if (mount.readOnly) return [];
          return [{ line, column, severity: 'info', message: `${at}: the container can change host files outside the project; add \`:ro\` or use a named volume` }];
        }
        if (sensitive.risk === 'system' && mount.readOnly) {
          return [{ line, column, severity: 'info', message: `${at}: it holds ${sensitive.holds}; read-only keeps it from being changed, mount no more than the agent reads` }];
        }
        return [{ line, column, message: `${at}: it holds ${sensitive.holds}` }];
      }),
    );
  },
};

function sensitivePathOf(hostPath: string): SensitivePath | undefined {
  return SENSITIVE_PATHS.find((entry) => hostPath === entry.path || (entry.tree && hostPath.startsWith(`${entry.path}/`)));
}
