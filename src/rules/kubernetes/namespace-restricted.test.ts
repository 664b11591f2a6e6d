import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { namespaceRestricted } from './namespace-restricted.js';

const lint = (text: string) => lintText(text, 'ns.yaml', 'kubernetes', { rules: [namespaceRestricted] }).findings;

const namespace = (labels: Record<string, string>) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${Object.entries(labels).map(([key, value]) => `    pod-security.kubernetes.io/${key}: ${value}\n`).join('')}`;

const full = { enforce: 'restricted', 'enforce-version': 'latest', warn: 'restricted', audit: 'restricted' };

describe('kubernetes/namespace-restricted', () => {
  it.each([
    ['restricted enforced, versioned, warned and audited', namespace(full)],
    ['a pinned version', namespace({ ...full, 'enforce-version': 'v1.30' })],
    ['a Pod (not a Namespace)', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['baseline enforced', namespace({ ...full, enforce: 'baseline' }), 'enforces "baseline", not restricted'],
    ['no enforce label', namespace({ warn: 'restricted' }), 'enforces no Pod Security level'],
    ['no enforce-version', namespace({ enforce: 'restricted', warn: 'restricted', audit: 'restricted' }), 'without pod-security.kubernetes.io/enforce-version'],
    ['warn at baseline', namespace({ ...full, warn: 'baseline' }), 'warns at "baseline"'],
    ['no audit label', namespace({ enforce: 'restricted', 'enforce-version': 'latest', warn: 'restricted' }), 'has no pod-security.kubernetes.io/audit label'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.rule).toBe('kubernetes/namespace-restricted');
  });
});
