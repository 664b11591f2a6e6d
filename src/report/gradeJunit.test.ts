import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/gradeFixtures.js';
import { junitProblems } from '../../test/helpers/junitSchema.js';
import { reportToJunit } from './gradeJunit.js';

describe('grade JUnit', () => {
  it('is valid against the JUnit schema Jenkins and GitLab read', async () => {
    expect(await junitProblems(reportToJunit(sampleReport()))).toEqual([]);
  });

  it('the schema really checks: a testcase without a name fails it', async () => {
    const broken = reportToJunit(sampleReport()).replace(/<testcase name="[^"]*"/, '<testcase');
    expect((await junitProblems(broken)).join('\n')).toMatch(/name/);
  });

  it('has a suite per student and a failure with the evidence for each failed check', () => {
    const xml = reportToJunit(sampleReport());
    expect(xml.match(/<testsuite /g)?.length).toBe(2);
    expect(xml).toContain('<testsuite name="alice" id="0" tests="3" failures="1"');
    expect(xml).toContain('<property name="score" value="3"/>');
    expect(xml).toContain('classname="alice.healthcheck"');
    // Evidence is escaped, and a control character XML cannot carry is replaced.
    expect(xml).toContain('never healthy: &lt;timeout&gt; &amp; "retries" \uFFFD bell</failure>');
    expect(xml).toContain('message="healthy: never healthy: &lt;timeout&gt; &amp; &quot;retries&quot; \uFFFD bell (0 of 1 points)"');
    expect(xml).not.toContain('\u0007');
  });
});
