import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../parse/yamlSource.js';
import { isGoTemplate, mentionsKubernetesKeys, passOverUnreadKinds, recognizeYaml } from './recognizeYaml.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: busybox:1.36.1\n';

describe('recognizeYaml', () => {
  it.each([
    ['a Kubernetes manifest', 'k8s/web.yaml', deployment, 'kubernetes'],
    ['a Deployment after a document that is not Kubernetes', 'k8s/web.yaml', 'settings:\n  replicas: 2\n---\n' + deployment, 'kubernetes'],
    ['a compose file under another name', 'stack.yaml', 'services:\n  web:\n    image: busybox:1.36.1\n', 'compose'],
    ['a GitHub workflow found by content', 'ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps: []\n', 'ci'],
    ['a Helm values file', 'chart/values.yaml', 'replicaCount: 2\nimage:\n  repository: nginx\n  tag: "1.27"\n', 'unknown'],
    ['an Alertmanager configuration', 'alertmanager.yml', 'route:\n  receiver: team\nreceivers:\n  - name: team\n', 'unknown'],
    ['a Prometheus configuration', 'prometheus.yml', 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: node\n', 'unknown'],
    ['a Kubernetes JSON manifest', 'pod.json', '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}}', 'kubernetes'],
    ['package.json', 'package.json', '{"name": "x", "version": "1.0.0"}', 'unknown'],
    ['a Helm template', 'chart/templates/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\n', 'template'],
    ['a Go template outside templates/', 'deploy.yaml.gotmpl', '{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\n{{- end }}\n', 'template'],
    ['Kubernetes objects in a file named like compose', 'compose.yaml', deployment, 'kubernetes'],
    ['a broken manifest (still reported as Kubernetes)', 'pod.yaml', 'apiVersion: v1\nkind: Pod\nspec: [\n', 'kubernetes'],
  ])('%s', (_name, file, text, kind) => {
    expect(recognizeYaml(text, file, file.endsWith('.json') ? 'json' : file === 'compose.yaml' ? 'compose' : 'yaml').kind).toBe(kind);
  });

  it('keeps the valid documents of a file with a broken one, with an error at the broken one', () => {
    const result = recognizeYaml(deployment + '---\nkind: [\n---\n' + deployment, 'k8s/web.yaml', 'yaml');
    expect(result.kind).toBe('kubernetes');
    if (!('yaml' in result)) throw new Error('expected parsed YAML');
    expect(result.yaml.documents).toHaveLength(2);
    expect(result.yaml.errors).toEqual([expect.objectContaining({ position: expect.objectContaining({ line: 13 }) })]);
  });

  it('names the duplicated key', () => {
    const result = recognizeYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n', 'pod.yaml', 'yaml');
    if (!('yaml' in result)) throw new Error('expected parsed YAML');
    expect(result.yaml.errors[0]?.message).toMatch(/the key "name" appears twice/);
    expect(result.yaml.errors[0]?.position.line).toBe(5);
  });
});

describe('mentionsKubernetesKeys (what tells a file too large to read is a manifest)', () => {
  it.each([
    ['block YAML', 'apiVersion: v1\nkind: List\nitems:\n', false],
    ['one flow map', '{apiVersion: v1, kind: List, items: [', false],
    ['JSON written in a .yaml file', '{"apiVersion": "v1", "kind": "List", "items": [', false],
    ['a JSON manifest', '{\n  "kind": "List",\n  "apiVersion": "v1",\n  "items": [', true],
  ])('recognises %s', (_name, head, json) => {
    expect(mentionsKubernetesKeys(head, json)).toBe(true);
  });
  it.each([
    ['Helm values', 'image: nginx\nreplicas: 3\n', false],
    ['a package lock', '{\n  "name": "app",\n  "lockfileVersion": 3,\n  "packages": {', true],
    ['a CRD schema property, indented', 'properties:\n  apiVersion:\n    type: string\n  kind:\n    type: string\n', false],
  ])('passes over %s', (_name, head, json) => {
    expect(mentionsKubernetesKeys(head, json)).toBe(false);
  });
});

describe('isGoTemplate', () => {
  it.each([
    ['alert rules with $labels in strings', 'rules.yaml', 'groups:\n  - name: a\n    rules:\n      - alert: Down\n        annotations:\n          summary: "{{ $labels.instance }} is down"\n          description: |\n            {{ $labels.instance }} has been down for 5m\n'],
    ['GitHub expressions', '.github/workflows/ci.yml', 'on: push\njobs:\n  a:\n    runs-on: ${{ matrix.os }}\n'],
  ])('is false for %s', (_name, file, text) => {
    expect(isGoTemplate(text, file)).toBe(false);
  });

  it('is true for a template value outside a templates folder', () => {
    expect(isGoTemplate('image: {{ .Values.image }}\n', 'deploy.yaml')).toBe(true);
  });
});

describe('documents of kinds no rule reads', () => {
  const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n';
  it('are not parsed, and the other documents keep their lines', () => {
    const result = recognizeYaml(`${crd}---\n${deployment}`, 'k8s/all.yaml', 'yaml');
    if (!('yaml' in result)) throw new Error('expected parsed YAML');
    expect(result.yaml.documents.map((doc) => (doc.value as { kind?: string } | null)?.kind).filter(Boolean)).toEqual(['Deployment']);
    expect(result.yaml.documents.at(-1)?.positionOf(['kind'])).toEqual({ line: 9, column: 1 });
  });

  it('still make a file of CRDs only a Kubernetes file, with nothing left to read', () => {
    expect(recognizeYaml(crd, 'crds/widgets.yaml', 'yaml').kind).toBe('kubernetes');
    const result = recognizeYaml(`${crd}---\n${crd}`, 'crds/two.yaml', 'yaml');
    expect(result).toMatchObject({ kind: 'kubernetes', yaml: { documents: [], errors: [] } });
  });

  it('leave nothing to parse when every document is passed over, as parsing the blank text would find', () => {
    for (const text of [crd, `${crd}---\n${crd}`, `---\n${crd}---\n${crd}`]) {
      const passed = passOverUnreadKinds(text);
      expect(passed.allPassedOver).toBe(true);
      const result = recognizeYaml(text, 'crds/widgets.yaml', 'yaml');
      expect(result).toStrictEqual({ kind: 'kubernetes', yaml: { file: 'crds/widgets.yaml', documents: [], errors: [] } });
      const parsed = parseYamlDocuments(passed.text, 'crds/widgets.yaml');
      expect({ ...parsed, documents: parsed.documents.map((doc) => doc.value) }).toStrictEqual({ file: 'crds/widgets.yaml', documents: [], errors: [] });
    }
  });

  it('still parse what is left beside them, a comment included', () => {
    expect(passOverUnreadKinds(`# generated\n---\n${crd}`).allPassedOver).toBe(false);
    expect(passOverUnreadKinds(`${crd}---\n${deployment}`).allPassedOver).toBe(false);
    expect(passOverUnreadKinds(`${crd}...\n`).allPassedOver).toBe(false);
  });
});
