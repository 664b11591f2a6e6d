import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { namespacePodSecurity } from './namespace-pod-security.js';

const lint = (text: string) => lintText(text, 'ns.yaml', 'kubernetes', { rules: [namespacePodSecurity] }).findings;

const namespace = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${labels}`;

describe('kubernetes/namespace-pod-security', () => {
  it.each([
    ['enforce restricted', namespace('    pod-security.kubernetes.io/enforce: restricted\n')],
    ['enforce baseline', namespace('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n')],
    ['a Pod (not a Namespace)', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no labels at all', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', 3, 'suggest restricted'],
    ['only warn and audit labels, which do not block anything', namespace('    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n'), 5, 'no pod-security.kubernetes.io/enforce'],
    ['enforce privileged', namespace('    pod-security.kubernetes.io/enforce: privileged\n'), 6, 'privileged level'],
    ['a level that does not exist', namespace('    pod-security.kubernetes.io/enforce: strict\n'), 6, 'not one of'],
  ])('warns on %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/namespace-pod-security', severity: 'warning', item: 'k8s.admission', line });
    expect(findings[0]?.message).toContain(message);
  });
});

describe('kubernetes/namespace-pod-security reads enforce-version', () => {
  it.each([
    ['latest', '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest\n'],
    ['the newest version', '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.37\n'],
    ['no version label', '    pod-security.kubernetes.io/enforce: baseline\n'],
  ])('passes %s', (_name, labels) => {
    expect(lint(namespace(labels))).toEqual([]);
  });

  it('notes what an older pin leaves out', () => {
    const findings = lint(namespace('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.30\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', line: 7 });
    expect(findings[0]?.message).toContain('pins Pod Security to v1.30');
    expect(findings[0]?.message).toContain('host in probes');
  });

  it('warns on a version that is not one', () => {
    const findings = lint(namespace('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: "1.30.2"\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]?.message).toContain('not v1.N or latest');
  });
});
