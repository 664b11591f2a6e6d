/**
 * The final image declares how to tell that it works: a HEALTHCHECK in the final stage or one it
 * inherits from a parent stage. `HEALTHCHECK NONE` switches an inherited check off, which is
 * reported as well.
 */
import { finalImageInstructions } from '../../analysis/finalImage.js';
import type { DockerfileRule } from '../types.js';

export const missingHealthcheck: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/missing-healthcheck',
    severity: 'warning',
    title: 'The image has no HEALTHCHECK',
    passTitle: 'The image has a HEALTHCHECK',
    why:
      'Without a health check, Docker reports a container as running as long as its process exists: a server ' +
      'that has deadlocked, lost its database or been crashed into a half-alive state by an attacker keeps ' +
      'receiving traffic and is never restarted. A health check turns "the process exists" into "the service ' +
      'answers", so orchestrators replace a broken container and monitoring sees a denial of service quickly.',
    fix:
      'Add a cheap check of the real service to the final stage, e.g. ' +
      '`HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/health || exit 1` ' +
      '(no curl or wget in a distroless image: ship a tiny check binary, or use the orchestrator\'s probes).',
    item: 'image.healthcheck',
    references: ['hadolint:DL3057', 'trivy:DS026', 'checkov:CKV_DOCKER_2', 'cis-docker:4.6'],
  },
  check(model) {
    const last = finalImageInstructions(model).filter((instruction) => instruction.keyword === 'HEALTHCHECK').at(-1);
    if (last && last.args[0]?.toUpperCase() === 'NONE') {
      return [{ line: last.line, column: last.column, message: '`HEALTHCHECK NONE` turns the health check off for the final image' }];
    }
    if (last) return [];
    const finalStage = model.stages.at(-1);
    if (!finalStage) return [];
    return [{ line: finalStage.from.line, column: finalStage.from.column, message: 'the final image has no HEALTHCHECK, in its stage or any stage it builds on' }];
  },
};
