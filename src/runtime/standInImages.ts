/**
 * Offline stand-ins for the images the image-hardening challenges build on, beyond busybox:
 *
 * - `debian:12.5`: a "full distribution": a shell, `apt-get`/`dpkg` and apt's package lists.
 * - `gcc:13.2.0`: the same plus a compiler. Offline it cannot carry a real gcc, so its `gcc` is
 *   a stand-in that "compiles" exactly one program, the course's static server (server.c),
 *   by handing back the binary compiled from that same source on this host. With the real
 *   image the same Dockerfile compiles it for real.
 * - `gcr.io/distroless/static-debian12:nonroot`: distroless-like: no shell, no package manager,
 *   only /etc/passwd with the `nonroot` user (65532) and the image runs as that user.
 *
 * Each is a folder tarred and fed to `docker import`, labelled as a stand-in. Building them needs
 * the host's static busybox (busybox-static) and a C compiler with a static libc (gcc,
 * libc6-dev). Nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { STATIC_SERVER_SOURCE } from './standIns/staticServerSource.js';

/** The label every stand-in carries (the same one baseImages.ts gives busybox stand-ins). */
const STANDIN_LABEL = 'dev.shipshape.standin';
/** Where the gcc stand-in keeps the binaries it can "compile", by sha256 of their source. */
const PREBUILT_DIR = '/usr/libexec/shipshape-gcc';
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

interface StandInRecipe {
  /** What the stand-in has and lacks compared with the real image, for `images status`. */
  description: string;
  build(root: string, tools: HostTools): void;
  changes: string[];
}

interface HostTools {
  busybox: string | undefined;
  compiler: string | undefined;
}

const recipes: Record<string, StandInRecipe> = {
  'debian:12.5': {
    description: 'busybox with apt-get/dpkg stand-ins and apt lists; installs nothing',
    build: (root, tools) => debianLike(root, tools),
    changes: [`ENV ${DEFAULT_PATH}`, 'CMD ["bash"]'],
  },
  'gcc:13.2.0': {
    description: "debian:12.5 stand-in plus a gcc that compiles only the course's server.c",
    build: (root, tools) => {
      debianLike(root, tools);
      gccStandIn(root, tools);
    },
    changes: [`ENV ${DEFAULT_PATH}`, 'CMD ["bash"]'],
  },
  'gcr.io/distroless/static-debian12:nonroot': {
    description: 'no shell, no package manager: /etc/passwd, /etc/group, /tmp and /home/nonroot only',
    build: (root) => distrolessLike(root),
    changes: [`ENV ${DEFAULT_PATH}`, 'USER 65532:65532', 'WORKDIR /home/nonroot'],
  },
};

/** True when `reference` is one of the stand-ins this module can build. */
export function isStandInReference(reference: string): boolean {
  return normalize(reference) in recipes;
}

/** What the stand-in for `reference` lacks compared with the real image, if it is one. */
export function standInDescription(reference: string): string | undefined {
  return recipes[normalize(reference)]?.description;
}

/** Why the stand-in cannot be built on this host, or undefined when it can. */
export function standInBlocker(reference: string, busybox: string | undefined): string | undefined {
  const tools = { ...hostTools(), busybox };
  const name = normalize(reference);
  if (!(name in recipes)) return `${reference} has no stand-in`;
  if (name.startsWith('gcr.io/distroless/')) return undefined;
  if (!tools.busybox) return 'needs a static busybox (apt-get install busybox-static)';
  if (name.startsWith('gcc:') && !tools.compiler) return 'needs a C compiler with a static libc (apt-get install gcc libc6-dev)';
  return undefined;
}

/**
 * Builds the stand-in for `reference` and imports it into the engine under that name.
 * @throws Error naming the missing host tool when it cannot be built here.
 */
export async function importStandIn(docker: Docker, reference: string, busybox: string | undefined): Promise<void> {
  const name = normalize(reference);
  const recipe = recipes[name];
  const tools = { ...hostTools(), busybox };
  const blocker = standInBlocker(reference, busybox);
  if (!recipe || blocker) throw new Error(`cannot build a stand-in for ${reference}: ${blocker}`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'shipshape-standin-'));
  try {
    recipe.build(root, tools);
    const [repo, tag] = splitReference(name);
    // umask 0 keeps /tmp at 1777; every file is root's, as in a real base image.
    const packOptions = { umask: 0, map: (header: tar.Headers) => ({ ...header, uid: 0, gid: 0, uname: 'root', gname: 'root' }) };
    const rootfs = tar.pack(root, packOptions as tar.PackOptions);
    const stream = await docker.importImage(rootfs as unknown as NodeJS.ReadableStream, { repo, tag, changes: [...recipe.changes, `LABEL ${STANDIN_LABEL}=true`] } as object);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error: Error | null, output: { error?: string }[]) => {
        const failed = output?.find((event) => event.error);
        if (error) reject(error);
        else if (failed) reject(new Error(failed.error));
        else resolve();
      });
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function hostTools(): HostTools {
  return { busybox: undefined, compiler: findCompiler() };
}

function findCompiler(): string | undefined {
  for (const candidate of ['gcc', 'cc']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not installed: try the next name
    }
  }
  return undefined;
}

