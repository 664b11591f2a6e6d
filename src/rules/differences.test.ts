/**
 * Every deliberate difference from a peer tool (a rule's `differences` meta) has a case here
 * where the two disagree, and a row in docs/rules-differences.md. The case asserts what
 * shipshape says; the peer's verdict is recorded beside it as the documented contrast.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from './engine.js';
import { allRules, findRule, profileRules } from './registry.js';
import type { RuleTarget } from './types.js';

interface DisagreementCase {
  kind: RuleTarget;
  text: string;
  shipshape: 'flags' | 'passes';
  peer: 'flags' | 'passes';
}

const ROLE = (rule: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: metrics-reader}\nrules:\n  - ${rule}\n`;

const cases: Record<string, DisagreementCase> = {
  'dockerfile/pin-base-image hadolint:DL3006': { kind: 'dockerfile', text: 'FROM node:20\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/pin-base-image hadolint:DL3007': { kind: 'dockerfile', text: 'FROM python:3-slim\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/pin-base-image trivy:DS001': { kind: 'dockerfile', text: 'FROM debian:stable\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/pin-base-image checkov:CKV_DOCKER_7': { kind: 'dockerfile', text: 'FROM node:lts\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/prefer-copy-over-add hadolint:DL3020': { kind: 'dockerfile', text: 'FROM alpine:3.19.1\nADD https://example.com/tool.tgz /opt/\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/prefer-copy-over-add trivy:DS005': { kind: 'dockerfile', text: 'FROM alpine:3.19.1\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://example.com/tool /usr/local/bin/tool\n', shipshape: 'passes', peer: 'flags' },
  'dockerfile/prefer-copy-over-add checkov:CKV_DOCKER_4': { kind: 'dockerfile', text: 'FROM alpine:3.19.1\nADD rootfs.tar.gz /\n', shipshape: 'passes', peer: 'flags' },
  'dockerfile/no-root-user hadolint:DL3002': { kind: 'dockerfile', text: 'FROM golang:1.22.1 AS build\nUSER root\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nUSER 65532\n', shipshape: 'passes', peer: 'flags' },
  'dockerfile/no-root-user trivy:DS002': { kind: 'dockerfile', text: 'FROM node:20.11.1 AS build\nUSER node\nRUN npm ci\nFROM node:20.11.1-alpine3.19\nCOPY --from=build /app /app\n', shipshape: 'flags', peer: 'passes' },
  'dockerfile/no-setuid-chmod cis-docker:4.8': { kind: 'dockerfile', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo\n', shipshape: 'passes', peer: 'flags' },
  'kubernetes/rbac-no-wildcards cis-kubernetes:5.1.3': { kind: 'kubernetes', text: ROLE('{apiGroups: ["metrics.k8s.io"], resources: ["*"], verbs: [get, list]}'), shipshape: 'passes', peer: 'flags' },
};

/** A case "passes" when the rule reports nothing above info: a graded-down hit is a note, not a verdict. */
function shipshapeVerdict(ruleId: string, example: DisagreementCase): 'flags' | 'passes' {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const findings = lintText(example.text, 'example', example.kind, { rules: [rule], honourSuppressions: false }).findings;
  return findings.some((finding) => finding.severity !== 'info') ? 'flags' : 'passes';
}

const declared = [...allRules, ...profileRules].flatMap((rule) => (rule.meta.differences ?? []).map((difference) => ({ rule: rule.meta.id, ...difference })));
const doc = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules-differences.md'), 'utf8');

describe('deliberate differences from peer tools', () => {
  it('declares some', () => {
    expect(declared.length).toBeGreaterThanOrEqual(10);
  });

  it.each(declared.map((d) => [`${d.rule} ${d.relation} ${d.peer}`, d] as const))('%s has a disagreement case, a doc row and no matching reference', (_key, difference) => {
    const example = cases[`${difference.rule} ${difference.peer}`];
    expect(example, 'a case in this file').toBeDefined();
    expect(example?.shipshape).not.toBe(example?.peer);
    // stricter: shipshape flags what the peer passes; looser: the reverse.
    if (difference.relation === 'stricter-than') expect(example?.shipshape).toBe('flags');
    if (difference.relation === 'looser-than') expect(example?.shipshape).toBe('passes');
    expect(doc).toContain(`| \`${difference.rule}\` | \`${difference.peer}\` | ${difference.relation} |`);
    expect(findRule(difference.rule)?.meta.references).not.toContain(difference.peer);
    expect(difference.peer).toMatch(/^[a-z-]+:[\w.-]+$/);
    expect(difference.note.length).toBeLessThan(260);
  });

  it.each(Object.entries(cases))('%s: shipshape says what the case records', (key, example) => {
    const ruleId = key.split(' ')[0] ?? '';
    expect(shipshapeVerdict(ruleId, example)).toBe(example.shipshape);
  });
});
