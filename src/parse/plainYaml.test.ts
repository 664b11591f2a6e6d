import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectReaderAgrees, fixturesAnswered, generated, ordinaryManifest, tricky, yamlFixtures } from '../../test/helpers/yamlAgreement.js';
import { parsePlainYaml } from './plainYaml.js';

const plain = (text: string) => parsePlainYaml(text);

/** Manifests as people write them, each a shape the plain reader must answer for itself. */
const everyday: Record<string, string> = {
  deployment: ordinaryManifest,
  sameIndentLists: 'spec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    env:\n    - name: A\n      value: "1"\n    - {name: B, value: two}\n  volumes:\n  - name: data\n    emptyDir: {}\n',
  itemsOnNextLine: 'items:\n  -\n    name: a\n    value: 1\n  - name: b\n',
  configMapScripts: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  run.sh: |\n    #!/bin/sh\n    set -eu\n\n    exec "$@"\n  strip: |-\n    one\n    two\n  keep: |+\n    kept\n\n  after: x\n',
  literalInSequence: 'args:\n- |\n  first\n  second\n- plain\n',
  quoting: 'a: "double \\"q\\" \\\\ / \\n\\t"\nb: \'it\'\'s\'\n"quoted key": 1\n\'single key\': 2\nc: "a: b # not a comment"\n',
  scalars: 'int: 42\nneg: -7\nzero: 0\ndecimal: 1.50\nt: true\nf: False\nn: ~\nnull2: NULL\nempty:\nversion: 1.2.3\nport: "8080"\ntime: 12:30\nurl: http://x:80/y\nhash: a#b\ndash: -v\n',
  comments: '# top\n\nkind: Pod # trailing\n# between\nmetadata:\n  # inside\n  name: web   # spaced\n\n\nspec: {}\n',
  documents: '---\nkind: A\n--- # second\nkind: B\n---\n- x\n- y\n',
  flows: 'a: {b: 1, c: [x, "y z", {d: e}], \'q\': w}\nb: [ ]\nc: { }\nd: [get, list, watch]\ne: ["no-new-privileges:true"]\nf: {url: http://x:1}\n',
  unicode: 'name: "ünïcödé"\n日本: 語\nlist: [é, ß]\n',
  indentedRoot: '  a: 1\n  b:\n    c: 2\n',
  spacedColons: 'a  : 1\nb:    2\n',
  jsonLikeFlow: 'a: {"x":1, "y": [1, 2, "three"], "z":{"w":null}}\nb: ["a","b"]\n',
  quotedItemKeys: 'items:\n- "name": a\n  \'value\': b\n- "plain"\n',
  // More keys than the position index keeps in a list: looked up through a Map instead.
  wideMap: `data:\n${Array.from({ length: 40 }, (_, i) => `  key${i}: {nested${i}: [${i}, x]}\n`).join('')}after: 1\n`,
  keysThatLookSpecial: 'constructor: 1\ntoString: 2\nhasOwnProperty: 3\nkey.with.dots: 4\nkey/with/slash: 5\nkey-with-dash: 6\n',
};

