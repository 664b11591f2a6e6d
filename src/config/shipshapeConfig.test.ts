import { describe, expect, it } from 'vitest';
import { InputError } from '../parse/position.js';
import { parseConfig } from './shipshapeConfig.js';

const known = new Set(['dockerfile/no-sudo', 'kubernetes/network-policy-present']);

function errorOf(text: string): InputError {
  try {
    parseConfig(text, '.shipshape.yaml', known);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('.shipshape.yaml', () => {
  it('reads every setting', () => {
    const config = parseConfig('exclude: [charts/, "*.tmp.yaml"]\nrules:\n  dockerfile/no-sudo: off\n  kubernetes/network-policy-present: warning\ntrustedRegistries: [registry.example.com/]\nprofile: pss-restricted@v1.30\nfailOn: warning\n', '.shipshape.yaml', known);
    expect(config).toEqual({
      exclude: ['charts/', '*.tmp.yaml'],
      rules: { 'dockerfile/no-sudo': 'off', 'kubernetes/network-policy-present': 'warning' },
      trustedRegistries: ['registry.example.com/'],
      profile: 'pss-restricted@v1.30',
      failOn: 'warning',
    });
  });

  it('is empty when the file is', () => {
    expect(parseConfig('# nothing yet\n', '.shipshape.yaml')).toEqual({ exclude: [], rules: {}, trustedRegistries: [] });
  });

  it.each([
    ['a wrong severity', 'rules:\n  dockerfile/no-sudo: loud\n', 2, /rules\.dockerfile\/no-sudo/],
    ['an unknown key', 'exclude: []\nexcludes: [a]\n', 1, /excludes/],
    ['an unknown rule', 'rules:\n  dockerfile/no-such-rule: off\n', 2, /unknown rule "dockerfile\/no-such-rule"/],
    ['a malformed profile', 'profile: restricted\n', 1, /pss-restricted/],
    ['exclude that is not a list', 'exclude: charts/\n', 1, /exclude/],
    ['settings in a second document, which would be lost', 'exclude: [charts/]\n---\nrules: {dockerfile/no-sudo: off}\n', 3, /one YAML document/],
    ['a __proto__ key, which a plain object drops', 'rules:\n  __proto__: off\n', 2, /"__proto__" is not a setting/],
    // Tens of thousands of characters overflowed the regex compiler: "internal error", exit 70.
    ['an exclude pattern too long to be a path glob', `exclude:\n  - charts/\n  - "${'a*'.repeat(20_000)}x"\n`, 3, /at most 1024 characters/],
  ])('reports %s with its line', (_name, text, line, message) => {
    const error = errorOf(text);
    expect(error.position.line).toBe(line);
    expect(error.format()).toMatch(message);
    expect(error.format()).toMatch(/^\.shipshape\.yaml:\d+:\d+: /);
  });
});
