/**
 * Decides what a YAML or JSON file is by its content, parsing it once: the parsed documents are
 * handed on to the model of the kind found, so no file is parsed twice. Kubernetes is decided per
 * document (`apiVersion` + `kind`), so a file whose first document is something else still has
 * its Deployment checked; a Helm or Go template is recognised before it is mistaken for broken
 * YAML. Pure: text in, verdict out. Loaded only when a run has YAML or JSON to look at.
 */
import { looksLikeCiWorkflow } from '../parse/ciWorkflow.js';
import { looksLikeCompose } from '../parse/compose.js';
import { looksLikeKubernetes } from '../parse/kubernetes.js';
import { InputError } from '../parse/position.js';
import { MAX_YAML_BYTES, parseYamlDocuments, type YamlDocuments } from '../parse/yamlSource.js';
import type { NameHint } from './fileNames.js';

export type YamlRecognition =
  | { kind: 'kubernetes' | 'compose' | 'ci' | 'daemon'; yaml: YamlDocuments }
  /** The kind is clear but the file cannot be read as YAML at all (binary, huge). */
  | { kind: 'kubernetes' | 'compose' | 'ci' | 'daemon'; fatal: InputError }
  | { kind: 'template' }
  | { kind: 'unknown' };

/**
 * @example recognizeYaml('apiVersion: v1\nkind: Pod\n', 'pod.yaml', 'yaml').kind // 'kubernetes'
 * @example recognizeYaml('replicas: 3\n', 'values.yaml', 'yaml').kind // 'unknown'
 */
export function recognizeYaml(text: string, file: string, hint: NameHint): YamlRecognition {
  const fixed = hint === 'compose' || hint === 'ci' || hint === 'daemon' ? hint : undefined;
  if (!fixed && hint === 'json' && !mentionsKubernetesKeys(text, true)) return { kind: 'unknown' };
  if (hint !== 'json' && hint !== 'daemon' && isGoTemplate(text, file)) return { kind: 'template' };
  const { text: readable, passedOver, allPassedOver } = hint === 'json' ? { text, passedOver: 0, allPassedOver: false } : passOverUnreadKinds(text);
  let yaml: YamlDocuments;
  try {
    // Nothing but blank lines is left: parsing them (megabytes, for an operator's CRDs) finds no document.
    yaml = allPassedOver && readable.length <= MAX_YAML_BYTES ? { file, documents: [], errors: [] } : parseYamlDocuments(readable, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (fixed) return { kind: fixed, fatal: error };
    return mentionsKubernetesKeys(text, hint === 'json') ? { kind: 'kubernetes', fatal: error } : { kind: 'unknown' };
  }
  const values = yaml.documents.map((doc) => doc.value).filter((value) => value !== null && value !== undefined);
  // A name suggests, the content decides: `compose.yaml` holding Kubernetes objects is Kubernetes.
  if (fixed === 'compose' && !values.some(looksLikeCompose) && values.some(looksLikeKubernetes)) return { kind: 'kubernetes', yaml };
  if (fixed) return { kind: fixed, yaml };
  if (passedOver > 0 || values.some(looksLikeKubernetes)) return { kind: 'kubernetes', yaml };
  const [first] = values;
  if (first !== undefined && looksLikeCompose(first)) return { kind: 'compose', yaml };
  if (first !== undefined && looksLikeCiWorkflow(first, file)) return { kind: 'ci', yaml };
  // Nothing readable, but the broken parts were meant as Kubernetes objects: report them.
  if (yaml.errors.length > 0 && values.length === 0 && mentionsKubernetesKeys(text, hint === 'json')) return { kind: 'kubernetes', yaml };
  return { kind: 'unknown' };
}

/** True when the text names `apiVersion` and `kind` as top-level keys, without parsing it. */
export function mentionsKubernetesKeys(text: string, json: boolean): boolean {
  const jsonKeys = /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
  if (json || jsonKeys) return jsonKeys;
  // Block YAML names them at the start of a line; a document written as one flow map
  // (`{apiVersion: v1, kind: List, items: [...]}`) opens with `{`.
  if (/^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) return true;
  return /^\s*\{/.test(text) && /[{,\s]apiVersion\s*:/.test(text) && /[{,\s]kind\s*:/.test(text);
}

/**
 * A Go template action: `{{ .Values.x }}`, `{{- include "x" . }}`, a template comment. Not
 * GitHub Actions' `${{ }}` expressions, which are plain YAML strings.
 */
const GO_TEMPLATE_ACTION = /(?<!\$)\{\{-?\s*(?:[.$("]|\/\*|(?:if|else|end|range|with|define|template|include|block|toYaml|tpl|printf|quote|default|required|fail|lookup)\b)/;
/** Actions where YAML syntax goes: as a plain value, or a control line of their own. */
const STRUCTURAL_ACTION = /(?:^[^#\n"']*:[ \t]+\{\{)|(?:^[ \t]*(?:-[ \t]+)?\{\{-?\s*(?:if|else|end|range|with|define|template|include|block|toYaml|\/\*|-?\s*\$\w+\s*:=))/m;

/**
 * A Helm chart's templates (and other Go templates) are not YAML until rendered. Alert rules
 * carry `{{ $labels.x }}` inside quoted or block strings and are real YAML; they are not templates.
 *
 * @example isGoTemplate('image: {{ .Values.image }}\n', 'chart/templates/deploy.yaml') // true
 */
export function isGoTemplate(text: string, file: string): boolean {
  if (!GO_TEMPLATE_ACTION.test(text)) return false;
  if (/(^|\/)templates\/([^/]+\/)*[^/]+$/.test(file)) return true;
  return STRUCTURAL_ACTION.test(text);
}

/**
 * Kubernetes kinds no rule reads, by far the largest documents of real repositories (an
 * operator's CRDs run to megabytes of OpenAPI schema). Their documents are not parsed at all:
 * only a kind listed here may be passed over, and only while no rule inspects it.
 */
const UNREAD_KINDS = ['CustomResourceDefinition'];
const UNREAD_KIND = new RegExp(`^kind:[ \\t]*["']?(?:${UNREAD_KINDS.join('|')})["']?[ \\t]*(?:#.*)?$`, 'm');
/** A document marker at the start of a line: YAML forbids it inside scalars, so a textual split is exact. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t]|\r?\n|$)/gm;

/**
 * Blanks the documents of unread kinds, keeping their line breaks so every other document keeps
 * its line numbers. `passedOver` counts them (a file of CRDs only is still Kubernetes);
 * `allPassedOver` says nothing else is left, not even a comment.
 *
 * @example passOverUnreadKinds('kind: CustomResourceDefinition\n---\nkind: Pod\n').passedOver // 1
 */
export function passOverUnreadKinds(text: string): { text: string; passedOver: number; allPassedOver: boolean } {
  if (!UNREAD_KIND.test(text)) return { text, passedOver: 0, allPassedOver: false };
  const starts = [0, ...[...text.matchAll(DOCUMENT_MARKER)].map((match) => match.index).filter((index) => index > 0)];
  let passedOver = 0;
  const parts = starts.map((start, i) => {
    const segment = text.slice(start, starts[i + 1] ?? text.length);
    if (!UNREAD_KIND.test(segment)) return segment;
    passedOver++;
    return '\n'.repeat(countLines(segment));
  });
  return { text: parts.join(''), passedOver, allPassedOver: passedOver === parts.length };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
