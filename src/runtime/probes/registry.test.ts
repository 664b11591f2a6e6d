/**
 * The probe registry stays in step with the folder: each probe lives in a file named after its
 * id, ids are unique, and each has a real-engine test file of the same name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allProbes, findProbe, probeParamsError } from './registry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const runtimeTests = path.resolve(here, '../../../test/runtime/probes');

describe('probe registry', () => {
  it('has unique ids', () => {
    const ids = allProbes.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(allProbes.map((p) => [p.id] as const))('%s lives in its own file and has a runtime test', (id) => {
    expect(existsSync(path.join(here, `${id}.ts`))).toBe(true);
    // user-not-root is proven end to end by test/runtime/check.test.ts.
    if (id !== 'user-not-root') expect(existsSync(path.join(runtimeTests, `${id}.test.ts`))).toBe(true);
  });

  it('names attack replays attack-*, with titles that say so', () => {
    for (const probe of allProbes.filter((p) => p.id.startsWith('attack-'))) {
      expect(probe.title).toMatch(/^Attack: /);
      expect(probe.passTitle).toMatch(/^Attack: /);
    }
  });

  it.each(allProbes.map((p) => [p.id, p] as const))('%s has a title for each outcome and a fix', (_id, probe) => {
    expect(probe.title.length).toBeGreaterThan(5);
    expect(probe.passTitle.length).toBeGreaterThan(5);
    expect(probe.passTitle).not.toBe(probe.title);
    expect(probe.fix.length).toBeGreaterThan(20);
  });

  it('reports the first bad parameter by its path', () => {
    const probe = findProbe('resource-limits');
    if (!probe) throw new Error('resource-limits is not registered');
    expect(probeParamsError(probe, { maxPids: -1 })).toMatch(/^with\.maxPids: /);
    expect(probeParamsError(probe, { maxPids: 64 })).toBeUndefined();
  });
});
