/**
 * `user:` must not name root: `0`, `root`, `0:0`, `root:root`, `0:1000` (the group does not
 * matter; uid 0 is root). A service with no `user:` runs as its image's USER: when it is built
 * from a Dockerfile of the same lint run (`build:`), that Dockerfile's stage decides (its final
 * stage, or `build.target`); otherwise the image is unknown here and the service is left alone.
 * An interpolated user (`${APP_UID}`) cannot be judged and is left alone.
 */
import { isInterpolated } from '../../analysis/composeScalars.js';
import { ownSetting } from '../../analysis/composeSettings.js';
import { userOfStage } from '../../analysis/effectiveUser.js';
import type { ComposeModel, ComposeService } from '../../parse/compose.js';
import { asRecord } from '../../parse/yamlSource.js';
import { normalizeRunPath, runPathDirectory, type RunContext } from '../runContext.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const noRootUser: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-root-user',
    severity: 'error',
    title: 'A service runs as root',
    passTitle: 'No service runs as root',
    why:
      "Setting `user:` to root overrides whatever unprivileged user the image was built with. Root in a " +
      'container is uid 0 on the host kernel: an attacker who gets code execution owns every file in the ' +
      'container, keeps every capability Docker left in place, and starts any escape attempt from the best ' +
      'possible position.',
    fix:
      'Set a fixed unprivileged uid and gid, e.g. `user: "10001:10001"`, and make sure the files the service ' +
      'writes belong to it (`COPY --chown` in the Dockerfile, or a volume prepared for that uid). Or remove ' +
      '`user:` and let the image\'s own non-root USER apply.',
    item: 'runtime.non-root',
    references: [],
  },
  check(model, context) {
    return model.services.flatMap((service) => {
      const setting = ownSetting(service, ['user']);
      if (!setting) return builtAsRoot(model, service, context.run);
      const written = typeof setting?.value === 'number' || typeof setting?.value === 'string' ? String(setting.value).trim() : undefined;
      if (!setting || written === undefined || isInterpolated(written)) return [];
      const userPart = written.split(':')[0] ?? '';
      if (userPart !== 'root' && !/^0+$/.test(userPart)) return [];
      const { line, column } = model.document.positionOf(setting.path);
      return [{ line, column, message: `\`user: "${written}"\` in service ${service.name} is uid 0: the container runs as root` }];
    });
  },
};

/** A service without `user:` built from a Dockerfile of the run whose stage runs as root. */
function builtAsRoot(model: ComposeModel, service: ComposeService, run: RunContext | undefined): RuleHit[] {
  const build = service.spec.build;
  if (!run || build === undefined) return [];
  const spec = typeof build === 'string' ? { context: build } : asRecord(build);
  const buildContext = typeof spec.context === 'string' ? spec.context : '.';
  if (/^[a-z]+:\/\//i.test(buildContext) || isInterpolated(buildContext)) return [];
  const dockerfile = typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile';
  const relative = dockerfile.startsWith('/') ? dockerfile : `${buildContext}/${dockerfile}`;
  const file = normalizeRunPath(relative.startsWith('/') ? relative : `${runPathDirectory(model.file)}/${relative}`);
  const parsed = run.dockerfiles.get(file);
  if (!parsed) return [];
  const target = typeof spec.target === 'string' ? spec.target.toLowerCase() : undefined;
  const stage = target === undefined ? parsed.stages.at(-1) : parsed.stages.find((candidate) => candidate.name === target);
  if (!stage) return [];
  const verdict = userOfStage(parsed, stage);
  const which = target === undefined ? 'final stage' : `stage ${target}`;
  const why = verdict.kind === 'root' ? `sets \`USER ${verdict.spec}\` (line ${verdict.instruction.line})`
    : verdict.kind === 'inherited' ? `never sets USER, so it runs as the base image's user (root for ${verdict.baseImage})`
    : undefined;
  if (!why) return [];
  const { line, column } = model.document.positionOf([...service.path, 'build']);
  return [{ line, column, message: `service ${service.name} sets no \`user:\` and is built from ${file}, whose ${which} ${why}: the container runs as root` }];
}
