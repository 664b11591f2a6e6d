/**
 * The base images a course needs: every external FROM of every challenge's broken and solution
 * Dockerfiles (earlier stages and scratch excluded). Pure over the texts it is given.
 */
import { parseDockerfile } from '../parse/dockerfile.js';

export function baseImagesOf(dockerfiles: readonly { file: string; text: string }[]): string[] {
  const images = new Set<string>();
  for (const { file, text } of dockerfiles) {
    let model;
    try {
      model = parseDockerfile(text, file);
    } catch {
      continue;
    }
    for (const stage of model.stages) {
      if (stage.parentStage === undefined && stage.base.name !== 'scratch' && !stage.base.unresolved) images.add(stage.base.reference);
    }
  }
  return [...images].sort();
}
