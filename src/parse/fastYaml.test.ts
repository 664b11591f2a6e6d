import { describe, expect, it } from 'vitest';
import { expectReaderAgrees, expectSameResult, fixturesAnswered, generated, ordinaryManifest, tricky } from '../../test/helpers/yamlAgreement.js';
import { parseYamlFast } from './fastYaml.js';
import { parseYamlDocumentsTelling } from './yamlSource.js';

const fast = (text: string) => parseYamlFast(text);

describe('parseYamlFast (js-yaml), against the yaml package', () => {
  it('answers for an ordinary manifest, positions included', () => {
    expect(expectReaderAgrees(fast, ordinaryManifest)).toBe(true);
    const [doc] = parseYamlFast(ordinaryManifest) ?? [];
    expect(doc?.positionOf(['spec', 'template', 'spec', 'containers', 0, 'image'])).toStrictEqual({ line: 12, column: 11 });
    expect(doc?.positionOf(['spec', 'template', 'spec', 'containers', 0])).toStrictEqual({ line: 11, column: 11 });
    expect(doc?.positionOf(['spec', 'missing', 'deeper'])).toStrictEqual({ line: 6, column: 1 });
  });

  it.each(Object.entries(tricky))('agrees on %s', (_name, text) => {
    expectReaderAgrees(fast, text);
  });

  it('leaves what it cannot vouch for to the yaml path', () => {
    for (const name of ['duplicateKeys', 'duplicateKeysLater', 'anchors', 'tags', 'directive', 'syntaxError', 'numbersThatDiffer', 'signedNumbers', 'nonStringKeys', 'emptyDocument', 'trailingMarker', 'proto', 'longKey', 'explicitKey']) {
      expect([name, parseYamlFast(tricky[name] as string)]).toStrictEqual([name, undefined]);
    }
  });

  it('agrees on generated documents', () => {
    const answered = generated(20261202, 400).filter((text) => expectReaderAgrees(fast, text));
    expect(answered.length).toBeGreaterThan(100);
  });

  it('agrees on every YAML fixture of the repository', () => {
    const { files, answered } = fixturesAnswered(fast);
    expect(files).toBeGreaterThan(20);
    expect(answered).toBeGreaterThan(files / 2);
  });
});

describe('the chain of YAML readers, as lint calls it', () => {
  it.each(Object.entries(tricky))('agrees with the yaml package on %s', (_name, text) => {
    expectSameResult(text);
  });

  it('names a duplicate key, through the yaml path', () => {
    expect(parseYamlDocumentsTelling(tricky.duplicateKeys as string, 'f.yaml').yaml.errors[0]?.message).toContain('the key "a" appears twice');
  });

  it('agrees on generated and tricky documents, each reader answering some', () => {
    const readers = [...generated(20261203, 400), ...Object.values(tricky)].map(expectSameResult);
    for (const reader of ['plain', 'fast', 'complete'] as const) expect([reader, readers.includes(reader)]).toStrictEqual([reader, true]);
  });
});
