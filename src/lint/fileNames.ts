/**
 * What a file's name says about it, before anything is read. Names decide only where Docker's
 * own conventions do (Dockerfiles, compose files, daemon.json, CI pipeline paths); every other
 * YAML or JSON file is a candidate whose kind its content decides (recognizeSource.ts).
 */
import type { RuleTarget } from '../rules/types.js';

export type NameHint = RuleTarget | 'yaml' | 'json' | undefined;

/** Extensions that make `Dockerfile.<ext>` documentation or tooling rather than a Dockerfile. */
const NOT_A_DOCKERFILE = /\.(md|markdown|txt|rst|adoc|html|json|ya?ml|toml|sh|ps1|py|js|ts|go|dockerignore|orig|rej|swp|bak|tmpl|tpl|j2|jinja2?|erb|template)$/i;

/**
 * JSON files that belong to another tool by name and are never a manifest: a repository has a
 * package.json beside nearly every service, and reading each one to find no `apiVersion` was a
 * fifth of the files `lint` opened.
 */
const OTHER_TOOLS_JSON = /^(?:package|package-lock|npm-shrinkwrap|composer|bower|lerna|nx|turbo|renovate|deno|angular|jsconfig|tsconfig(?:\..+)?|\.?devcontainer|\.eslintrc|\.prettierrc|\.babelrc)\.json$/i;

/**
 * @example nameHint('deploy/Dockerfile_prod') // 'dockerfile'
 * @example nameHint('k8s/app.yaml') // 'yaml' (its content decides)
 */
export function nameHint(filePath: string): NameHint {
  const normalized = filePath.split('\\').join('/');
  const base = normalized.split('/').at(-1) ?? normalized;
  if (isDockerfileName(base)) return 'dockerfile';
  if (/^(docker-)?compose([._-].*)?\.ya?ml$/i.test(base)) return 'compose';
  if (base === 'daemon.json') return 'daemon';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized) || /^\.gitlab-ci\.ya?ml$/.test(base)) return 'ci';
  if (/\.ya?ml$/i.test(base)) return 'yaml';
  if (/\.json$/i.test(base)) return OTHER_TOOLS_JSON.test(base) ? undefined : 'json';
  return undefined;
}

/** `Dockerfile`, `Dockerfile.prod`, `Dockerfile-dev`, `Dockerfile_prod`, `prod.Dockerfile`, `Containerfile`. */
export function isDockerfileName(base: string): boolean {
  if (/\.(dockerfile|containerfile)$/i.test(base)) return true;
  return /^(Dockerfile|Containerfile)([._-].+)?$/i.test(base) && !NOT_A_DOCKERFILE.test(base);
}

/** Folders that never hold the user's own configuration. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.terraform', '.venv', '__pycache__']);
