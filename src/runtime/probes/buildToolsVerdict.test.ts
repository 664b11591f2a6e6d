import { describe, expect, it } from 'vitest';
import { buildToolsVerdict } from './buildToolsVerdict.js';

const paths = ['/usr/local/bin/gcc', '/usr/bin/apt-get', '/var/lib/apt/lists'];

describe('buildToolsVerdict', () => {
  it('passes when the builder had the tools and the final image has none', () => {
    const verdict = buildToolsVerdict({ builderImage: 'gcc:13.2.0', paths, inBuilder: paths, inFinal: [] });
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/gcc:13.2.0 has .*gcc.*none of them/) });
  });

  it('fails and names what shipped', () => {
    const verdict = buildToolsVerdict({ builderImage: 'gcc:13.2.0', paths, inBuilder: paths, inFinal: ['/usr/local/bin/gcc'] });
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/final image still has \/usr\/local\/bin\/gcc: the build tools ship/);
  });

  it('refuses to judge when the builder image had none of the paths', () => {
    expect(buildToolsVerdict({ builderImage: 'busybox:1.36.1', paths, inBuilder: [], inFinal: [] }).passed).toBe(false);
  });
});
