/**
 * A compose file as rules see it: its services with their settings and a path to each, so a
 * finding can point at `services.web.privileged`'s line.
 */
import { InputError } from './position.js';
import { asRecord, isRecord, parseYamlSource, type YamlDocument, type YamlPath } from './yamlSource.js';

export interface ComposeService {
  name: string;
  /** `['services', name]`; append a key to locate a setting. */
  path: YamlPath;
  spec: Record<string, unknown>;
}

export interface ComposeModel {
  file: string;
  document: YamlDocument;
  services: ComposeService[];
  /** Top-level `secrets:` definitions. */
  secrets: Record<string, unknown>;
}

/** True when a parsed YAML value looks like a compose file rather than a Kubernetes object. */
export function looksLikeCompose(value: unknown): boolean {
  return isRecord(value) && isRecord(value.services) && !('apiVersion' in value && 'kind' in value);
}

/**
 * @example parseCompose('services:\n  web:\n    image: nginx\n', 'compose.yaml').services[0]?.name // 'web'
 * @throws InputError when the text is not YAML or has no `services:` map.
 */
export function parseCompose(text: string, file: string): ComposeModel {
  return composeModelFromDocuments(file, parseYamlSource(text, file).documents);
}

/** The model of documents parsed already (`shipshape lint` parses each file once). */
export function composeModelFromDocuments(file: string, documents: readonly YamlDocument[]): ComposeModel {
  const document = documents.find((doc) => doc.value !== null && doc.value !== undefined);
  if (!document || !isRecord(document.value)) {
    throw new InputError(file, { line: 1, column: 1 }, 'a compose file is a YAML map with a "services:" key');
  }
  const services = document.value.services;
  if (!isRecord(services)) {
    throw new InputError(file, document.positionOf(['services']), 'a compose file needs a "services:" map of service names to settings');
  }
  return {
    file,
    document,
    services: Object.entries(services).map(([name, spec]) => ({ name, path: ['services', name], spec: asRecord(spec) })),
    secrets: asRecord(document.value.secrets),
  };
}
