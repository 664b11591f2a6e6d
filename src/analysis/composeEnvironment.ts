/**
 * A compose service's `environment:` as entries, from either form compose accepts:
 *
 *   environment: { DB_PASSWORD: "${DB_PASSWORD}" }      map
 *   environment: ["DB_PASSWORD=${DB_PASSWORD}", "TZ"]   list; a bare name passes the shell's value through
 */
import type { ComposeService } from '../parse/compose.js';
import { isRecord, type YamlPath } from '../parse/yamlSource.js';
import { ownSetting } from './composeSettings.js';

export interface EnvironmentEntry {
  name: string;
  /** Undefined when no value is written (the value comes from the shell running compose). */
  value: string | number | boolean | undefined;
  path: YamlPath;
}

/** @example environmentEntries(db)[0] // { name: 'DB_PASSWORD', value: '${DB_PASSWORD}', path: [...] } */
export function environmentEntries(service: ComposeService): EnvironmentEntry[] {
  const setting = ownSetting(service, ['environment']);
  if (!setting) return [];
  if (isRecord(setting.value)) {
    return Object.entries(setting.value).map(([name, value]) => ({ name, value: scalar(value), path: [...setting.path, name] }));
  }
  if (!Array.isArray(setting.value)) return [];
  return setting.value.flatMap((entry, index) => {
    if (typeof entry !== 'string') return [];
    const separator = entry.indexOf('=');
    const name = separator === -1 ? entry : entry.slice(0, separator);
    const value = separator === -1 ? undefined : entry.slice(separator + 1);
    return [{ name: name.trim(), value, path: [...setting.path, index] }];
  });
}

function scalar(value: unknown): EnvironmentEntry['value'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}
