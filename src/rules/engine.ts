/**
 * Lints a file of any kind with every parser and rule loaded (tests, challenge checks). Pure:
 * text in, findings out. A file that cannot be parsed yields one `parse-error` finding at its
 * position, never an exception. The machinery itself is in lintCore.ts.
 */
import { parseCiWorkflow } from '../parse/ciWorkflow.js';
import { parseCompose } from '../parse/compose.js';
import { parseDaemonConfig } from '../parse/daemonConfig.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { parseKubernetes } from '../parse/kubernetes.js';
import { lintWithParser, type LintOptions, type LintResult, type Parser } from './lintCore.js';
import { allRules } from './registry.js';
import type { RuleTarget } from './types.js';

export { lintModel, lintWithParser, parseErrorFinding, toFinding, type LintOptions, type LintResult, type Parser } from './lintCore.js';

const parsers: { [T in RuleTarget]: Parser } = {
  dockerfile: parseDockerfile,
  compose: parseCompose,
  kubernetes: parseKubernetes,
  ci: parseCiWorkflow,
  daemon: parseDaemonConfig,
};

/**
 * Lints one file's text as the given kind.
 *
 * @example lintText('FROM busybox\n', 'Dockerfile', 'dockerfile').findings[0]?.rule // 'dockerfile/no-root-user'
 */
export function lintText(text: string, file: string, kind: RuleTarget, options: LintOptions = {}): LintResult {
  return lintWithParser(text, file, kind, parsers[kind], options.rules ?? allRules, options);
}

/** Shorthand kept for the many Dockerfile call sites. */
export function lintDockerfile(text: string, file: string, options: LintOptions = {}): LintResult {
  return lintText(text, file, 'dockerfile', options);
}

