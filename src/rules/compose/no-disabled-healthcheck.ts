/**
 * A service that switches its health check off: `healthcheck.disable: true` or
 * `healthcheck.test: ["NONE"]` (which also switches off a HEALTHCHECK the image defines). A
 * service without `healthcheck:` is not reported: the image's HEALTHCHECK may cover it.
 */
import { composeBoolean } from '../../analysis/composeScalars.js';
import { ownSetting } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

export const noDisabledHealthcheck: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-disabled-healthcheck',
    severity: 'warning',
    title: "A service's health check is switched off",
    passTitle: "No service's health check is switched off",
    why:
      'A health check is how Docker and the people on call notice that a service stopped answering: hung ' +
      'after a crafted request, stuck on an exhausted pool, or quietly replaced by an attacker\'s process. ' +
      'Switching it off means a broken or hijacked container keeps receiving traffic and nobody is told, ' +
      'and `depends_on: condition: service_healthy` no longer protects the services that rely on it.',
    fix:
      'Remove `disable: true` / `test: ["NONE"]` and give the service a real check, e.g. ' +
      '`healthcheck: { test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"], interval: 30s, timeout: 3s, retries: 3 }`.',
    item: 'image.healthcheck',
    references: ['cis-docker:5.26'],
  },
  check(model) {
    return model.services.flatMap((service) => {
      const disable = ownSetting(service, ['healthcheck', 'disable']);
      if (disable && composeBoolean(disable.value) === true) {
        const { line, column } = model.document.positionOf(disable.path);
        return [{ line, column, message: `\`healthcheck.disable: ${String(disable.value)}\` in service ${service.name} switches its health check off` }];
      }
      const test = ownSetting(service, ['healthcheck', 'test']);
      if (test && Array.isArray(test.value) && test.value[0] === 'NONE') {
        const { line, column } = model.document.positionOf(test.path);
        return [{ line, column, message: `\`healthcheck.test: ["NONE"]\` in service ${service.name} switches its health check off, the image's HEALTHCHECK included` }];
      }
      return [];
    });
  },
};
