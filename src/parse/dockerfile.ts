/**
 * Dockerfile parsing: a position-keeping model of stages and instructions on top of the file's
 * syntax (dockerfileSyntax.ts), so rules reason about stages and instructions instead of text.
 * The syntax reader is forgiving; what BuildKit would reject is turned into an `InputError` here
 * with the offending line.
 */
import { readDockerfileSyntax, type DockerfileSyntax, type ReadingOptions, type SyntaxInstruction } from './dockerfileSyntax.js';
import { InputError, looksBinary } from './position.js';

export interface DockerInstruction {
  /** Upper-case keyword: `RUN`, `USER`, ... */
  keyword: string;
  /** Arguments as the parser split them (shell form), or the JSON array items (exec form). */
  args: string[];
  /** Everything after the keyword and flags, continuation lines joined, as written. */
  text: string;
  /** `--from=build` -> `{ from: 'build' }`; a flag without a value maps to `''`. */
  flags: Record<string, string>;
  /** Every `--mount=` value in order: a RUN may carry several, and `flags.mount` keeps only the last. */
  mounts: string[];
  /** True when the arguments are a JSON array (`CMD ["httpd", "-f"]`). */
  jsonForm: boolean;
  line: number;
  column: number;
  endLine: number;
}

export interface ImageReference {
  /** The reference as written, with `${ARG}`s expanded from global ARG defaults. */
  reference: string;
  /** `registry/path/name` without tag or digest; `scratch` for the empty image. */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Whether the reference still contained an unresolvable variable after expansion. */
  unresolved: boolean;
}

export interface DockerStage {
  index: number;
  /** The `AS name`, lower-cased as BuildKit does; undefined for unnamed stages. */
  name: string | undefined;
  from: DockerInstruction;
  base: ImageReference;
  /** Index of the earlier stage this one builds on (`FROM builder`), if any. */
  parentStage: number | undefined;
  /** Instructions after FROM, up to the next FROM. */
  instructions: DockerInstruction[];
}

export interface DockerComment {
  text: string;
  line: number;
}

export interface DockerfileModel {
  file: string;
  /** ARGs before the first FROM: only they may be used in FROM lines. */
  globalArgs: DockerInstruction[];
  stages: DockerStage[];
  comments: DockerComment[];
  directives: Record<string, string>;
  /** The line of each directive in `directives`. */
  directiveLines: Record<string, number>;
  /**
   * The same file as other builders read it, where builders differ: without heredocs (Engine
   * 20.10's classic builder and builtin BuildKit frontend run a heredoc's body lines as
   * instructions) and with the other escape character (builders that end the directives at the
   * first one that is not `escape` ignore an `# escape=` after `# check=`). Present only when
   * the file opens a heredoc or has an escape directive, and only the readings that parse: a
   * builder that cannot parse a file builds nothing of it. The build gate judges every reading.
   */
  otherReadings?: OtherReading[];
}

export interface OtherReading {
  /** How this reading differs, for a refusal's words: `without heredocs`, ... */
  how: string;
  model: DockerfileModel;
}

const KNOWN_INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Upper bound on what we agree to parse; a real Dockerfile is a few kilobytes. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024;

/**
 * Parses a Dockerfile into stages and instructions.
 *
 * @example
 *   const model = parseDockerfile('FROM busybox:1.36\nUSER 10001\n', 'Dockerfile');
 *   model.stages[0]?.instructions[0]?.keyword; // 'USER'
 * @throws InputError with the file and line of the first thing BuildKit would refuse.
 */
export function parseDockerfile(text: string, file = 'Dockerfile', reading?: ReadingOptions): DockerfileModel {
  if (text.length > MAX_DOCKERFILE_BYTES) {
    throw new InputError(file, { line: 1, column: 1 }, `file is larger than ${MAX_DOCKERFILE_BYTES} bytes; is this really a Dockerfile?`);
  }
  if (looksBinary(text)) {
    throw new InputError(file, { line: 1, column: 1 }, 'file contains binary data (a NUL byte); a Dockerfile is text');
  }
  const syntax = readDockerfileSyntax(text, reading);
  const directives: Record<string, string> = {};
  const directiveLines: Record<string, number> = {};
  for (const { name, value, line } of syntax.directives) {
    if (name !== 'syntax' && name !== 'escape') continue;
    directives[name] = value;
    directiveLines[name] = line;
  }
  const comments = syntax.comments;

  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const argDefaults = new Map<string, string>();
  // Looked up by name, not searched: a file may hold thousands of stages.
  const stagesByName = new Map<string, DockerStage>();

  for (const node of syntax.instructions) {
    const instruction = toInstruction(node);
    const open = node.heredocs.find((heredoc) => !heredoc.terminated);
    if (open) {
      throw new InputError(file, { line: node.line, column: 1 }, `heredoc "<<${open.name}" is never closed; end it with a line containing only ${open.name}`);
    }
    if (!KNOWN_INSTRUCTIONS.has(instruction.keyword)) {
      throw new InputError(file, instruction, `unknown instruction "${node.word}"; expected one of FROM, RUN, COPY, USER, ...`);
    }
    if (instruction.keyword === 'FROM') {
      const stage = toStage(instruction, stages, stagesByName, argDefaults, file);
      stages.push(stage);
      // The first stage of a name is the one a later FROM or COPY --from finds.
      if (stage.name !== undefined && !stagesByName.has(stage.name)) stagesByName.set(stage.name, stage);
      continue;
    }
    const current = stages.at(-1);
    if (current) {
      current.instructions.push(instruction);
    } else if (instruction.keyword === 'ARG') {
      globalArgs.push(instruction);
      for (const [name, value] of argDeclarations(instruction)) argDefaults.set(name, value ?? '');
    } else {
      throw new InputError(file, instruction, `${instruction.keyword} before the first FROM; only ARG may come before FROM`);
    }
  }
  if (stages.length === 0) {
    throw new InputError(file, { line: 1, column: 1 }, 'no FROM instruction; a Dockerfile must start its first stage with FROM');
  }
  const model: DockerfileModel = { file, globalArgs, stages, comments, directives, directiveLines };
  if (reading === undefined) {
    const others = otherReadings(text, file, syntax);
    if (others.length > 0) model.otherReadings = others;
  }
  return model;
}

