/**
 * Which kind of file a path is: by name where Docker's conventions decide (Dockerfile*,
 * *.Dockerfile, compose*.yaml, daemon.json), by content for other YAML (a compose map, a
 * Kubernetes object, a CI workflow).
 */
import { looksLikeCiWorkflow } from '../parse/ciWorkflow.js';
import { looksLikeCompose } from '../parse/compose.js';
import { looksLikeKubernetes } from '../parse/kubernetes.js';
import { parseYamlSource } from '../parse/yamlSource.js';
import type { RuleTarget } from '../rules/types.js';

export type FileKind = RuleTarget | 'unknown';

/**
 * @example fileKindByName('api.Dockerfile') // 'dockerfile'
 */
export function fileKindByName(filePath: string): FileKind {
  const normalized = filePath.split('\\').join('/');
  const base = normalized.split('/').at(-1) ?? normalized;
  if (/^(Dockerfile|Containerfile)([.-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/i.test(base)) return 'compose';
  if (base === 'daemon.json') return 'daemon';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized) || /^\.gitlab-ci\.ya?ml$/.test(base)) return 'ci';
  if (/\.ya?ml$/i.test(base)) return 'kubernetes';
  return 'unknown';
}

/** True for names worth reading to decide by content (`*.yaml`, `*.yml`). */
export function isYamlName(filePath: string): boolean {
  return /\.ya?ml$/i.test(filePath);
}

/**
 * Decides a YAML file's kind by what it contains; `unknown` for YAML that is none of ours
 * (a Helm values file, an OpenAPI spec) and for YAML that does not parse (the caller reports that
 * with the kind its name suggests).
 */
export function fileKindByContent(filePath: string, text: string): FileKind {
  const byName = fileKindByName(filePath);
  if (byName !== 'kubernetes') return byName;
  let first: unknown;
  try {
    first = parseYamlSource(text, filePath).documents.find((doc) => doc.value !== null && doc.value !== undefined)?.value;
  } catch {
    return 'kubernetes';
  }
  if (looksLikeCompose(first)) return 'compose';
  if (looksLikeCiWorkflow(first, filePath)) return 'ci';
  if (looksLikeKubernetes(first)) return 'kubernetes';
  return 'unknown';
}
