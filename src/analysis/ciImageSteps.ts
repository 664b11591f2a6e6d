/**
 * What a CI pipeline does with container images: which steps build or push one, which scan it
 * (and whether that scan can fail the build), which produce an SBOM, which sign. Works on the
 * commands `parseCiWorkflow` extracts, for GitHub Actions `uses:` steps reading their `with:`
 * inputs, and for shell lines reading the flags.
 */
import type { CiCommand, CiWorkflowModel } from '../parse/ciWorkflow.js';
import { asRecord, isRecord, type YamlPath } from '../parse/yamlSource.js';

export interface ImageStep {
  command: CiCommand;
  /** The line that matched (`docker build -t app .`) or `uses: owner/action@ref`, for messages. */
  summary: string;
}

export interface ScannerStep extends ImageStep {
  /** `trivy`, `trivy-action`, `grype`, `anchore/scan-action`, `docker scout cves`, `snyk`. */
  tool: string;
  /** Undefined when the scan fails the build on findings; otherwise why it cannot. */
  cannotFailBecause: string | undefined;
  /** Trivy only: the severities that gate the build; undefined when none are set (all count). */
  severities: string[] | undefined;
  isTrivy: boolean;
}

export interface CiImageSteps {
  builds: ImageStep[];
  pushes: ImageStep[];
  scanners: ScannerStep[];
  sboms: ImageStep[];
  signs: ImageStep[];
}

/** `owner/action@ref` -> `owner/action`, lower-cased. */
export function actionName(command: CiCommand): string {
  return command.text.split('@')[0]?.trim().toLowerCase() ?? '';
}