/** A busybox root filesystem with Debian's package tools faked, as a full distribution has them. */
function debianLike(root: string, tools: HostTools): void {
  if (!tools.busybox) throw new Error('a static busybox is needed');
  for (const dir of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'usr/local/bin', 'etc', 'tmp', 'root', 'home', 'var/run', 'var/lib/apt/lists', 'var/cache/apt/archives', 'var/lib/dpkg', 'proc', 'sys', 'dev']) {
    mkdirSync(path.join(root, dir), { recursive: true });
  }
  chmodSync(path.join(root, 'tmp'), 0o1777);
  copyFileSync(tools.busybox, path.join(root, 'bin/busybox'));
  chmodSync(path.join(root, 'bin/busybox'), 0o755);
  const applets = execFileSync(tools.busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter((name) => /^[\w.[-]+$/.test(name));
  for (const applet of applets) if (applet !== 'busybox') symlinkSync('busybox', path.join(root, 'bin', applet));
  symlinkSync('/bin/sh', path.join(root, 'bin/bash'));
  script(root, 'usr/bin/apt-get', APT_STAND_IN);
  symlinkSync('apt-get', path.join(root, 'usr/bin/apt'));
  writeFileSync(path.join(root, 'var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease'), 'Origin: Debian\nSuite: stable\nCodename: bookworm\n(shipshape stand-in: package lists a full distribution carries)\n');
  writeFileSync(path.join(root, 'var/cache/apt/pkgcache.bin'), 'shipshape stand-in apt cache\n');
  writeFileSync(path.join(root, 'var/lib/dpkg/status'), 'Package: base-files\nStatus: install ok installed\nVersion: 12.4+deb12u5\n');
  writeFileSync(path.join(root, 'etc/os-release'), 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm) (shipshape stand-in)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n');
  writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\nnogroup:x:65534:\n');
  writeFileSync(path.join(root, 'etc/shadow'), 'root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n', { mode: 0o640 });
}

/** gcc and cc that "compile" the course's server.c into the binary built from it on this host. */
function gccStandIn(root: string, tools: HostTools): void {
  const prebuilt = path.join(root, PREBUILT_DIR.slice(1));
  mkdirSync(prebuilt, { recursive: true });
  const sha = createHash('sha256').update(STATIC_SERVER_SOURCE).digest('hex');
  compileStaticServer(tools, path.join(prebuilt, sha));
  script(root, 'usr/local/bin/gcc', GCC_STAND_IN);
  symlinkSync('gcc', path.join(root, 'usr/local/bin/cc'));
}

/** Nothing but a passwd and group file for the `nonroot` user, as distroless has. */
function distrolessLike(root: string): void {
  for (const dir of ['etc', 'tmp', 'home/nonroot']) mkdirSync(path.join(root, dir), { recursive: true });
  chmodSync(path.join(root, 'tmp'), 0o1777);
  writeFileSync(path.join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n');
  writeFileSync(path.join(root, 'etc/group'), 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n');
}

function compileStaticServer(tools: HostTools, output: string): void {
  if (!tools.compiler) throw new Error('a C compiler is needed');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-server-'));
  try {
    const source = path.join(dir, 'server.c');
    writeFileSync(source, STATIC_SERVER_SOURCE);
    execFileSync(tools.compiler, ['-Os', '-static', '-s', '-o', output, source], { stdio: ['ignore', 'ignore', 'pipe'] });
    chmodSync(output, 0o755);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function script(root: string, file: string, text: string): void {
  writeFileSync(path.join(root, file), text, { mode: 0o755 });
}

const APT_STAND_IN = `#!/bin/sh
# shipshape stand-in for apt-get: the offline image has package tools, as a full distribution
# does, but nothing to install.
case "\${1:-}" in
  --version|-v) echo "apt 2.6.1 (amd64) (shipshape offline stand-in)" ;;
  update) echo "Reading package lists... Done (offline stand-in: nothing fetched)" ;;
  install|upgrade|dist-upgrade) echo "E: offline stand-in: no package can be installed here" >&2; exit 100 ;;
  *) echo "apt (shipshape offline stand-in)" ;;
esac
`;

const GCC_STAND_IN = `#!/bin/sh
# shipshape stand-in for gcc: an offline image cannot carry a real compiler, so this one builds
# exactly the programs whose binaries images prepare compiled from the same source on the host.
out=a.out
src=
while [ $# -gt 0 ]; do
  case "$1" in
    --version) echo "gcc (shipshape offline stand-in) 13.2.0"; exit 0 ;;
    -o) out=$2; shift 2; continue ;;
    -o*) out=\${1#-o} ;;
    -*) ;;
    *.c) src=$1 ;;
  esac
  shift
done
[ -n "$src" ] || { echo "gcc: fatal error: no input files" >&2; exit 1; }
[ -f "$src" ] || { echo "gcc: error: $src: No such file or directory" >&2; exit 1; }
sum=$(sha256sum "$src" | cut -d' ' -f1)
binary=${PREBUILT_DIR}/$sum
[ -f "$binary" ] || { echo "gcc (offline stand-in): $src is not the course's server.c; only that source compiles offline" >&2; exit 1; }
cp "$binary" "$out" && chmod 755 "$out"
`;

function normalize(reference: string): string {
  return reference.replace(/^docker\.io\/(library\/)?/, '');
}

function splitReference(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', slash + 1);
  return colon === -1 ? [reference, 'latest'] : [reference.slice(0, colon), reference.slice(colon + 1)];
}
