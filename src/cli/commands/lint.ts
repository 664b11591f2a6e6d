/** `shipshape lint <paths...>`: the static rules over a learner's own real files. */
import { discoverFiles } from '../../lint/discoverFiles.js';
import { lintSources, summarize } from '../../lint/lintSources.js';
import { lintToJson, lintToSarif, lintToText } from '../../report/lintReports.js';
import type { Rule } from '../../rules/types.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { packageVersion } from '../version.js';

export interface LintCommandOptions {
  paths: string[];
  format: string;
  profile: string | undefined;
}

export async function lintCommand(options: LintCommandOptions, io: Io): Promise<number> {
  if (!['text', 'json', 'sarif'].includes(options.format)) throw new UsageError(`--format must be text, json or sarif, not "${options.format}"`, 'lint');
  const rules = options.profile === undefined ? undefined : await profileRules(options.profile);
  const discovery = await discoverFiles(options.paths);
  if (discovery.missing.length > 0) throw new UsageError(`no such file or folder: ${discovery.missing.join(', ')}`, 'lint');
  for (const skipped of discovery.skipped) io.err(style.dim(`shipshape: skipped ${skipped}: not a Dockerfile, compose file, Kubernetes manifest, CI workflow or daemon.json`, process.stderr));
  const { results, rules: candidates } = await lintSources(discovery.sources, { rules });
  const summary = summarize(results);
  if (options.format === 'json') io.out(JSON.stringify(lintToJson(results), null, 2));
  else if (options.format === 'sarif') io.out(JSON.stringify(lintToSarif(results, candidates, packageVersion()), null, 2));
  else io.out(lintToText(results, summary, style));
  return summary.errors > 0 ? 1 : 0;
}

async function profileRules(name: string): Promise<readonly Rule[]> {
  const { findProfileRules, profileNames } = await import('../../rules/profiles.js');
  const rules = findProfileRules(name);
  if (!rules) throw new UsageError(`unknown profile "${name}"; profiles: ${profileNames.join(', ')}`, 'lint');
  return rules;
}
