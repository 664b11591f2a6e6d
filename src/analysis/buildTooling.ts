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
 * The first build-tool command in a script, as written (`npm run build`), or undefined.
 *
 * @example findBuildTool('npm ci --omit=dev && node server.js') // undefined
 * @example findBuildTool('apk add --no-cache gcc musl-dev') // 'apk add --no-cache gcc musl-dev'
 */
export function findBuildTool(script: string): string | undefined {
  return splitCommands(script).find(isBuildCommand)?.text;
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