describe('parsePlainYaml, against the yaml package', () => {
  it.each(Object.entries(everyday))('answers for %s, and agrees', (_name, text) => {
    expect(expectReaderAgrees(plain, text)).toBe(true);
  });

  it('places a finding where the yaml package would', () => {
    const [doc] = parsePlainYaml(ordinaryManifest) ?? [];
    expect(doc?.positionOf(['spec', 'template', 'spec', 'containers', 0, 'image'])).toStrictEqual({ line: 12, column: 11 });
    expect(doc?.positionOf(['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])).toStrictEqual({ line: 13, column: 20 });
    expect(doc?.positionOf(['spec', 'missing', 'deeper'])).toStrictEqual({ line: 6, column: 1 });
    expect(doc?.positionOf([])).toStrictEqual({ line: 1, column: 1 });
  });

  it.each(Object.entries(tricky))('agrees on %s, or leaves it to the others', (_name, text) => {
    expectReaderAgrees(plain, text);
  });

  it('leaves to the other readers what it cannot vouch for', () => {
    const refused = ['duplicateKeys', 'duplicateKeysLater', 'anchors', 'tags', 'directive', 'syntaxError', 'numbers', 'numbersThatDiffer', 'nonStringKeys', 'emptyDocument', 'trailingMarker', 'proto', 'longKey', 'explicitKey', 'windows', 'bom', 'tabIndent', 'tabsInValues', 'multilineFlow', 'nestedSequences', 'plainMultiline', 'doubleQuotedFolding', 'escapes', 'documentEnd', 'badIndent', 'multilineKey', 'rootScalar', 'emptyText', 'commentOnly', 'whitespaceOnly', 'flowPairInSequence', 'flowKeyWithoutValue', 'nestedEmptyItem', 'blockScalars'];
    for (const name of refused) expect([name, parsePlainYaml(tricky[name] as string)]).toStrictEqual([name, undefined]);
    for (const text of ['a: 1\nb: "x\n', 'a: |2\n  x\n', 'a: >\n  x\n', 'a: |\n  x', "a: 'x\n", 'k: v\n...\n', '"__proto__": 1\n', 'a: {__proto__: 1}\n', '<<: {a: 1}\n', 'a: [1, 2,]\n', 'a: "x"y\n', 'a: "x"#c\n', 'a: b\n  c: d\n', '- a\n  b\n', 'a:\n  - x\n b: 1\n', 'a: |\n\n      \n  x\n', '---x: 1\n']) {
      expect([text, parsePlainYaml(text)]).toStrictEqual([text, undefined]);
    }
  });

  it('leaves flow collections nested past the stack to the others, without throwing', () => {
    expect(parsePlainYaml(`a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`)).toBeUndefined();
    expect(parsePlainYaml(`a: ${'{b: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`)).toBeUndefined();
  });

  it('leaves to the yaml package what it reads as an error (found by a red-team review)', () => {
    for (const text of ['a: [-]\n', 'a: [-, b]\n', 'a: [a, -]\n', 'a: {b: -}\n', 'a: {b: -, c: d}\n', `a:\n${'k'.repeat(1024)}: v\n`, `- a:\n  ${'k'.repeat(1023)}: v\n`, `a: ${'['.repeat(900)}${']'.repeat(900)}\n`, `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- k:`).join('\n')} 1\n`]) {
      expect([text.slice(0, 40), parsePlainYaml(text)]).toStrictEqual([text.slice(0, 40), undefined]);
    }
  });

  it('stops at the document limit', () => {
    expect(parsePlainYaml('a: 1\n---\nb: 2\n', 1)).toBeUndefined();
    expect(parsePlainYaml('a: 1\n---\nb: 2\n', 2)).toHaveLength(2);
  });

  it('agrees on generated documents', () => {
    const answered = generated(20261202, 600).filter((text) => expectReaderAgrees(plain, text));
    expect(answered.length).toBeGreaterThan(100);
  });

  it('agrees on every YAML fixture of the repository, answering for most', () => {
    const { files, answered } = fixturesAnswered(plain);
    expect(answered).toBeGreaterThan(files / 2);
  });
});

/**
 * A manifest with one small edit, of the kind a hand or a hostile file makes: a character
 * dropped, inserted (mostly YAML's own punctuation) or doubled, a line's indentation changed,
 * a line duplicated or swapped with the next.
 */
function mutated(text: string, seed: number): string {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  let out = text;
  for (let edits = 1 + random(3); edits > 0; edits--) {
    const at = random(out.length + 1);
    const lines = out.split('\n');
    const line = random(lines.length);
    switch (random(7)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1);
        break;
      case 1:
        out = out.slice(0, at) + ': -#|>"\'[]{},&*!?%@`\n\\~0.'.charAt(random(27)) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.charAt(at) + out.slice(at);
        break;
      case 3:
        lines[line] = ' '.repeat(random(4)) + (lines[line] ?? '').trimStart();
        out = lines.join('\n');
        break;
      case 4:
        lines.splice(line, 0, lines[line] ?? '');
        out = lines.join('\n');
        break;
      case 5:
        [lines[line], lines[line + 1]] = [lines[line + 1] ?? '', lines[line] ?? ''];
        out = lines.join('\n');
        break;
      default:
        out = out.slice(0, at) + (random(2) ? '\n' : '  ') + out.slice(at);
    }
  }
  return out;
}

describe('parsePlainYaml on damaged input', () => {
  it('agrees with the yaml package on 4,000 mutated manifests wherever it answers', () => {
    const sources = [...Object.values(everyday), ...yamlFixtures().slice(0, 60).map((file) => readFileSync(file, 'utf8'))];
    let answered = 0;
    for (let seed = 1; seed <= 4000; seed++) {
      const text = mutated(sources[seed % sources.length] as string, seed);
      try {
        if (expectReaderAgrees(plain, text)) answered++;
      } catch (error) {
        throw new Error(`seed ${seed}: ${JSON.stringify(text)}\n${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // Most single edits leave a readable manifest, and the plain reader should still read many.
    expect(answered).toBeGreaterThan(1000);
  }, 120_000);
});
