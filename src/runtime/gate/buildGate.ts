/**
 * The pre-build gate: what in a learner's Dockerfile would make the engine itself reach out.
 * `--network none` fences a build's RUN containers, not the daemon: dockerd downloads `ADD
 * <url>` on the host's network, pulls `FROM host:port/img`, `COPY --from=<image>` and `RUN
 * --mount=from=<image>`, and BuildKit pulls a `# syntax=` frontend. So every stage (and every
 * ONBUILD trigger, which fires in a later stage built FROM it) is read here, before anything
 * is built, and the check fails with file:line and why for each thing refused.
 *
 * Pure: the parsed Dockerfile and what the challenge allows in, refusals out.
 */
import { expandVariables, parseDockerfile, parseImageReference, type DockerfileModel, type DockerInstruction, type DockerStage } from '../../parse/dockerfile.js';

export interface GatePolicy {
  /** Image references FROM, COPY --from and RUN --mount from= may name, as the challenge declares them. */
  allowedImages: ReadonlySet<string>;
  /** `# syntax=` frontends the challenge declares (and provides locally); usually none. */
  allowedFrontends: ReadonlySet<string>;
}

export interface GateRefusal {
  line: number;
  /** One sentence: what was written and why it is refused. */
  reason: string;
}

/** Flags RUN may carry in a check; `--network` and `--security` would loosen the sandbox. */
const RUN_FLAGS = new Set(['mount']);
const MOUNT_TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret']);

/**
 * @example
 *   gateDockerfile(parseDockerfile('FROM busybox:1.36.1\nADD http://example.test/x /x\n'), { allowedImages: new Set(['busybox:1.36.1']), allowedFrontends: new Set() })
 *   // [{ line: 2, reason: 'ADD fetches "http://example.test/x" over the network; ...' }]
 */
export function gateDockerfile(model: DockerfileModel, policy: GatePolicy): GateRefusal[] {
  const refusals = gateReading(model, policy);
  // Builders differ in how they read some files (heredocs, the escape directive), and which one
  // builds is the engine's business: what any reading would do is refused. Seen on Engine 20.10:
  // a heredoc body ended by `CMD`, and a backtick continuation after `# check=` + `# escape=`,
  // each hid an ADD of a URL that the engine then fetched.
  const seen = new Set(refusals.map((refusal) => refusal.line));
  for (const { how, model: other } of model.otherReadings ?? []) {
    for (const refusal of gateReading(other, policy)) {
      if (seen.has(refusal.line)) continue;
      seen.add(refusal.line);
      refusals.push({ line: refusal.line, reason: `${refusal.reason} (read ${how}, this line is an instruction of its own)` });
    }
  }
  return refusals.sort((a, b) => a.line - b.line);
}

function gateReading(model: DockerfileModel, policy: GatePolicy): GateRefusal[] {
  const refusals: GateRefusal[] = [];
  const allowed = new Set([...policy.allowedImages].map(normalizedImage));
  const imageAllowed = (reference: string) => allowed.has(normalizedImage(reference));
  const described = [...policy.allowedImages].sort().join(', ') || 'none';

  refusals.push(...syntaxRefusals(model, policy.allowedFrontends));
  for (const stage of model.stages) {
    const fromRefusal = baseRefusal(stage, imageAllowed, described);
    if (fromRefusal) refusals.push(fromRefusal);
    // Variables ADD and COPY --from may use: global ARG defaults, then the stage's ARG and ENV.
    const variables = new Map(globalDefaults(model));
    for (const instruction of stage.instructions) {
      const checked = instruction.keyword === 'ONBUILD' ? onbuildTrigger(instruction) : instruction;
      if (typeof checked === 'string') {
        refusals.push({ line: instruction.line, reason: checked });
        continue;
      }
      refusals.push(...instructionRefusals(checked, instruction.line, model, stage, variables, imageAllowed, described, instruction !== checked));
      if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') remember(instruction, variables);
    }
  }
  return refusals;
}

/** `docker.io/library/busybox:1.36.1` and `busybox:1.36.1` name the same image. */
export function normalizedImage(reference: string): string {
  const trimmed = reference.trim().toLowerCase();
  return trimmed.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}

