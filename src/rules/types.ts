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
  /** The same check in well-known tools: `hadolint:DL3002`, `trivy:DS002`, `cis-docker:4.1`. */
  references: string[];
}

export interface RuleHit {
  line: number;
  column: number;
  message: string;
}

/** What a rule may know beyond its own file, supplied by the caller (pure data, no I/O). */
export interface RuleContext {
  /** Text of the `.dockerignore` beside a Dockerfile; undefined when there is none. */
  dockerignore?: string | undefined;
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
