import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { scanBuiltImages } from './scan-built-images.js';

const lint = (text: string, file = '.github/workflows/ci.yml') => lintText(text, file, 'ci', { rules: [scanBuiltImages] }).findings;

const github = (steps: string) => `name: ci\non: push\npermissions:\n  contents: read\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci/scan-built-images', () => {
  it.each([
    ['no image build at all', github('      - run: npm test\n')],
    ['a build followed by trivy', github('      - run: docker build -t app .\n      - run: trivy image --exit-code 1 app\n')],
    ['build-push-action and trivy-action', github("      - uses: docker/build-push-action@v5\n      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          image-ref: app\n")],
    ['grype', github('      - run: docker buildx build -t app .\n      - run: grype app --fail-on high\n')],
    ['docker scout cves', github('      - run: docker build -t app .\n      - run: docker scout cves --exit-code app\n')],
    ['anchore/scan-action', github('      - run: docker build -t app .\n      - uses: anchore/scan-action@v3\n')],
    ['snyk container test', github('      - run: docker build -t app .\n      - run: snyk container test app\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a template entry', 'include:\n  - template: Jobs/Container-Scanning.gitlab-ci.yml\n'],
    ['the Security/ path as a bare string', 'include: Security/Container-Scanning.gitlab-ci.yml\n'],
  ])("passes GitLab's container-scanning template included as %s", (_name, include) => {
    const text = `${include}variables:\n  CS_IMAGE: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\nbuild:\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n`;
    expect(lint(text, '.gitlab-ci.yml')).toEqual([]);
    expect(lint(text.replace('Container-Scanning', 'SAST'), '.gitlab-ci.yml')).toHaveLength(1);
  });

  it('flags a docker build with no scanner, at the build step', () => {
    const findings = lint(github('      - uses: actions/checkout@v4\n      - run: docker build -t app .\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/scan-built-images', line: 10, severity: 'warning', item: 'image.scanning' });
    expect(findings[0]?.message).toContain('`docker build -t app .` builds an image');
  });

  it('flags build-push-action with no scanner', () => {
    const findings = lint(github('      - uses: docker/build-push-action@v5\n        with:\n          push: true\n'));
    expect(findings[0]?.message).toContain('`uses: docker/build-push-action@v5`');
    expect(findings[0]?.line).toBe(9);
  });

  it('does not count trivy fs or trivy config as an image scan', () => {
    expect(lint(github('      - run: docker build -t app .\n      - run: trivy fs --exit-code 1 .\n'))).toHaveLength(1);
  });

  it('reads GitLab CI scripts', () => {
    const text = 'build:\n  image: docker:25.0.3\n  script:\n    - docker build -t app .\n    - docker push app\n';
    const findings = lint(text, '.gitlab-ci.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 7 });
  });

  it('flags a scan that only runs after the push in the same job', () => {
    const workflow = [
      'on: push', 'permissions: {contents: read}', 'jobs:', '  image:', '    runs-on: ubuntu-latest', '    steps:',
      '      - run: docker build -t registry.example/app:1 .',
      '      - run: docker push registry.example/app:1',
      '      - uses: aquasecurity/trivy-action@0.28.0', '        with: {image-ref: "registry.example/app:1", exit-code: "1", severity: "CRITICAL,HIGH"}',
    ].join('\n');
    const findings = lintText(workflow, '.github/workflows/ci.yml', 'ci', { rules: [scanBuiltImages] }).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/scan-built-images', line: 8 });
    expect(findings[0]?.message).toContain('pushes the image before any scan runs');
  });

  it('accepts a scan between build and push', () => {
    const workflow = [
      'on: push', 'permissions: {contents: read}', 'jobs:', '  image:', '    runs-on: ubuntu-latest', '    steps:',
      '      - run: docker build -t registry.example/app:1 .',
      '      - uses: aquasecurity/trivy-action@0.28.0', '        with: {image-ref: "registry.example/app:1", exit-code: "1", severity: "CRITICAL,HIGH"}',
      '      - run: docker push registry.example/app:1',
    ].join('\n');
    expect(lintText(workflow, '.github/workflows/ci.yml', 'ci', { rules: [scanBuiltImages] }).findings).toEqual([]);
  });
});
