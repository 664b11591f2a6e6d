/**
 * The learner's files, read once and parsed once: the static rules and the runtime half judge
 * this one model, so they cannot disagree about what a file says. Pure: texts in (read at the
 * edge by workspace/learnerFiles.ts), parsed models out, each parse error kept with its position.
 */
import { parseCiWorkflow } from '../parse/ciWorkflow.js';
import { parseCompose, type ComposeModel } from '../parse/compose.js';
import { parseDaemonConfig } from '../parse/daemonConfig.js';
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile.js';
import { parseKubernetes, type KubernetesModel } from '../parse/kubernetes.js';
import { InputError } from '../parse/position.js';
import type { RuleTarget } from '../rules/types.js';

/** Contents of the learner's files by challenge-relative path; undefined when a file is missing. */
export type LearnerFiles = ReadonlyMap<string, string | undefined>;

interface ModelOf {
  dockerfile: DockerfileModel;
  compose: ComposeModel;
  kubernetes: KubernetesModel;
  ci: ReturnType<typeof parseCiWorkflow>;
  daemon: ReturnType<typeof parseDaemonConfig>;
}

const parsers: { [K in RuleTarget]: (text: string, file: string) => ModelOf[K] } = {
  dockerfile: parseDockerfile,
  compose: parseCompose,
  kubernetes: parseKubernetes,
  ci: parseCiWorkflow,
  daemon: parseDaemonConfig,
};

export type Parsed<K extends RuleTarget> =
  | { state: 'parsed'; model: ModelOf[K] }
  | { state: 'missing' }
  | { state: 'error'; error: InputError };

export class LearnerModel {
  private readonly parsedByKind = new Map<string, Parsed<RuleTarget>>();

  /**
   * @param files the texts that could be read
   * @param unreadable files that exist but were refused (a symlink out of the folder, a FIFO), with why
   */
  constructor(
    readonly files: LearnerFiles,
    readonly unreadable: ReadonlyMap<string, string> = new Map(),
  ) {}

  text(file: string): string | undefined {
    return this.files.get(file);
  }

  /**
   * The file parsed as `kind`, parsed at most once per kind.
   *
   * @example new LearnerModel(new Map([['Dockerfile', 'FROM busybox\n']])).parse('Dockerfile', 'dockerfile').state // 'parsed'
   */
  parse<K extends RuleTarget>(file: string, kind: K): Parsed<K> {
    const key = `${kind}\u0000${file}`;
    let parsed = this.parsedByKind.get(key) as Parsed<K> | undefined;
    if (!parsed) {
      parsed = this.parseNow(file, kind);
      this.parsedByKind.set(key, parsed as Parsed<RuleTarget>);
    }
    return parsed;
  }

  /** The first parse error among the files parsed so far, in the order they were asked for. */
  firstParseError(): InputError | undefined {
    for (const parsed of this.parsedByKind.values()) if (parsed.state === 'error') return parsed.error;
    return undefined;
  }

  private parseNow<K extends RuleTarget>(file: string, kind: K): Parsed<K> {
    const refused = this.unreadable.get(file);
    if (refused !== undefined) return { state: 'error', error: new InputError(file, { line: 1, column: 1 }, refused) };
    const text = this.files.get(file);
    if (text === undefined) return { state: 'missing' };
    try {
      return { state: 'parsed', model: parsers[kind](text, file) };
    } catch (error) {
      if (error instanceof InputError) return { state: 'error', error };
      // A parser bug must not take the check down; report it where the file starts.
      return { state: 'error', error: new InputError(file, { line: 1, column: 1 }, `could not be parsed (${(error as Error).message})`) };
    }
  }
}
