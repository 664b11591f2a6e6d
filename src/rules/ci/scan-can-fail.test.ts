import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { scanCanFail } from './scan-can-fail.js';

const lint = (text: string, file = '.github/workflows/ci.yml') => lintText(text, file, 'ci', { rules: [scanCanFail] }).findings;

const github = (steps: string) => `on: push\npermissions: {}\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci/scan-can-fail', () => {
  it.each([
    ['trivy --exit-code 1', github('      - run: trivy image --exit-code 1 --severity CRITICAL app\n')],
    ['trivy --exit-code=2', github('      - run: trivy image --exit-code=2 app\n')],
    ['trivy with TRIVY_EXIT_CODE in the step env', github('      - run: trivy image app\n        env:\n          TRIVY_EXIT_CODE: 1\n')],
    ["trivy-action with exit-code '1'", github("      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          image-ref: app\n          exit-code: '1'\n")],
    ['trivy-action with a numeric exit-code', github('      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          exit-code: 1\n')],
    ['grype --fail-on', github('      - run: grype app --fail-on critical\n')],
    ['anchore/scan-action (fails by default)', github('      - uses: anchore/scan-action@v3\n        with:\n          image: app\n')],
    ['docker scout cves --exit-code', github('      - run: docker scout cves --exit-code --only-severity critical app\n')],
    ['snyk container test', github('      - run: snyk container test app\n')],
    ['trivy-action in fs mode is not an image scan', github("      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          scan-type: fs\n")],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['trivy without --exit-code', github('      - run: trivy image --severity CRITICAL app\n'), 7, 'trivy exits 0 on findings'],
    ['trivy --exit-code 0', github('      - run: trivy image --exit-code 0 app\n'), 7, 'unless `--exit-code 1`'],
    ['trivy with || true', github('      - run: trivy image --exit-code 1 app || true\n'), 7, 'swallowed by `|| true`'],
    ['trivy-action without exit-code', github('      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          image-ref: app\n'), 7, "exit-code: '1'"],
    ['grype without --fail-on', github('      - run: grype app\n'), 7, '--fail-on'],
    ['anchore fail-build false', github('      - uses: anchore/scan-action@v3\n        with:\n          fail-build: false\n'), 7, '`fail-build: false`'],
    ['docker scout cves without --exit-code', github('      - run: docker scout cves app\n'), 7, '--exit-code'],
    ['continue-on-error', github('      - run: trivy image --exit-code 1 app\n        continue-on-error: true\n'), 7, '`continue-on-error: true`'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/scan-can-fail', line, severity: 'warning', item: 'image.scanning' });
    expect(findings[0]?.message).toContain(message);
  });

  it('flags a GitLab job with allow_failure', () => {
    const text = 'scan:\n  allow_failure: true\n  script:\n    - trivy image --exit-code 1 app\n';
    expect(lint(text, '.gitlab-ci.yml')[0]).toMatchObject({ line: 4, message: expect.stringContaining('allow_failure') });
  });
});
