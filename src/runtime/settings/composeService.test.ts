import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../parse/compose.js';
import { resolvedService, withMergesExpanded } from './composeService.js';

function resolve(text: string, name = 'web') {
  const model = parseCompose(text, 'compose.yaml');
  const service = model.services.find((candidate) => candidate.name === name);
  if (!service) throw new Error('no such service in the fixture');
  return resolvedService(model, service);
}

describe('withMergesExpanded', () => {
  it('lets the map’s own keys win, then earlier merge sources, at every depth', () => {
    expect(withMergesExpanded({ '<<': [{ a: 1, b: 1 }, { b: 2, c: 2 }], c: 3, nested: { '<<': { x: 1 }, y: 2 } })).toEqual({ a: 1, b: 1, c: 3, nested: { x: 1, y: 2 } });
  });
});

describe('resolvedService', () => {
  it('merges an extends chain base first: maps deeply, sequences concatenated, scalars replaced', () => {
    const { spec, invalid } = resolve(
      'services:\n  root:\n    user: "1"\n    deploy: { resources: { limits: { memory: 64m } } }\n    cap_drop: [ALL]\n  base:\n    extends: root\n    user: "2"\n  web:\n    extends: base\n    deploy: { resources: { limits: { pids: 50 } } }\n    cap_drop: [NET_RAW, ALL]\n',
    );
    expect(invalid).toEqual([]);
    expect(spec).toEqual({ user: '2', deploy: { resources: { limits: { memory: '64m', pids: 50 } } }, cap_drop: ['ALL', 'NET_RAW'] });
  });

  it('keeps a base value the service leaves null, as the rules do', () => {
    expect(resolve('services:\n  base:\n    read_only: true\n  web:\n    extends: base\n    read_only:\n').spec.read_only).toBe(true);
  });

  it.each([
    ['a missing base', 'services:\n  web:\n    extends: nowhere\n', /has no service "nowhere"/],
    ['a loop', 'services:\n  a:\n    extends: web\n  web:\n    extends: a\n', /loops back to "web"/],
    ['a base in another file', 'services:\n  web:\n    extends: { file: other.yaml, service: base }\n', /reads only compose\.yaml/],
  ])('says why it cannot follow %s', (_name, text, reason) => {
    expect(resolve(text).invalid).toEqual([{ setting: expect.any(String), reason: expect.stringMatching(reason) }]);
  });
});
