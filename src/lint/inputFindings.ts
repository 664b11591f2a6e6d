/**
 * Findings about the input itself rather than its content: a file that could not be read, one
 * too large to read, a template that must be rendered first. They read like rule findings (id,
 * why, fix), so every output format and `rules:` in `.shipshape.yaml` treat them alike.
 */
import type { SeverityOverride } from '../rules/lintCore.js';
import type { Finding } from '../rules/types.js';
import type { InputNotice, InputRuleId } from './discoverFiles.js';

const meta: Record<InputRuleId, { title: string; why: string; fix: string }> = {
  'input/unreadable': {
    title: 'A file or folder could not be read',
    why: 'What shipshape cannot read it cannot check; a finding there would go unnoticed.',
    fix: 'Give the user running shipshape read access, or exclude the path in `.shipshape.yaml` (`exclude:`) or with `--exclude`.',
  },
  'input/too-large': {
    title: 'A file is too large to check',
    why: 'Real Dockerfiles and manifests are kilobytes; reading gigabytes would only exhaust memory, so such a file is refused by its size, unread.',
    fix: 'Split the file, or exclude it if it is generated data (`exclude:` in `.shipshape.yaml`, or `--exclude`).',
  },
  'input/template': {
    title: 'A template, not YAML yet',
    why: 'A Helm chart or Go template becomes Kubernetes YAML only when rendered; linting the template itself would report its template syntax, not your settings.',
    fix: 'Render it and lint the output: `helm template <chart> | shipshape lint --stdin-filename chart.yaml -`.',
  },
};

export function noticeToFinding(notice: InputNotice, severities: Readonly<Record<string, SeverityOverride>> = {}): Finding | undefined {
  const override = severities[notice.rule];
  if (override === 'off') return undefined;
  return {
    rule: notice.rule,
    severity: override ?? notice.severity,
    file: notice.file,
    line: 1,
    column: 1,
    message: notice.message,
    ...meta[notice.rule],
    item: undefined,
    references: [],
  };
}

export const inputRuleIds = Object.keys(meta) as InputRuleId[];