/** A comment (without its `#`) that any builder might take for an escape directive. */
const ESCAPE_DIRECTIVE_LIKE = /^escape[\t\n\f\r ]*=/i;

function otherReadings(text: string, file: string, syntax: DockerfileSyntax): OtherReading[] {
  const escape: '\\' | '`' = syntax.escape === '`' ? '`' : '\\';
  const other: '\\' | '`' = escape === '`' ? '\\' : '`';
  const opensHeredoc = syntax.instructions.some((node) => node.heredocs.length > 0);
  // The comments before the first instruction are where builders look for directives.
  const firstInstruction = syntax.instructions[0]?.line ?? Infinity;
  const mentionsEscape = syntax.directives.some((directive) => directive.name === 'escape')
    || syntax.comments.some((comment) => comment.line < firstInstruction && ESCAPE_DIRECTIVE_LIKE.test(comment.text));
  const candidates: { how: string; reading: ReadingOptions }[] = [
    ...(opensHeredoc ? [{ how: "without heredocs, as Engine 20.10's builders read it", reading: { heredocs: false, escape } }] : []),
    ...(mentionsEscape ? [
      { how: `with ${other} as the escape character, as builders that ignore this escape directive read it`, reading: { heredocs: true, escape: other } },
      { how: `without heredocs and with ${other} as the escape character, as Engine 20.10's builders may read it`, reading: { heredocs: false, escape: other } },
    ] : []),
  ];
  const readings: OtherReading[] = [];
  for (const { how, reading } of candidates) {
    try {
      readings.push({ how, model: parseDockerfile(text, file, reading) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return readings;
}

function toInstruction(node: SyntaxInstruction): DockerInstruction {
  const flags: Record<string, string> = {};
  const mounts: string[] = [];
  for (const flag of node.flags) {
    const name = flag.name.toLowerCase();
    flags[name] = flag.value ?? '';
    if (name === 'mount') mounts.push(flag.value ?? '');
  }
  return {
    keyword: node.word.toUpperCase(),
    args: node.execForm ?? node.args,
    text: node.text,
    flags,
    mounts,
    jsonForm: node.execForm !== undefined,
    line: node.line,
    column: node.column,
    endLine: node.endLine,
  };
}

function toStage(from: DockerInstruction, earlier: DockerStage[], earlierByName: ReadonlyMap<string, DockerStage>, argDefaults: Map<string, string>, file: string): DockerStage {
  const [rawImage, asKeyword, stageName] = from.args;
  if (!rawImage) throw new InputError(file, from, 'FROM needs an image, e.g. "FROM busybox:1.36.1"');
  if (asKeyword !== undefined && (asKeyword.toUpperCase() !== 'AS' || !stageName || from.args.length > 3)) {
    throw new InputError(file, from, 'FROM takes an image and optionally "AS name"');
  }
  const base = parseImageReference(expandVariables(rawImage, argDefaults));
  const parentStage = earlierByName.get(base.reference.toLowerCase());
  return {
    index: earlier.length,
    name: stageName?.toLowerCase(),
    from,
    base,
    parentStage: parentStage?.index,
    instructions: [],
  };
}

/** Yields `[name, default]` for each `ARG name[=default]` in one instruction. */
export function argDeclarations(instruction: DockerInstruction): [string, string | undefined][] {
  return instruction.args.map((arg) => {
    const eq = arg.indexOf('=');
    return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), unquote(arg.slice(eq + 1))];
  });
}

function unquote(value: string): string {
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return quoted ? value.slice(1, -1) : value;
}

/** Expands `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alt}` the way the Dockerfile frontend does. */
export function expandVariables(value: string, variables: ReadonlyMap<string, string>): string {
  // Most values name no variable; the replace with its callback is for those that do.
  if (!value.includes('$')) return value;
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const current = variables.get(name);
    if (op === '-') return current ? current : (word ?? '');
    if (op === '+') return current ? (word ?? '') : '';
    return current ?? whole;
  });
}

/**
 * Splits an image reference into name, tag and digest.
 *
 * @example parseImageReference('node:20.11.1-alpine').tag // '20.11.1-alpine'
 */
export function parseImageReference(reference: string): ImageReference {
  const unresolved = reference.includes('$');
  const at = reference.indexOf('@');
  const digest = at === -1 ? undefined : reference.slice(at + 1);
  const withoutDigest = at === -1 ? reference : reference.slice(0, at);
  // A colon after the last slash is a tag; one before it is a registry port.
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon === -1 ? undefined : withoutDigest.slice(colon + 1);
  return { reference, name: name.toLowerCase(), tag: tag || undefined, digest: digest || undefined, unresolved };
}
