/**
 * `run: { from: dockerfile }`: the container runs with what the image itself says. USER,
 * HEALTHCHECK, EXPOSE and CMD are already in the image, and the engine applies them; there is
 * nothing to translate and nothing to note.
 */
import { emptyRunSettings, type RunSettings } from './types.js';

/** @example fromDockerfile('Dockerfile').host // {} */
export function fromDockerfile(dockerfile: string): RunSettings {
  return emptyRunSettings(`the image built from ${dockerfile}`);
}
