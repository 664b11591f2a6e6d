/**
 * The Docker daemon's daemon.json, with positions (JSON is YAML, so the YAML layer gives lines).
 */
import { InputError } from './position.js';
import { isRecord, parseYamlSource, type YamlDocument } from './yamlSource.js';

export interface DaemonConfigModel {
  file: string;
  document: YamlDocument;
  settings: Record<string, unknown>;
}

export function parseDaemonConfig(text: string, file: string): DaemonConfigModel {
  const source = parseYamlSource(text, file);
  const document = source.documents[0];
  if (!document || !isRecord(document.value)) throw new InputError(file, { line: 1, column: 1 }, 'daemon.json is a JSON object');
  return { file, document, settings: document.value };
}