function syntaxRefusals(model: DockerfileModel, frontends: ReadonlySet<string>): GateRefusal[] {
  const refusals: GateRefusal[] = [];
  const firstInstruction = Math.min(...model.globalArgs.map((i) => i.line), ...model.stages.map((s) => s.from.line));
  const declared = model.directives.syntax;
  const directives = declared === undefined ? [] : [{ line: model.directiveLines.syntax ?? 1, frontend: declared }];
  // BuildKit's reading of the leading comments is not narrower than the syntax reader's, so any
  // comment before the first instruction that reads like the directive counts too.
  for (const comment of model.comments) {
    // Trimmed first: a lazy `(.*?)\s*$` backtracks quadratically over a long run of blanks.
    const match = /^syntax\s*=\s*(.*)$/i.exec(comment.text.replace(/^#/, '').trim());
    if (match && comment.line < firstInstruction) directives.push({ line: comment.line, frontend: match[1] ?? '' });
  }
  for (const { line, frontend } of directives) {
    if (frontends.has(frontend)) continue;
    refusals.push({
      line,
      reason: `"# syntax=${frontend}" makes BuildKit fetch that frontend image before building; this challenge declares no frontend, so remove the line (the builder's own Dockerfile syntax is used)`,
    });
  }
  return refusals;
}

function baseRefusal(stage: DockerStage, imageAllowed: (reference: string) => boolean, described: string): GateRefusal | undefined {
  const line = stage.from.line;
  if (stage.from.flags.platform !== undefined) {
    return { line, reason: `FROM --platform=${stage.from.flags.platform} may make the engine pull an image for another platform; the check builds for the engine's own platform, so remove the flag` };
  }
  if (stage.parentStage !== undefined || stage.base.name === 'scratch') return undefined;
  if (stage.base.unresolved) {
    return { line, reason: `FROM ${stage.base.reference}: a variable without a default cannot be checked before the build; write the image, one of: ${described}` };
  }
  if (imageAllowed(stage.base.reference)) return undefined;
  return { line, reason: `FROM ${stage.base.reference}: not an image this challenge provides, and the engine would fetch it; use one of: ${described} (or an earlier stage)` };
}

/** The instruction an ONBUILD trigger runs, parsed on its own; a string says why it cannot be. */
function onbuildTrigger(onbuild: DockerInstruction): DockerInstruction | string {
  try {
    const inner = parseDockerfile(`FROM scratch\n${onbuild.text}\n`, 'ONBUILD').stages[0]?.instructions[0];
    return inner ?? 'ONBUILD needs an instruction after it';
  } catch {
    return `ONBUILD ${onbuild.text.split('\n')[0] ?? ''}: the trigger could not be read, so it cannot be checked; remove it`;
  }
}

function instructionRefusals(
  instruction: DockerInstruction,
  line: number,
  model: DockerfileModel,
  stage: DockerStage,
  variables: ReadonlyMap<string, string>,
  imageAllowed: (reference: string) => boolean,
  described: string,
  inOnbuild: boolean,
): GateRefusal[] {
  const where = inOnbuild ? `ONBUILD ${instruction.keyword}` : instruction.keyword;
  const refusals: GateRefusal[] = [];
  const fromSource = (value: string, what: string): void => {
    const expanded = expandVariables(value, variables);
    if (expanded.includes('$')) {
      refusals.push({ line, reason: `${where} ${what}=${value}: a variable there cannot be checked before the build; name a stage or one of: ${described}` });
      return;
    }
    if (isEarlierStage(expanded, model, stage) || expanded.toLowerCase() === 'scratch' || imageAllowed(parseImageReference(expanded).reference)) return;
    refusals.push({ line, reason: `${where} ${what}=${expanded}: not a stage of this Dockerfile nor an image this challenge provides, and the engine would fetch it; use a stage name or one of: ${described}` });
  };

  if (instruction.keyword === 'FROM' && inOnbuild) refusals.push({ line, reason: 'ONBUILD FROM is not allowed' });
  if (instruction.keyword === 'ONBUILD') refusals.push({ line, reason: 'ONBUILD ONBUILD is not allowed' });
  if (instruction.keyword === 'COPY' && instruction.flags.from !== undefined) fromSource(instruction.flags.from, '--from');
  if (instruction.keyword === 'ADD') {
    for (const source of addSources(instruction)) {
      const expanded = expandVariables(source, variables);
      if (isRemoteSource(expanded)) {
        refusals.push({ line, reason: `${where} fetches "${expanded}" over the network, and the engine would download it on your machine's network; copy a file from the challenge folder with COPY instead` });
      } else if (expanded.includes('$')) {
        refusals.push({ line, reason: `${where} ${source}: a variable in the source cannot be checked before the build; write the path` });
      }
    }
  }
  if (instruction.keyword === 'RUN') {
    for (const name of Object.keys(instruction.flags)) {
      if (RUN_FLAGS.has(name)) continue;
      const detail =
        name === 'network'
          ? 'the build already runs without a network, and no RUN may choose another'
          : name === 'security'
            ? 'RUN --security=insecure would run the step with extra privileges'
            : 'only --mount is allowed on RUN here';
      refusals.push({ line, reason: `${where} --${name}=${instruction.flags[name] ?? ''}: ${detail}` });
    }
    for (const mount of instruction.mounts) {
      // `--mount type=ssh` (a blank, no `=`): some BuildKit versions read the next word as the value.
      if (mount.trim() === '') {
        refusals.push({ line, reason: `${where} --mount without a value: write it as --mount=type=...,target=...` });
        continue;
      }
      const options = mountOptions(mount);
      const type = options.get('type') ?? 'bind';
      if (type === 'ssh') {
        refusals.push({ line, reason: `${where} --mount=type=ssh would hand the build your SSH agent; the check has no SSH agent to give` });
      } else if (!MOUNT_TYPES.has(type)) {
        refusals.push({ line, reason: `${where} --mount=type=${type}: only bind, cache, tmpfs and secret mounts are allowed` });
      }
      const from = options.get('from');
      if (from !== undefined) fromSource(from, '--mount from');
    }
  }
  return refusals;
}

/** ADD's sources: every argument but the last (the destination), flags already set apart. */
function addSources(instruction: DockerInstruction): string[] {
  const args = instruction.args.filter((arg) => !arg.startsWith('<<'));
  return args.slice(0, -1);
}

/**
 * What ADD would fetch rather than read from the context: any URL (http, https, git, ssh, ftp)
 * and git's scp-like `git@host:repo` form.
 */
export function isRemoteSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^[\w.-]+@[\w.-]+:/.test(source);
}

function isEarlierStage(name: string, model: DockerfileModel, stage: DockerStage): boolean {
  const lower = name.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower) < stage.index;
  return model.stages.some((candidate) => candidate.index < stage.index && candidate.name === lower);
}

/** `type=cache,target=/root/.cache,from=builder` -> Map { type => cache, target => ..., from => builder } */
function mountOptions(mount: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const part of mount.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key !== '') options.set(key, eq === -1 ? '' : part.slice(eq + 1).trim());
  }
  return options;
}

function globalDefaults(model: DockerfileModel): Map<string, string> {
  const variables = new Map<string, string>();
  for (const arg of model.globalArgs) remember(arg, variables);
  return variables;
}

/** `ARG A=1 B` and `ENV A=1 B=2` (or the old `ENV A 1`) into the variables later lines may use. */
function remember(instruction: DockerInstruction, variables: Map<string, string>): void {
  if (instruction.keyword === 'ENV' && instruction.args.length >= 2 && !instruction.args[0]?.includes('=')) {
    variables.set(instruction.args[0] ?? '', expandVariables(instruction.args.slice(1).join(' '), variables));
    return;
  }
  for (const arg of instruction.args) {
    const eq = arg.indexOf('=');
    if (eq === -1) {
      // `ARG NAME` without a default keeps an inherited global default (no build args are passed).
      continue;
    }
    const value = arg.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2');
    variables.set(arg.slice(0, eq), expandVariables(value, variables));
  }
}
