import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { generateSbom } from './generate-sbom.js';

const lint = (text: string) => lintText(text, '.github/workflows/ci.yml', 'ci', { rules: [generateSbom] }).findings;

const github = (steps: string) => `on: push\npermissions: {}\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci/generate-sbom', () => {
  it.each([
    ['no build', github('      - run: npm test\n')],
    ['syft', github('      - run: docker build -t app .\n      - run: syft app -o spdx-json > sbom.json\n')],
    ['buildx --sbom', github('      - run: docker buildx build --sbom=true -t app --push .\n')],
    ['anchore/sbom-action', github('      - run: docker build -t app .\n      - uses: anchore/sbom-action@v0\n')],
    ['trivy in CycloneDX format', github('      - run: docker build -t app .\n      - run: trivy image --format cyclonedx --output sbom.json app\n')],
    ['build-push-action with sbom', github('      - uses: docker/build-push-action@v5\n        with:\n          sbom: true\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a docker build alone', github('      - run: docker build -t app .\n'), 7, '`docker build -t app .`'],
    ['buildx with --sbom=false', github('      - run: docker buildx build --sbom=false -t app .\n'), 7, 'no step produces an SBOM'],
    ['trivy in table format', github('      - run: docker build -t app .\n      - run: trivy image --format table app\n'), 7, 'docker build'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/generate-sbom', line, severity: 'info', item: 'image.sbom' });
    expect(findings[0]?.message).toContain(message);
  });
});
