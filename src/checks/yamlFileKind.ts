/**
 * Decides a YAML file's kind by what it contains: a compose map, a CI workflow, a Kubernetes
 * object. Kept apart from fileKinds.ts because it needs the YAML parser.
 */
import { looksLikeCiWorkflow } from '../parse/ciWorkflow.js';
import { looksLikeCompose } from '../parse/compose.js';
import { looksLikeKubernetes } from '../parse/kubernetes.js';
import { parseYamlSource } from '../parse/yamlSource.js';
import { fileKindByName, type FileKind } from './fileKinds.js';

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
