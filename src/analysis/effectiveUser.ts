/**
 * Who a Dockerfile's final image runs as. Only the final stage decides, its last USER wins, a
 * stage built `FROM` an earlier stage inherits that stage's user, and with no USER anywhere the
 * base image's user applies (root for nearly every public base image, and always for scratch;
 * nonRootBaseImages.ts knows the few published to run as someone else).
 */
import { argDeclarations, expandVariables, type DockerfileModel, type DockerInstruction, type DockerStage } from '../parse/dockerfile.js';
import { nonRootUserOfBaseImage } from './nonRootBaseImages.js';

export type UserVerdict =
  | { kind: 'root'; spec: string; instruction: DockerInstruction; stage: DockerStage }
  | { kind: 'non-root'; spec: string; instruction: DockerInstruction; stage: DockerStage }
  /** USER uses a variable we cannot resolve statically. */
  | { kind: 'unresolved'; spec: string; instruction: DockerInstruction; stage: DockerStage }
  /** No USER at all: whatever the base image says, which for `baseImage` is usually root. */
  | { kind: 'inherited'; baseImage: string; stage: DockerStage }
  /** No USER, on a base image published to run as an unprivileged user (`spec`). */
  | { kind: 'base-non-root'; spec: string; baseImage: string; stage: DockerStage };

/**
 * @example
 *   effectiveUser(parseDockerfile('FROM busybox\nUSER 0:0\n')).kind // 'root'
 */
export function effectiveUser(model: DockerfileModel): UserVerdict {
  const finalStage = model.stages.at(-1);
  if (!finalStage) throw new Error('a parsed Dockerfile always has a stage');
  return userOfStage(model, finalStage);
}

/** Who one stage runs as (a compose `build.target` runs that stage, not the final one). */
export function userOfStage(model: DockerfileModel, stage: DockerStage): UserVerdict {
  // Down the chain of stages it is built on, as a loop: a file may chain thousands of stages.
  let current = stage;
  for (let steps = 0; steps <= model.stages.length; steps++) {
    const last = lastUserInstruction(current);
    if (last) {
      const spec = expandVariables(last.args.join(' '), stageVariables(model, current, last.line));
      if (spec.includes('$')) return { kind: 'unresolved', spec, instruction: last, stage: current };
      return { kind: isRootUserSpec(spec) ? 'root' : 'non-root', spec, instruction: last, stage: current };
    }
    const parent = current.parentStage === undefined ? undefined : model.stages[current.parentStage];
    if (!parent) break;
    current = parent;
  }
  const baseUser = nonRootUserOfBaseImage(current.base);
  if (baseUser !== undefined) return { kind: 'base-non-root', spec: baseUser, baseImage: current.base.reference, stage: current };
  return { kind: 'inherited', baseImage: current.base.reference, stage: current };
}

function lastUserInstruction(stage: DockerStage): DockerInstruction | undefined {
  for (let index = stage.instructions.length - 1; index >= 0; index--) {
    const instruction = stage.instructions[index];
    if (instruction?.keyword === 'USER') return instruction;
  }
  return undefined;
}

/**
 * True when a `USER` value selects uid 0: `0`, `root`, `root:root`, `0:0`, `0:1000`, `000`.
 * The group does not matter here: uid 0 alone is root.
 */
export function isRootUserSpec(spec: string): boolean {
  const user = spec.trim().split(':')[0] ?? '';
  return user === 'root' || /^0+$/.test(user);
}

/** ARG and ENV values visible at `beforeLine` in a stage (global ARG defaults only when re-declared). */
function stageVariables(model: DockerfileModel, stage: DockerStage, beforeLine: number): Map<string, string> {
  const globalDefaults = new Map<string, string>();
  for (const arg of model.globalArgs) {
    for (const [name, value] of argDeclarations(arg)) if (value !== undefined) globalDefaults.set(name, value);
  }
  const variables = new Map<string, string>();
  for (const instruction of stage.instructions) {
    if (instruction.line >= beforeLine) break;
    if (instruction.keyword === 'ARG') {
      for (const [name, value] of argDeclarations(instruction)) {
        const resolved = value ?? globalDefaults.get(name);
        if (resolved !== undefined) variables.set(name, expandVariables(resolved, variables));
      }
    } else if (instruction.keyword === 'ENV') {
      for (const [name, value] of envDeclarations(instruction)) variables.set(name, expandVariables(value, variables));
    }
  }
  return variables;
}

/** `ENV A=1 B=2` and the legacy `ENV A 1` form. */
export function envDeclarations(instruction: DockerInstruction): [string, string][] {
  const [first, ...rest] = instruction.args;
  if (first !== undefined && !first.includes('=')) return [[first, rest.join(' ')]];
  return argDeclarations(instruction).map(([name, value]) => [name, value ?? '']);
}
