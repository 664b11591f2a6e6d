/**
 * The parser and default rules of one file kind, loaded on demand. `shipshape lint` of a single
 * Dockerfile then never loads the YAML parser or the Kubernetes rules: startup is most of the
 * time a small lint takes. Tests and challenge checks use the eager registry.ts instead.
 */
import type { YamlDocument } from '../parse/yamlSource.js';
import type { Parser } from './lintCore.js';
import type { Rule, RuleTarget } from './types.js';

export interface KindSupport {
  parse: Parser;
  /**
   * For YAML kinds: the model of documents parsed already, so a file recognised by its content
   * is not parsed a second time. Lenient where the kind allows it (documents of other kinds in a
   * Kubernetes file are passed over).
   */
  fromDocuments?: (file: string, documents: readonly YamlDocument[]) => unknown;
  rules: readonly Rule[];
}

const loading = new Map<RuleTarget, Promise<KindSupport>>();

/**
 * Loads a kind once; the lint command may start loading early (a Dockerfile named on the command
 * line) so the parser compiles while the files are still being found.
 */
export function loadKind(kind: RuleTarget): Promise<KindSupport> {
  let support = loading.get(kind);
  if (!support) {
    support = importKind(kind);
    loading.set(kind, support);
  }
  return support;
}

async function importKind(kind: RuleTarget): Promise<KindSupport> {
  switch (kind) {
    case 'dockerfile': {
      const [{ parseDockerfile }, { dockerfileRules }] = await Promise.all([import('../parse/dockerfile.js'), import('./dockerfile/index.js')]);
      return { parse: parseDockerfile, rules: dockerfileRules };
    }
    case 'compose': {
      const [{ parseCompose, composeModelFromDocuments }, { composeRules }] = await Promise.all([import('../parse/compose.js'), import('./compose/index.js')]);
      return { parse: parseCompose, fromDocuments: composeModelFromDocuments, rules: composeRules };
    }
    case 'kubernetes': {
      const [{ parseKubernetes, kubernetesModelFromDocuments }, { kubernetesRules }] = await Promise.all([import('../parse/kubernetes.js'), import('./kubernetes/index.js')]);
      return { parse: parseKubernetes, fromDocuments: (file, documents) => kubernetesModelFromDocuments(file, documents, { strict: false }), rules: kubernetesRules };
    }
    case 'ci': {
      const [{ parseCiWorkflow, ciWorkflowModelFromDocuments }, { ciRules }] = await Promise.all([import('../parse/ciWorkflow.js'), import('./ci/index.js')]);
      return { parse: parseCiWorkflow, fromDocuments: ciWorkflowModelFromDocuments, rules: ciRules };
    }
    case 'daemon': {
      const [{ parseDaemonConfig }, { daemonRules }] = await Promise.all([import('../parse/daemonConfig.js'), import('./daemon/index.js')]);
      return { parse: parseDaemonConfig, rules: daemonRules };
    }
  }
}
