/**
 * Recognises build tooling in a shell command: package installs that pull in dev dependencies,
 * compilers and build systems, and OS packages that exist only to compile things. A final image
 * that runs these carries the compiler, the dev dependencies and the build cache into
 * production, which is what multi-stage builds exist to avoid.
 */
import { splitCommands, type SimpleCommand } from './shellCommands.js';

/** OS packages that only a build needs. */
const BUILD_PACKAGES = new Set([
  'gcc', 'g++', 'make', 'cmake', 'clang', 'build-essential', 'build-base', 'musl-dev', 'libc-dev', 'libc6-dev',
  'python3-dev', 'python-dev', 'golang', 'rustc', 'cargo', 'autoconf', 'automake', 'libtool',
]);
const PACKAGE_MANAGERS_INSTALL: Record<string, string[]> = {
  'apt-get': ['install'], apt: ['install'], apk: ['add'], yum: ['install'], dnf: ['install'], microdnf: ['install'],
};
/** Python packages that exist to build other packages. */
const PYTHON_BUILD_PACKAGES = new Set(['wheel', 'setuptools', 'build', 'cython', 'maturin', 'scikit-build']);

/**
 * The first build-tool command in a script, as written (`npm run build`), or undefined. Build
 * packages the same script installs and removes again (`apk add --virtual .build-deps gcc ...
 * && apk del .build-deps`, or apt's `apt-get purge --auto-remove`) never reach a layer, and
 * neither do the compilers they brought, so those commands do not count; language toolchains
 * that come with the base image (`go build`, `npm ci`) still do.
 *
 * @example findBuildTool('npm ci --omit=dev && node server.js') // undefined
 * @example findBuildTool('apk add --no-cache gcc musl-dev') // 'apk add --no-cache gcc musl-dev'
 * @example findBuildTool('apk add --virtual .b gcc make && make && apk del .b') // undefined
 */
export function findBuildTool(script: string): string | undefined {
  const commands = splitCommands(script);
  const installs = commands.map((command, index) => ({ command, index, install: packageInstall(command) }));
  const removedLater = (index: number, install: PackageInstall): boolean =>
    commands.slice(index + 1).some((later) => removesPackages(later, install, commands.slice(0, commands.indexOf(later))));
  const buildInstalls = installs.filter(({ install }) => install !== undefined && install.packages.some(isBuildPackage));
  const everyBuildInstallRemoved = buildInstalls.length > 0 && buildInstalls.every(({ index, install }) => removedLater(index, install!));
  return commands.find((command) => {
    if (!isBuildCommand(command)) return false;
    if (!everyBuildInstallRemoved) return true;
    // The build packages leave with the layer's cleanup: their install and the compilers they provide do not ship.
    return !(packageInstall(command) !== undefined || COMPILER_PROGRAMS.has(programName(command)));
  })?.text;
}

/** Programs that come from OS build packages (gcc, make, ...) rather than from the base image's language. */
const COMPILER_PROGRAMS = new Set(['make', 'cmake', 'gcc', 'g++', 'cc', 'configure']);

interface PackageInstall {
  manager: string;
  packages: string[];
  /** `apk add --virtual .build-deps ...` (or `-t`): the name `apk del` removes them by. */
  virtualName: string | undefined;
}

function programName(command: SimpleCommand): string {
  return (command.words[0] ?? '').replace(/^\.\//, '').split('/').at(-1) ?? '';
}

function isBuildPackage(name: string): boolean {
  return BUILD_PACKAGES.has(name.replace(/[=~].*$/, ''));
}

/** The verb of a package manager command, after any leading options (`apt-get -y install`). */
function verbOf(words: string[]): { verb: string; at: number } {
  const at = words.findIndex((word, index) => index > 0 && !word.startsWith('-'));
  return { verb: words[at] ?? '', at };
}

function packageInstall(command: SimpleCommand): PackageInstall | undefined {
  const manager = programName(command);
  const installVerbs = PACKAGE_MANAGERS_INSTALL[manager];
  if (!installVerbs) return undefined;
  const { verb, at } = verbOf(command.words);
  if (!installVerbs.includes(verb)) return undefined;
  const args = command.words.slice(at + 1);
  let virtualName: string | undefined;
  const packages: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (manager === 'apk' && (arg === '--virtual' || arg === '-t')) virtualName = args[++index];
    else if (manager === 'apk' && arg.startsWith('--virtual=')) virtualName = arg.slice('--virtual='.length);
    else if (!arg.startsWith('-')) packages.push(arg);
  }
  return { manager, packages, virtualName };
}

