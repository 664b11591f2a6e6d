/**
 * The guards in front of the YAML readers: input no real manifest looks like is refused with a
 * position, quickly, before a reader spends minutes on it.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from './position.js';
import { parseYamlDocuments } from './yamlSource.js';

const aliases = (count: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &n x}\ndata:\n${Array.from({ length: count }, (_, i) => `  k${i}: *n\n`).join('')}`;

describe('parseYamlDocuments guards', () => {
  it('refuses a file of thousands of aliases before parsing it, at the alias past the limit', () => {
    // The yaml package's parse is quadratic in aliases: 16,000 took 2.6 s, 300,000 ten minutes.
    const started = performance.now();
    let error: unknown;
    try {
      parseYamlDocuments(aliases(16_000), 'aliases.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).format()).toMatch(/^aliases\.yaml:1005:10: more than 1000 YAML aliases/);
  });

  it('still reads a manifest with a few aliases, and quoted stars are not aliases', () => {
    const { documents, errors } = parseYamlDocuments(`${aliases(3)}  hosts: "*.example.com, *.example.org"\n`, 'few.yaml');
    expect(errors).toEqual([]);
    expect(documents[0]?.value).toMatchObject({ data: { k0: 'x', k2: 'x', hosts: '*.example.com, *.example.org' } });
  });
});

describe('deeply nested YAML', () => {
  it.each([
    ['flow sequences', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['flow maps', `apiVersion: v1\nkind: Pod\nspec: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
  ])('is a parse error that says so, not V8\'s stack overflow message (%s)', (_name, text) => {
    const { errors } = parseYamlDocuments(text, 'deep.yaml');
    expect(errors[0]?.message).toContain('nested too deeply');
    expect(errors[0]?.message).not.toContain('Maximum call stack');
  });
});
