/**
 * Mapping what a builder says about a failing step back to the learner's Dockerfile line, and
 * finding the RUN --mount flags that only BuildKit understands. Pure: a parsed Dockerfile in,
 * lines out.
 *
 * The classic builder numbers every instruction ("Step 3/5 : RUN ..."), global ARGs included.
 * BuildKit names a vertex after the stage and the instruction's place in it ("[build 2/4] RUN
 * ...", or "[2/4] RUN ..." in a single-stage file), where 1 is the stage's FROM.
 */
import type { DockerfileModel, DockerInstruction } from '../parse/dockerfile.js';

/** Line of each classic-builder step, in the builder's numbering. */
export function classicStepLines(model: DockerfileModel): number[] {
  return [...model.globalArgs, ...model.stages.flatMap((stage) => [stage.from, ...stage.instructions])].map((i) => i.line);
}

/** The Dockerfile line of a BuildKit step name such as `[build 2/4] RUN make`, if it names one. */
export function buildKitStepLine(model: DockerfileModel, stepName: string): number | undefined {
  const match = /^\[(?:(\S+) )?(\d+)\/(\d+)\]/.exec(stepName);
  if (!match) return undefined;
  const [, stageName, position] = match;
  const stage =
    stageName === undefined
      ? model.stages.length === 1
        ? model.stages[0]
        : model.stages[model.stages.length - 1]
      : model.stages.find((candidate, index) => candidate.name === stageName || `stage-${index}` === stageName);
  if (!stage) return undefined;
  const index = Number(position);
  const instruction: DockerInstruction | undefined = index === 1 ? stage.from : stage.instructions[index - 2];
  return instruction?.line;
}

export interface RunMount {
  type: string;
  /** The secret's id: `id=`, or the target file's name as BuildKit defaults it. */
  id: string | undefined;
  line: number;
  /** The RUN as written, for messages. */
  instruction: string;
}

/**
 * Every `RUN --mount=...` in the file, read from the source lines because the model keeps one
 * value per flag name and a RUN may carry several mounts.
 */
export function runMounts(model: DockerfileModel, text: string): RunMount[] {
  const lines = text.split(/\r?\n/);
  const mounts: RunMount[] = [];
  for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
    if (instruction.keyword !== 'RUN') continue;
    for (const spec of leadingMountFlags(lines.slice(instruction.line - 1, instruction.endLine).join('\n'))) {
      const fields = new Map(spec.split(',').map((field) => {
        const eq = field.indexOf('=');
        return eq === -1 ? [field, ''] : [field.slice(0, eq), field.slice(eq + 1)];
      }));
      const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
      mounts.push({
        type: fields.get('type') ?? 'bind',
        id: fields.get('id') ?? (fields.get('type') === 'secret' && target ? target.split('/').pop() : undefined),
        line: instruction.line,
        instruction: `RUN ${instruction.text}`.slice(0, 80),
      });
    }
  }
  return mounts;
}

/** The values of the `--mount=` flags before the command; a `--mount=` inside the command is text. */
function leadingMountFlags(source: string): string[] {
  const leadingFlag = /^--([\w-]+)(?:=(\S*))?\s*/;
  let rest = source.replace(/\\\r?\n/g, ' ').replace(/^\s*RUN\s+/i, '');
  const specs: string[] = [];
  let flag = leadingFlag.exec(rest);
  while (flag) {
    if (flag[1]?.toLowerCase() === 'mount') specs.push(flag[2] ?? '');
    rest = rest.slice(flag[0].length);
    flag = leadingFlag.exec(rest);
  }
  return specs;
}