const REMOVE_VERBS: Record<string, string[]> = {
  'apt-get': ['purge', 'remove', 'autoremove'], apt: ['purge', 'remove', 'autoremove'], apk: ['del'],
  yum: ['remove', 'erase', 'autoremove'], dnf: ['remove', 'erase', 'autoremove'], microdnf: ['remove'],
};
const APT_FAMILY = new Set(['apt-get', 'apt']);

/**
 * True when a later command removes the build packages of an install: by the apk virtual name,
 * by naming them, or (apt) by marking everything automatic (`apt-mark auto '.*'`) and then
 * auto-removing, which is how official images drop what they installed to compile.
 */
function removesPackages(command: SimpleCommand, install: PackageInstall, before: SimpleCommand[]): boolean {
  const manager = programName(command);
  const sameFamily = manager === install.manager || (APT_FAMILY.has(manager) && APT_FAMILY.has(install.manager));
  if (!sameFamily || !REMOVE_VERBS[manager]?.includes(verbOf(command.words).verb)) return false;
  const { at } = verbOf(command.words);
  const named = new Set(command.words.slice(at + 1).filter((word) => !word.startsWith('-')));
  if (install.virtualName !== undefined && named.has(install.virtualName)) return true;
  const buildPackages = install.packages.filter(isBuildPackage);
  if (buildPackages.every((name) => named.has(name.replace(/[=~].*$/, '')))) return true;
  const autoRemoves = command.words.includes('autoremove') || command.words.includes('--auto-remove');
  const markedAutomatic = before.some((earlier) => programName(earlier) === 'apt-mark' && earlier.words[1] === 'auto');
  return APT_FAMILY.has(manager) && autoRemoves && markedAutomatic;
}

function isBuildCommand(command: SimpleCommand): boolean {
  const [program = '', sub = '', third = ''] = command.words;
  const words = command.words;
  const has = (...flags: string[]): boolean => words.some((word) => flags.some((flag) => word === flag || word.startsWith(`${flag}=`)));
  switch (program.replace(/^\.\//, '')) {
    case 'npm':
      if (['install', 'i', 'ci', 'add'].includes(sub)) return !has('--omit', '--only', '--production');
      return (sub === 'run' || sub === 'run-script') && third === 'build';
    case 'yarn':
      // Bare `yarn` (possibly with flags only) installs.
      if (sub === '' || sub === 'install' || sub.startsWith('-')) return !has('--production');
      return sub === 'build' || (sub === 'run' && third === 'build');
    case 'pnpm':
      if (sub === 'install' || sub === 'i') return !has('--prod', '-P');
      return sub === 'build' || (sub === 'run' && third === 'build');
    case 'npx':
      return sub === 'tsc';
    case 'tsc':
    case 'make':
    case 'cmake':
    case 'gcc':
    case 'g++':
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew':
      return true;
    case 'go':
    case 'cargo':
    case 'dotnet':
      return sub === 'build' || sub === 'publish';
    case 'pip':
    case 'pip3':
      return sub === 'install' && words.slice(2).some((word) => PYTHON_BUILD_PACKAGES.has(word.toLowerCase().replace(/[<>=~!].*$/, '')));
    default: {
      const installVerbs = PACKAGE_MANAGERS_INSTALL[program];
      // Options may come before the verb: `apt-get -y install gcc`.
      const verbIndex = words.findIndex((word, index) => index > 0 && !word.startsWith('-'));
      const verb = words[verbIndex] ?? '';
      return installVerbs !== undefined && installVerbs.includes(verb) && words.slice(verbIndex + 1).some((word) => BUILD_PACKAGES.has(word.replace(/[=~].*$/, '')));
    }
  }
}
