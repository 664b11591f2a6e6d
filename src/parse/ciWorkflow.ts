/**
 * A CI pipeline file (GitHub Actions workflow or GitLab CI) as rules see it: the parsed YAML and
 * every shell command a step runs, with its position, so rules can look for `trivy ... --exit-code 1`.
 */
import { InputError } from './position.js';
import { asArray, asRecord, isRecord, parseYamlSource, type YamlDocument, type YamlPath } from './yamlSource.js';

export interface CiCommand {
  /** The job the command belongs to. */
  job: string;
  /** The shell text (`run:` of a GitHub step, a `script:` line in GitLab) or `uses: action@ref`. */
  text: string;
  kind: 'run' | 'uses';
  path: YamlPath;
  /** The step (GitHub) or job (GitLab) the command belongs to: `continue-on-error`, `allow_failure` live there. */
  stepPath: YamlPath;
  /** A GitHub step's `with:` inputs (`exit-code: '1'` of trivy-action); empty for GitLab. */
  with: Record<string, unknown>;
}

export interface CiWorkflowModel {
  file: string;
  flavour: 'github' | 'gitlab';
  document: YamlDocument;
  commands: CiCommand[];
}

export function looksLikeCiWorkflow(value: unknown, file: string): boolean {
  if (!isRecord(value)) return false;
  if (/\.gitlab-ci\.ya?ml$/.test(file)) return true;
  return isRecord(value.jobs) && ('on' in value || 'true' in value);
}

export function parseCiWorkflow(text: string, file: string): CiWorkflowModel {
  return ciWorkflowModelFromDocuments(file, parseYamlSource(text, file).documents);
}

/** The model of documents parsed already (`shipshape lint` parses each file once). */
export function ciWorkflowModelFromDocuments(file: string, documents: readonly YamlDocument[]): CiWorkflowModel {
  const document = documents[0];
  if (!document || !isRecord(document.value)) throw new InputError(file, { line: 1, column: 1 }, 'a CI workflow is a YAML map');
  const root = document.value;
  const commands: CiCommand[] = [];
  if (isRecord(root.jobs)) {
    for (const [job, spec] of Object.entries(root.jobs)) {
      asArray(asRecord(spec).steps).forEach((step, index) => {
        const s = asRecord(step);
        const stepPath = ['jobs', job, 'steps', index];
        const inputs = asRecord(s.with);
        if (typeof s.run === 'string') commands.push({ job, text: s.run, kind: 'run', path: [...stepPath, 'run'], stepPath, with: inputs });
        if (typeof s.uses === 'string') commands.push({ job, text: s.uses, kind: 'uses', path: [...stepPath, 'uses'], stepPath, with: inputs });
      });
    }
    return { file, flavour: 'github', document, commands };
  }
  for (const [job, spec] of Object.entries(root)) {
    for (const key of ['before_script', 'script', 'after_script']) {
      const lines = asRecord(spec)[key];
      (typeof lines === 'string' ? [lines] : asArray(lines)).forEach((line, index) => {
        if (typeof line === 'string') commands.push({ job, text: line, kind: 'run', path: [job, key, index], stepPath: [job], with: {} });
      });
    }
  }
  return { file, flavour: 'gitlab', document, commands };
}
