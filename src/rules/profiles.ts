/**
 * Rule profiles a learner or a lint run can select by name. Today: the two enforcing levels of
 * the Kubernetes Pod Security Standards. Restricted is baseline plus its own controls, minus the
 * three baseline controls that a stricter restricted control replaces (as Pod Security admission
 * does), so one mistake is reported once: hostPath volumes (by volume types), baseline
 * capabilities (by drop ALL / add only NET_BIND_SERVICE) and baseline seccomp (by seccomp
 * required).
 */
import { findRule } from './registry.js';
import type { Rule } from './types.js';

export type ProfileName = 'pss-baseline' | 'pss-restricted';

const baseline = [
  'kubernetes/pss-host-process',
  'kubernetes/pss-host-namespaces',
  'kubernetes/pss-privileged',
  'kubernetes/pss-baseline-capabilities',
  'kubernetes/pss-host-path-volumes',
  'kubernetes/pss-host-ports',
  'kubernetes/pss-apparmor',
  'kubernetes/pss-selinux',
  'kubernetes/pss-proc-mount',
  'kubernetes/pss-baseline-seccomp',
  'kubernetes/pss-sysctls',
];

/** Baseline controls that a restricted control supersedes, mapped to the one replacing it. */
const replacedInRestricted: Record<string, string> = {
  'kubernetes/pss-host-path-volumes': 'kubernetes/pss-volume-types',
  'kubernetes/pss-baseline-capabilities': 'kubernetes/pss-restricted-capabilities',
  'kubernetes/pss-baseline-seccomp': 'kubernetes/pss-restricted-seccomp',
};

const restrictedOnly = [
  'kubernetes/pss-volume-types',
  'kubernetes/pss-privilege-escalation',
  'kubernetes/pss-run-as-non-root',
  'kubernetes/pss-run-as-non-root-user',
  'kubernetes/pss-restricted-seccomp',
  'kubernetes/pss-restricted-capabilities',
];

/** Rule ids per profile. */
export const profiles: Record<ProfileName, string[]> = {
  'pss-baseline': baseline,
  'pss-restricted': [...baseline.filter((id) => !(id in replacedInRestricted)), ...restrictedOnly],
};

export const profileNames = Object.keys(profiles) as ProfileName[];

export interface Profile {
  name: ProfileName;
  ruleIds: string[];
  rules: Rule[];
}

/**
 * Looks a profile up by name; the `pss-` prefix may be left out (`restricted`), since that is how
 * the levels are named in Kubernetes itself. The rules it returns come in addition to the
 * default set, which the caller runs as usual.
 *
 * @example findProfile('restricted')?.rules.length // 14
 */
export function findProfile(name: string): Profile | undefined {
  const normalised = name.trim().toLowerCase();
  const full = (normalised.startsWith('pss-') ? normalised : `pss-${normalised}`) as ProfileName;
  if (!Object.hasOwn(profiles, full)) return undefined;
  const ruleIds = profiles[full];
  const rules = ruleIds.map((id) => {
    const rule = findRule(id);
    if (!rule) throw new Error(`profile ${full} names unknown rule ${id}`);
    return rule;
  });
  return { name: full, ruleIds, rules };
}

/**
 * Just the rules of a profile, for `shipshape lint --profile`: run alone they answer "would Pod
 * Security admission at this level accept these manifests?".
 *
 * @example findProfileRules('pss-baseline')?.map((rule) => rule.meta.id)
 */
export function findProfileRules(name: string): Rule[] | undefined {
  return findProfile(name)?.rules;
}