/** A run block as logical lines: backslash continuations joined, so flags stay with their command. */
function logicalLines(text: string): string[] {
  return text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

const BUILD_LINE = /\bdocker\s+(?:buildx\s+build|build|image\s+build)\b|\bbuildah\s+(?:bud|build)\b|\/kaniko\/executor\b/;
/*
 * "A, then later on the line B" is found as "the first A, then B in what follows it", never as
 * one `A.*B` pattern: that is tried from every occurrence of A and scans to the end each time,
 * quadratic in a long run script that repeats A without B (20,000 `docker buildx build` took
 * minutes). The first A is as good as any: B after a later A is also after the first.
 */
const later = (first: RegExp, then: RegExp) => (line: string): boolean => {
  const found = first.exec(line);
  return found !== null && then.test(line.slice(found.index + found[0].length));
};
const pushesWithBuildx = later(/\bdocker\s+buildx\s+build\b/, /\s--push\b|type=registry/);
const sbomWithBuildx = later(/\bdocker\s+buildx\s+build\b/, /--sbom(?:=true|\s+true)?(?:\s|$)/);
const sbomWithTrivy = later(/\btrivy\b/, /(?:--format|-f)[=\s]+["']?(?:cyclonedx|spdx|spdx-json)\b/);
const signedWithTrust = later(/\bDOCKER_CONTENT_TRUST=1\b/, /\bdocker\s+push\b/);
const trivyScansImage = later(/\btrivy\b/, /\s(?:image|i)(?:\s|$)/);
const PUSH_LINE = { test: (line: string) => /\bdocker\s+(?:image\s+)?push\b|\bbuildah\s+push\b/.test(line) || pushesWithBuildx(line) };
const SBOM_LINE = { test: (line: string) => /\bsyft\b|\bdocker\s+(?:scout\s+)?sbom\b/.test(line) || sbomWithBuildx(line) || sbomWithTrivy(line) };
const SIGN_LINE = { test: (line: string) => /\bcosign\s+sign\b|\bnotation\s+sign\b|\bdocker\s+trust\s+sign\b/.test(line) || signedWithTrust(line) };

function isTruthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && (value.trim().toLowerCase() === 'true' || value.includes('${{')));
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

/**
 * Classifies every command of a pipeline.
 *
 * @example imageSteps(parseCiWorkflow(text, 'ci.yml')).scanners[0]?.cannotFailBecause
 */
export function imageSteps(model: CiWorkflowModel): CiImageSteps {
  const steps: CiImageSteps = { builds: [], pushes: [], scanners: [], sboms: [], signs: [] };
  for (const command of model.commands) {
    if (command.kind === 'uses') classifyAction(model, command, steps);
    else classifyRun(model, command, steps);
  }
  return steps;
}

function classifyAction(model: CiWorkflowModel, command: CiCommand, steps: CiImageSteps): void {
  const name = actionName(command);
  const inputs = command.with;
  const step: ImageStep = { command, summary: `uses: ${command.text.trim()}` };
  if (name === 'docker/build-push-action') {
    steps.builds.push(step);
    if (isTruthy(inputs.push)) steps.pushes.push(step);
    if (isTruthy(inputs.sbom)) steps.sboms.push(step);
    return;
  }
  if (name === 'anchore/sbom-action') steps.sboms.push(step);
  if (name === 'aquasecurity/trivy-action') {
    const scanType = typeof inputs['scan-type'] === 'string' ? inputs['scan-type'] : 'image';
    const format = String(inputs.format ?? '');
    if (/cyclonedx|spdx/.test(format)) steps.sboms.push(step);
    if (scanType !== 'image') return;
    const exitCode = Number.parseInt(String(inputs['exit-code'] ?? '0'), 10);
    const severity = typeof inputs.severity === 'string' ? splitSeverities(inputs.severity) : undefined;
    const reason = exitCode === 0 || Number.isNaN(exitCode) ? "trivy-action exits 0 on findings unless `exit-code: '1'` is set" : undefined;
    steps.scanners.push(scanner(model, step, 'aquasecurity/trivy-action', reason, severity, true));
  }
  if (name === 'anchore/scan-action') {
    const reason = isFalse(inputs['fail-build']) ? 'anchore/scan-action has `fail-build: false`' : undefined;
    steps.scanners.push(scanner(model, step, name, reason, undefined, false));
  }
  if (name === 'docker/scout-action' && String(inputs.command ?? '').includes('cves')) {
    const reason = isTruthy(inputs['exit-code']) ? undefined : 'docker/scout-action only fails the build with `exit-code: true`';
    steps.scanners.push(scanner(model, step, name, reason, undefined, false));
  }
  if (name === 'snyk/actions/docker') steps.scanners.push(scanner(model, step, name, undefined, undefined, false));
  if (name === 'sigstore/cosign-installer') return; // installing cosign signs nothing by itself
}

function classifyRun(model: CiWorkflowModel, command: CiCommand, steps: CiImageSteps): void {
  const environment = environmentOf(model, command);
  for (const line of logicalLines(command.text)) {
    const step: ImageStep = { command, summary: line };
    if (BUILD_LINE.test(line)) steps.builds.push(step);
    if (PUSH_LINE.test(line) || (/\/kaniko\/executor\b/.test(line) && !/--no-push\b/.test(line))) steps.pushes.push(step);
    if (SBOM_LINE.test(line)) steps.sboms.push(step);
    if (SIGN_LINE.test(line)) steps.signs.push(step);
    const swallowed = /\|\|\s*(?:true|:|exit\s+0)\b/.test(line) ? 'its failure is swallowed by `|| true`' : undefined;
    if (trivyScansImage(line)) {
      const exitCode = flagValue(line, '--exit-code') ?? environment.TRIVY_EXIT_CODE;
      const severity = flagValue(line, '--severity') ?? flagValue(line, '-s') ?? environment.TRIVY_SEVERITY;
      const silent = exitCode === undefined || Number.parseInt(exitCode, 10) === 0 ? 'trivy exits 0 on findings unless `--exit-code 1` is given' : undefined;
      steps.scanners.push(scanner(model, step, 'trivy', swallowed ?? silent, severity === undefined ? undefined : splitSeverities(severity), true));
    } else if (/\bgrype\b(?!\s+db\b)/.test(line)) {
      const silent = /\s(?:--fail-on|-f)[=\s]+\w/.test(line) ? undefined : 'grype exits 0 on findings unless `--fail-on <severity>` is given';
      steps.scanners.push(scanner(model, step, 'grype', swallowed ?? silent, undefined, false));
    } else if (/\bdocker\s+scout\s+cves\b/.test(line)) {
      const silent = /\s(?:--exit-code|-e)\b/.test(line) ? undefined : 'docker scout cves exits 0 on findings unless `--exit-code` is given';
      steps.scanners.push(scanner(model, step, 'docker scout cves', swallowed ?? silent, undefined, false));
    } else if (/\bsnyk\s+container\s+test\b/.test(line)) {
      steps.scanners.push(scanner(model, step, 'snyk container test', swallowed, undefined, false));
    }
  }
}

function scanner(model: CiWorkflowModel, step: ImageStep, tool: string, reason: string | undefined, severities: string[] | undefined, isTrivy: boolean): ScannerStep {
  return { ...step, tool, cannotFailBecause: reason ?? notBlocking(model, step.command), severities, isTrivy };
}

/** A step that may fail without failing the pipeline gates nothing, whatever its flags say. */
function notBlocking(model: CiWorkflowModel, command: CiCommand): string | undefined {
  const step = asRecord(valueAt(model.document.value, command.stepPath));
  const continueOnError = step['continue-on-error'];
  if (continueOnError === true || continueOnError === 'true') return 'the step has `continue-on-error: true`';
  if (model.flavour === 'gitlab' && step.allow_failure === true) return 'the job has `allow_failure: true`';
  return undefined;
}

/** The `--flag value` or `--flag=value` of a command line, quotes removed. */
function flagValue(line: string, flag: string): string | undefined {
  const escaped = flag.replace(/[-]/g, '\\-');
  const match = new RegExp(`(?:^|\\s)${escaped}(?:=|\\s+)["']?([^\\s"']+)`).exec(line);
  return match?.[1];
}

function splitSeverities(value: string): string[] {
  return value.split(',').map((severity) => severity.trim().toUpperCase()).filter(Boolean);
}

/** Environment a command sees: workflow `env`, job `env`, step `env` (GitLab: `variables`). */
function environmentOf(model: CiWorkflowModel, command: CiCommand): Record<string, string> {
  const root = asRecord(model.document.value);
  const key = model.flavour === 'github' ? 'env' : 'variables';
  const jobPath: YamlPath = model.flavour === 'github' ? ['jobs', command.job] : [command.job];
  const layers = [root[key], asRecord(valueAt(root, jobPath))[key], model.flavour === 'github' ? asRecord(valueAt(root, command.stepPath)).env : undefined];
  const environment: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(asRecord(layer))) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') environment[name] = String(value);
    }
  }
  return environment;
}

/** The plain value at a YAML path, or undefined. */
export function valueAt(root: unknown, path: YamlPath): unknown {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}
