import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { scanSeverityGate } from './scan-severity-gate.js';

const lint = (text: string) => lintText(text, '.github/workflows/ci.yml', 'ci', { rules: [scanSeverityGate] }).findings;

const github = (steps: string) => `on: push\npermissions: {}\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci/scan-severity-gate', () => {
  it.each([
    ['--severity CRITICAL,HIGH', github('      - run: trivy image --exit-code 1 --severity CRITICAL,HIGH app\n')],
    ['--severity=critical (any case)', github('      - run: trivy image --exit-code 1 --severity=critical app\n')],
    ['-s CRITICAL', github('      - run: trivy image --exit-code 1 -s CRITICAL app\n')],
    ['trivy-action severity', github("      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          exit-code: '1'\n          severity: 'CRITICAL,HIGH'\n")],
    ['a non-trivy scanner', github('      - run: grype app --fail-on high\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no --severity', github('      - run: trivy image --exit-code 1 app\n'), 'sets no severity'],
    ['HIGH only', github('      - run: trivy image --exit-code 1 --severity HIGH,MEDIUM app\n'), 'gates on HIGH,MEDIUM but not CRITICAL'],
    ['trivy-action without severity', github("      - uses: aquasecurity/trivy-action@0.20.0\n        with:\n          exit-code: '1'\n"), 'sets no severity'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/scan-severity-gate', line: 7, severity: 'info', item: 'image.scanning' });
    expect(findings[0]?.message).toContain(message);
  });
});
