/**
 * The differential test every fast YAML reader answers to: where a reader answers, its values
 * and the position of every node must be the `yaml` package's. Inputs: hand-written tricky
 * cases, generated documents, and every YAML file of the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { InputError } from '../../src/parse/position.js';
import { parseWithYamlPackage, parseYamlDocumentsTelling, type YamlDocument, type YamlDocuments, type YamlPath } from '../../src/parse/yamlSource.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every YAML fixture of the repository: lessons, challenges, tests and docs. */
export function yamlFixtures(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) found.push(full);
    }
  };
  for (const top of ['challenges', 'lessons', 'test', 'docs']) walk(path.join(root, top));
  return found.sort();
}

/** Every path to an existing node, and a few that miss, for positionOf to answer. */
function pathsOf(value: unknown, prefix: YamlPath = []): YamlPath[] {
  const paths: YamlPath[] = [prefix, [...prefix, 'no-such-key'], [...prefix, 7777]];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
    if (value.length > 0) paths.push([...prefix, '0'], [...prefix, -1], [...prefix, value.length]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function complete(text: string): YamlDocuments | InputError {
  try {
    return parseWithYamlPackage(text, 'f.yaml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** The whole chain of readers, as lint calls it, must be indistinguishable from the `yaml` path. */
export function expectSameResult(text: string): 'plain' | 'fast' | 'complete' {
  let told: ReturnType<typeof parseYamlDocumentsTelling>;
  try {
    told = parseYamlDocumentsTelling(text, 'f.yaml');
  } catch (error) {
    // Only the guards throw, before either reader runs.
    expect(error).toBeInstanceOf(InputError);
    return 'complete';
  }
  const expected = complete(text);
  if (expected instanceof InputError) throw new Error(`the yaml path threw where the guards passed: ${expected.message}`);
  const { yaml: actual } = told;
  expect(actual.errors.map((error) => error.message)).toStrictEqual(expected.errors.map((error) => error.message));
  expect(actual.documents.map((doc) => [doc.index, doc.value])).toStrictEqual(expected.documents.map((doc) => [doc.index, doc.value]));
  actual.documents.forEach((doc, i) => {
    const reference = expected.documents[i];
    if (!reference) throw new Error('document missing');
    for (const where of pathsOf(doc.value)) expect([where, doc.positionOf(where)]).toStrictEqual([where, reference.positionOf(where)]);
  });
  return told.reader;
}


/**
 * One reader on its own: true when it answered, and then agreed with the `yaml` package
 * (which must have read the text without an error).
 */
export function expectReaderAgrees(read: (text: string) => YamlDocument[] | undefined, text: string): boolean {
  const documents = read(text);
  if (!documents) return false;
  const expected = complete(text);
  if (expected instanceof InputError) throw new Error(`a reader answered where the yaml path threw: ${expected.message}`);
  expect(expected.errors.map((error) => error.message)).toStrictEqual([]);
  expect(documents.map((doc) => [doc.index, doc.value])).toStrictEqual(expected.documents.map((doc) => [doc.index, doc.value]));
  documents.forEach((doc, i) => {
    const reference = expected.documents[i] as YamlDocument;
    for (const where of pathsOf(doc.value)) expect([where, doc.positionOf(where)]).toStrictEqual([where, reference.positionOf(where)]);
  });
  return true;
}

/**
 * Every YAML file of the repository through one reader: each answer must agree (a failure names
 * the file). Returns how many files there are and how many the reader answered for.
 */
export function fixturesAnswered(read: (text: string) => YamlDocument[] | undefined): { files: number; answered: number } {
  const files = yamlFixtures();
  const answered = files.filter((file) => {
    try {
      return expectReaderAgrees(read, readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${path.relative(root, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { files: files.length, answered: answered.length };
}

export const ordinaryManifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: "front"}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports: [{containerPort: 8080}]
          securityContext:
            runAsNonRoot: true
`;

export const tricky: Record<string, string> = {
  flowCollections: 'a: {b: 1, c: [x, y, {z: w}], "q k": \'v\'}\nd: [ ]\ne: { }\nf: [1, [2, [3]]]\n',
  multilineFlow: 'a: {\n  b: 1,\n  c: [\n    x,\n    y\n  ]\n}\n',
  nestedSequences: '- - a\n  - b\n- - - c\n-\n  - d\n',
  compactItems: 'items:\n- name: a\n  value: 1\n- name: b\n  nested:\n  - k: v\n    j: w\n',
  indentedItems: 'items:\n  -   name: a\n      value: 1\n  -\n    name: b\n',
  blockScalars: 'a: |\n  line1\n  line2\nb: >\n  folded\n  text\n\n  para\nc: |-\n  strip\nd: |+\n  keep\n\ne: >2-\n    indented\nf: |\n  #not a comment\ng: x\n',
  quotedKeys: '"a b": 1\n\'c:d\': 2\n"": 3\n"e\\"f": 4\n? unusual\n',
  quotedKeysOnly: '"a b": 1\n\'c:d\': 2\n"": 3\n"e\\"f": 4\nplain: "x\\ty\\u00e9\\n"\nsingle: \'it\'\'s\'\n',
  emptyValues: 'a:\nb:\n  c:\n  d: ~\ne: null\nf: ""\n',
  comments: '# head\na: 1 # tail\n# between\nb:\n  # inside\n  c: 2\n  #d: 3\nlist:\n  # before item\n  - x # after\n',
  multiDocuments: '---\na: 1\n---\nb: 2\n...\n---\nc: 3\n',
  trailingMarker: 'a: 1\n---\n',
  leadingComment: '# comment\n---\na: 1\n',
  emptyDocument: '---\n---\na: 1\n',
  windows: 'a: 1\r\nb:\r\n  - x\r\n  - y: z\r\nc: |\r\n  t\r\n',
  bom: '\uFEFFa: 1\nb:\n  c: 2\n',
  unicode: 'naïve: "ünïcödé"\nemoji: 🐳\n日本: 語\nlist: [é, ß]\n',
  numbers: 'a: 0755\nb: 0o17\nc: 1e3\nd: .inf\ne: -.Inf\nf: .nan\ng: 0x1F\nh: 1.5\ni: -12\nj: +12\nk: 1_000\nl: 12e\nm: 0.\n',
  numbersThatDiffer: 'a: +.5\nb: 0b101\nc: -0\nd: 1e400\n',
  signedNumbers: 'a: +0x1F\nb: -0o7\n',
  booleans: 'a: yes\nb: no\nc: true\nd: False\ne: TRUE\nf: on\ng: off\nh: y\ni: tRue\n',
  nulls: 'a: null\nb: ~\nc: Null\nd: NULL\ne: nUll\nf:\n',
  nonStringKeys: '1: a\ntrue: b\nnull: c\n1.5: d\n',
  duplicateKeys: 'a: 1\nb: 2\na: 3\n',
  duplicateKeysLater: 'a: 1\n---\nx: 1\nx: 2\n',
  deepPaths: 'a:\n  b:\n    c:\n      d:\n        - e:\n            f: [g, {h: i}]\n',
  anchors: 'base: &b {x: 1}\nuse: *b\n',
  tags: 'a: !!str 123\nb: !custom x\n',
  directive: '%YAML 1.1\n---\na: yes\n',
  syntaxError: 'a: [1, 2\nb: 3\n',
  badIndent: 'a:\n  b: 1\n c: 2\n',
  tabIndent: 'a:\n\tb: 1\n',
  brokenSecond: 'a: 1\n---\nb: [\n---\nc: 3\n',
  multilineKey: 'a\nb: 1\n',
  colonsInValues: 'url: http://x:80/y\ntime: 12:30:45\ncmd: "a: b"\nplain: a:b\n',
  hashInValues: 'a: b#c\nb: "#x"\nc: d # e\n',
  plainMultiline: 'a: one\n  two\n  three\nb: - x\n',
  specialStrings: 'a: "@at"\nb: "`tick`"\nc: \'%pct\'\nd: "*star"\ne: "&amp"\nf: "!bang"\ng: a && b\nh: "*.txt"\n',
  proto: '__proto__: {a: 1}\n',
  flowPairInSequence: 'a: [b: 1, c]\n',
  flowKeyWithoutValue: 'a: {b, c: 1}\n',
  numericKeysOrder: '"10": a\n"2": b\nx: c\n',
  rootScalar: 'just a string\n',
  rootSequence: '- 1\n- two\n',
  emptyText: '',
  commentOnly: '# nothing\n',
  whitespaceOnly: '\n\n   \n',
  longKey: `${'k'.repeat(1100)}: v\n`,
  doubleQuotedFolding: 'a: "one\n  two\\\n  three"\nb: \'x\n\n  y\'\n',
  escapes: 'a: "\\x41\\u0042\\U00000043\\N\\_\\e\\0\\a\\b\\v\\f\\/\\ \\t"\n',
  trailingSpaces: 'a: 1   \nb: x  \n  \nc:   \n',
  documentEnd: 'a: 1\n...\n',
  explicitKey: '? a\n: 1\n',
  indentedRoot: '  a: 1\n  b: 2\n',
  sameIndentSequence: 'a:\n- 1\n- 2\nb: 3\n',
  nestedEmptyItem: 'a:\n  -\n  - x\n',
  tabsInValues: 'a: x\ty\nb: "\t"\n',
};


/** Deterministic random documents mixing block and flow styles and every scalar form. */
export function generated(seed: number, count: number): string[] {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const scalars = ['plain', '"double"', "'single'", '42', '0755', '1.5', 'true', 'no', '~', '""', 'a b c', 'x: y'.replace(': ', '-'), '"q: uoted"', '.inf', '0o7', 'ünï', '1e3'];
  const scalar = () => scalars[random(scalars.length)] as string;
  const flow = (depth: number): string => {
    if (depth > 2 || random(3) === 0) return scalar();
    if (random(2) === 0) return `[${Array.from({ length: random(3) }, () => flow(depth + 1)).join(', ')}]`;
    return `{${Array.from({ length: random(3) }, (_, i) => `k${i}: ${flow(depth + 1)}`).join(', ')}}`;
  };
  const block = (indent: string, depth: number): string => {
    const lines: string[] = [];
    const entries = 1 + random(3);
    const asSequence = random(3) === 0;
    for (let i = 0; i < entries; i++) {
      const choice = depth > 3 ? random(3) : random(6);
      const lead = asSequence ? `${indent}- ` : `${indent}key${i}: `;
      if (random(5) === 0) lines.push(`${indent}# comment ${i}`);
      if (choice === 0) lines.push(`${lead}${scalar()}`);
      else if (choice === 1) lines.push(`${lead}${flow(0)}`);
      else if (choice === 2) lines.push(`${lead}|\n${indent}  text ${i}\n${indent}  more`);
      else if (asSequence && choice === 3) lines.push(`${lead}name: n${i}\n${indent}  value: ${scalar()}`);
      else lines.push(`${lead.trimEnd()}\n${block(`${indent}  `, depth + 1)}`);
    }
    return lines.join('\n');
  };
  return Array.from({ length: count }, () => {
    const documents = Array.from({ length: 1 + random(3) }, () => `${block('', 0)}\n`);
    return random(2) === 0 ? documents.join('---\n') : `---\n${documents.join('---\n')}`;
  });
}

