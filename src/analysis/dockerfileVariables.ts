/**
 * The ARG and ENV declarations of a Dockerfile as name/value pairs, with quotes respected
 * (`ENV A="two words" B=2`) and the legacy `ENV NAME value` form understood, plus where shell
 * text refers to a variable. Secret rules use these to tell a literal from a `${VAR}` reference.
 */
import type { DockerfileModel, DockerInstruction, DockerStage } from '../parse/dockerfile.js';

export interface VariableDeclaration {
  instruction: DockerInstruction;
  keyword: 'ARG' | 'ENV';
  name: string;
  /** The value as written (quotes kept); undefined for `ARG NAME` without a default. */
  value: string | undefined;
  /** The stage it belongs to; undefined for a global ARG before the first FROM. */
  stage: DockerStage | undefined;
}

/** Splits on whitespace outside single or double quotes. */
function splitWords(text: string): string[] {
  return text.match(/(?:[^\s"']+|"(?:\\.|[^"\\])*"?|'[^']*'?)+/g) ?? [];
}

/**
 * The declarations of one ARG or ENV instruction.
 *
 * @example declarationsOf(env('ENV A="two words" B=2')) // [A = '"two words"', B = '2']
 */
export function declarationsOf(instruction: DockerInstruction, stage: DockerStage | undefined): readonly VariableDeclaration[] {
  const keyword = instruction.keyword;
  if (keyword !== 'ARG' && keyword !== 'ENV') return [];
  // Several rules ask for the same instruction's declarations; a model is never changed once
  // parsed, so the answer is kept per instruction (and per stage it is read in).
  const known = declarationCache.get(instruction);
  if (known !== undefined && known.stage === stage) return known.declarations;
  const declarations = readDeclarations(instruction, keyword, stage);
  declarationCache.set(instruction, { stage, declarations });
  return declarations;
}

const declarationCache = new WeakMap<DockerInstruction, { stage: DockerStage | undefined; declarations: readonly VariableDeclaration[] }>();

function readDeclarations(instruction: DockerInstruction, keyword: 'ARG' | 'ENV', stage: DockerStage | undefined): VariableDeclaration[] {
  const words = splitWords(instruction.text.trim());
  const [first, ...rest] = words;
  if (first === undefined) return [];
  if (keyword === 'ENV' && !first.includes('=')) {
    // Legacy `ENV NAME value with spaces`: everything after the name is the value.
    return [{ instruction, keyword, name: first, value: rest.join(' '), stage }];
  }
  return words.map((word) => {
    const eq = word.indexOf('=');
    return eq === -1
      ? { instruction, keyword, name: word, value: keyword === 'ENV' ? '' : undefined, stage }
      : { instruction, keyword, name: word.slice(0, eq), value: word.slice(eq + 1), stage };
  });
}

/** Every ARG and ENV declaration of the file, global ARGs first, in order. */
export function allDeclarations(model: DockerfileModel): readonly VariableDeclaration[] {
  const all: VariableDeclaration[] = [];
  for (const instruction of model.globalArgs) all.push(...declarationsOf(instruction, undefined));
  for (const stage of model.stages) {
    // Most instructions declare nothing; only ARG and ENV are looked at.
    for (const instruction of stage.instructions) if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') all.push(...declarationsOf(instruction, stage));
  }
  return all;
}

/** True when shell text expands the variable: `$NAME`, `${NAME}`, `${NAME:-x}`. */
export function referencesVariable(text: string, name: string): boolean {
  const escaped = name.replace(/[^A-Za-z0-9_]/g, '\\$&');
  return new RegExp(`\\$(?:\\{${escaped}(?=[}:?+-])|${escaped}(?![A-Za-z0-9_]))`).test(text);
}

/** True when a RUN mounts a BuildKit secret (`--mount=type=secret,id=...`). */
export function mountsSecret(instruction: DockerInstruction): boolean {
  return instruction.mounts.some((mount) => mount.split(',').some((option) => option.trim().toLowerCase() === 'type=secret'));
}

/**
 * True when a stage's FROM cannot be known statically: it still holds a variable after expansion,
 * or it uses a global `ARG` declared without a default (the parser expands that to an empty string,
 * so `FROM node:${TAG}` would otherwise look like an untagged `node`).
 */
export function baseImageIsUnknown(model: DockerfileModel, stage: DockerStage): boolean {
  if (stage.base.unresolved) return true;
  const written = stage.from.args[0] ?? '';
  if (!written.includes('$')) return false;
  const withoutDefault = model.globalArgs
    .flatMap((instruction) => declarationsOf(instruction, undefined))
    .filter((declaration) => declaration.value === undefined || declaration.value === '')
    .map((declaration) => declaration.name);
  // `${TAG:-20.11.1}` carries its own default, so only plain `$TAG` / `${TAG}` are unknown.
  return withoutDefault.some((name) => {
    const escaped = name.replace(/[^A-Za-z0-9_]/g, '\\$&');
    return new RegExp(`\\$(?:\\{${escaped}\\}|${escaped}(?![A-Za-z0-9_]))`).test(written);
  });
}
