/**
 * The shape every static rule shares. A rule is pure: it takes a parsed model and returns hits
 * (where and what); the engine adds the rule's meta to make a finding a learner can act on.
 */
import type { CurriculumItemId } from '../content/curriculum.js';
import type { CiWorkflowModel } from '../parse/ciWorkflow.js';
import type { ComposeModel } from '../parse/compose.js';
import type { DaemonConfigModel } from '../parse/daemonConfig.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { KubernetesModel } from '../parse/kubernetes.js';
import type { PodSecurityLevel } from '../analysis/kubernetesPodSecurity.js';
import type { PodSecurityVersion } from '../analysis/podSecurityVersions.js';
import type { RunContext } from './runContext.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RuleMeta {
  /** `<target>/<name>`, e.g. `dockerfile/no-root-user`; the file is `src/rules/<target>/<name>.ts`. */
  id: string;
  severity: Severity;
  /** The problem, as a failing check reports it: "The container runs as root". */
  title: string;
  /** The same check passing: "The container does not run as root". */
  passTitle: string;
  /** One paragraph, in the course's voice: what an attacker gains when this is wrong. */
  why: string;
  /** How to fix it, concretely. */
  fix: string;
  /** The curriculum item this rule checks; the UI finds the lesson through it. */
  item: CurriculumItemId;
  /**
   * The same check in well-known tools: `hadolint:DL3002`, `trivy:DS002`, `cis-docker:4.1`. Only
   * peers that accept and reject the same things; a peer that judges differently goes in
   * `differences` instead.
   */
  references: string[];
  /** Peers that check the same concern but draw the line elsewhere, each with the difference in one line. */
  differences?: RuleDifference[];
}

export interface RuleDifference {
  /** `stricter-than`: shipshape rejects more; `looser-than`: it accepts more; `differs-from`: some of each. */
  relation: 'stricter-than' | 'looser-than' | 'differs-from';
  /** The peer's id, in the form of `references`: `hadolint:DL3006`. */
  peer: string;
  /** What shipshape does differently, in one line. */
  note: string;
}

export interface RuleHit {
  line: number;
  column: number;
  message: string;
  /**
   * Set only by rules that grade their hits (an RBAC wildcard on read-only metrics is not a
   * wildcard on every verb); it replaces the rule's default `meta.severity` for this finding.
   */
  severity?: Severity;
}

/** What a rule may know beyond its own file, supplied by the caller (pure data, no I/O). */
export interface RuleContext {
  /** Text of the `.dockerignore` beside a Dockerfile; undefined when there is none. */
  dockerignore?: string | undefined;
  /**
   * The Pod Security level and version a `pss-*` rule judges by, set by the profile that runs
   * it (`pss-restricted@v1.30`); without it the rules judge as the latest version.
   */
  podSecurity?: { level: PodSecurityLevel; version: PodSecurityVersion } | undefined;
  /**
   * What the other files of the same `shipshape lint` run hold (see runContext.ts), for rules
   * whose verdict depends on them: a NetworkPolicy in another file, a compose service's
   * Dockerfile. Undefined when one file is checked alone; rules then judge that file by itself.
   */
  run?: RunContext | undefined;
  /** Registry or repository prefixes the user trusts (`trustedRegistries` in `.shipshape.yaml`). */
  trustedRegistries?: readonly string[] | undefined;
}

interface RuleOf<Target extends string, Model> {
  target: Target;
  meta: RuleMeta;
  check(model: Model, context: RuleContext): RuleHit[];
}

export type DockerfileRule = RuleOf<'dockerfile', DockerfileModel>;
export type ComposeRule = RuleOf<'compose', ComposeModel>;
export type KubernetesRule = RuleOf<'kubernetes', KubernetesModel>;
/** GitHub Actions / GitLab CI pipelines: evidence of scanning, SBOMs, signing, runner hygiene. */
export type CiWorkflowRule = RuleOf<'ci', CiWorkflowModel>;
/** The Docker daemon's daemon.json. */
export type DaemonConfigRule = RuleOf<'daemon', DaemonConfigModel>;

export type Rule = DockerfileRule | ComposeRule | KubernetesRule | CiWorkflowRule | DaemonConfigRule;
export type RuleTarget = Rule['target'];

/** A hit with everything the learner needs: where, what, why, how, and which lesson. */
export interface Finding extends RuleHit {
  rule: string;
  severity: Severity;
  file: string;
  title: string;
  why: string;
  fix: string;
  /** Undefined only for `parse-error`, which teaches no curriculum item. */
  item: CurriculumItemId | undefined;
  references: string[];
}
