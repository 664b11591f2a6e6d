/**
 * Rule profiles a learner or a lint run can select by name: the two enforcing levels of the
 * Kubernetes Pod Security Standards, optionally pinned to a version as a namespace pins
 * `pod-security.kubernetes.io/enforce-version` (`pss-restricted@v1.30`, `baseline@latest`).
 *
 * Like Pod Security admission, a profile at version V runs each control as it stood in V: a
 * control introduced later is left out (host probes before 1.34), and the rules read the version
 * for lists that grew (safe sysctls, SELinux types) and relaxations that came (user namespaces,
 * 1.35). Restricted is baseline plus its own controls, minus the baseline controls a restricted
 * control overrides at that version, so one mistake is reported once: hostPath volumes (by
 * volume types), baseline capabilities (by drop ALL, from 1.22) and baseline seccomp (by
 * seccomp required, from 1.19).
 */
import { formatPodSecurityVersion, LATEST_POD_SECURITY_VERSION, parsePodSecurityVersion, type PodSecurityVersion } from '../analysis/podSecurityVersions.js';
import type { PodSecurityLevel } from '../analysis/kubernetesPodSecurity.js';
import { findRule } from './registry.js';
import type { Rule, RuleContext } from './types.js';

export type ProfileName = 'pss-baseline' | 'pss-restricted';

/** A control and the first policy version that has it. */
type Control = readonly [id: string, since: number];

const baselineControls: readonly Control[] = [
  ['kubernetes/pss-host-process', 0],
  ['kubernetes/pss-host-namespaces', 0],
  ['kubernetes/pss-privileged', 0],
  ['kubernetes/pss-baseline-capabilities', 0],
  ['kubernetes/pss-host-path-volumes', 0],
  ['kubernetes/pss-host-ports', 0],
  ['kubernetes/pss-apparmor', 0],
  ['kubernetes/pss-selinux', 0],
  ['kubernetes/pss-proc-mount', 0],
  ['kubernetes/pss-baseline-seccomp', 0],
  ['kubernetes/pss-sysctls', 0],
  ['kubernetes/pss-host-probes', 34],
];

const restrictedControls: readonly Control[] = [
  ['kubernetes/pss-volume-types', 0],
  ['kubernetes/pss-privilege-escalation', 8],
  ['kubernetes/pss-run-as-non-root', 0],
  ['kubernetes/pss-run-as-non-root-user', 23],
  ['kubernetes/pss-restricted-seccomp', 19],
  ['kubernetes/pss-restricted-capabilities', 22],
];

/** Baseline controls a restricted control overrides, with the overriding control. */
const replacedInRestricted: Record<string, string> = {
  'kubernetes/pss-host-path-volumes': 'kubernetes/pss-volume-types',
  'kubernetes/pss-baseline-capabilities': 'kubernetes/pss-restricted-capabilities',
  'kubernetes/pss-baseline-seccomp': 'kubernetes/pss-restricted-seccomp',
};

/** Rule ids of a level at a version, in the order admission lists the controls. */
export function profileRuleIds(level: PodSecurityLevel, version: PodSecurityVersion = LATEST_POD_SECURITY_VERSION): string[] {
  const present = (controls: readonly Control[]) => controls.filter(([, since]) => version.minor >= since).map(([id]) => id);
  const baseline = present(baselineControls);
  if (level === 'baseline') return baseline;
  const restrictedOnly = present(restrictedControls);
  return [...baseline.filter((id) => !restrictedOnly.includes(replacedInRestricted[id] ?? '')), ...restrictedOnly];
}

/** Rule ids per profile at the latest version. */
export const profiles: Record<ProfileName, string[]> = {
  'pss-baseline': profileRuleIds('baseline'),
  'pss-restricted': profileRuleIds('restricted'),
};

export const profileNames = Object.keys(profiles) as ProfileName[];

export interface Profile {
  name: ProfileName;
  level: PodSecurityLevel;
  /** The version judged by, after `latest` and too-new pins are resolved (`v1.37`). */
  version: string;
  /** What was asked for: `pss-restricted@v1.30`, `pss-baseline@latest`. */
  label: string;
  ruleIds: string[];
  /** The controls, each bound to this level and version. */
  rules: Rule[];
}

export type ProfileLookup = { ok: true; profile: Profile } | { ok: false; error: string };

/**
 * Looks a profile up by name, with an optional `@version` (`v1.30`, `1.30` or `latest`, the
 * default). The `pss-` prefix may be left out, since that is how Kubernetes names the levels.
 * The rules come in addition to the default set, which the caller runs as usual.
 *
 * @example profileByName('pss-baseline@v1.25') // { ok: true, profile: { version: 'v1.25', ... } }
 * @example profileByName('pss-strict') // { ok: false, error: 'unknown profile "pss-strict"; ...' }
 */
export function profileByName(spec: string): ProfileLookup {
  const [rawName = '', rawVersion, ...extra] = spec.trim().split('@');
  const normalised = rawName.trim().toLowerCase();
  const name = (normalised.startsWith('pss-') ? normalised : `pss-${normalised}`) as ProfileName;
  const choices = `profiles: ${profileNames.join(', ')}, each optionally @v1.N or @latest (e.g. pss-restricted@v1.30)`;
  if (normalised === '' || !Object.hasOwn(profiles, name)) return { ok: false, error: `unknown profile "${rawName.trim()}"; ${choices}` };
  if (extra.length > 0) return { ok: false, error: `profile "${spec.trim()}" has more than one @version; ${choices}` };
  const version = rawVersion === undefined ? LATEST_POD_SECURITY_VERSION : parsePodSecurityVersion(rawVersion);
  if (!version) {
    return { ok: false, error: `profile version "${rawVersion ?? ''}" is not a Kubernetes minor version; use v1.N (e.g. v1.30) or latest, as in pod-security.kubernetes.io/enforce-version` };
  }
  const level: PodSecurityLevel = name === 'pss-baseline' ? 'baseline' : 'restricted';
  const ruleIds = profileRuleIds(level, version);
  const context: Pick<RuleContext, 'podSecurity'> = { podSecurity: { level, version } };
  const rules = ruleIds.map((id) => bind(id, context));
  return { ok: true, profile: { name, level, version: formatPodSecurityVersion(version), label: `${name}@${rawVersion?.trim().toLowerCase() ?? 'latest'}`, ruleIds, rules } };
}

/** A copy of the rule that judges at the profile's level and version whatever context the caller passes. */
function bind(id: string, bound: Pick<RuleContext, 'podSecurity'>): Rule {
  const rule = findRule(id);
  if (!rule) throw new Error(`a profile names unknown rule ${id}`);
  const check = rule.check as (model: unknown, context: RuleContext) => ReturnType<Rule['check']>;
  return { ...rule, check: (model: unknown, context: RuleContext) => check(model, { ...context, ...bound }) } as Rule;
}

/**
 * Looks a profile up by name (and optional `@version`); undefined when it is unknown.
 *
 * @example findProfile('restricted')?.rules.length // 15
 */
export function findProfile(spec: string): Profile | undefined {
  const lookup = profileByName(spec);
  return lookup.ok ? lookup.profile : undefined;
}

/**
 * Just the rules of a profile, for `shipshape lint --profile`: run alone they answer "would Pod
 * Security admission at this level and version accept these manifests?".
 *
 * @example findProfileRules('pss-baseline@v1.30')?.map((rule) => rule.meta.id)
 */
export function findProfileRules(spec: string): Rule[] | undefined {
  return findProfile(spec)?.rules;
}
