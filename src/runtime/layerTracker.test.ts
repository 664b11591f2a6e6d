import { describe, expect, it } from 'vitest';
import { builderMessage, cacheRepositoryFor, LayerTracker } from './build.js';

/** Feeds classic-builder output and returns the layers the tracker says this build committed. */
function claims(output: string) {
  const tracker = new LayerTracker();
  for (const line of output.split('\n')) tracker.read(line);
  return tracker.finish();
}

describe('LayerTracker', () => {
  it('claims the layers each step committed, each on its parent, not the base image nor cache hits', () => {
    const output = [
      'Step 1/5 : FROM busybox:1.36.1',
      ' ---> 4de423f7a215',
      'Step 2/5 : COPY a /a',
      ' ---> 2c51cbe8cae7',
      'Step 3/5 : ENV X=1',
      ' ---> Using cache',
      ' ---> 18b831104a15',
      'Step 4/5 : RUN echo hi',
      ' ---> Running in 63c8195accfc',
      'hi',
      'Removing intermediate container 63c8195accfc',
      ' ---> 205bf8734f4b',
      'Step 5/5 : CMD ["sh"]',
      ' ---> Running in 866cad64b575',
      ' ---> 516608830e5d',
      'Successfully built 516608830e5d',
    ].join('\n');
    expect(claims(output)).toEqual([
      { id: '2c51cbe8cae7', parent: '4de423f7a215' },
      { id: '205bf8734f4b', parent: '18b831104a15' },
      { id: '516608830e5d', parent: '205bf8734f4b' },
    ]);
  });

  it('counts a FROM that ran ONBUILD triggers as a commit of this build', () => {
    expect(claims('Step 1/2 : FROM base\n ---> 0000000000aa\n# Executing 1 build trigger\n ---> Running in 1a2b3c4d5e6f\n ---> 0123456789ab')).toEqual([
      { id: '0123456789ab', parent: '0000000000aa' },
    ]);
  });

  it('takes only the last id of a step, so a RUN that prints one cannot name it', () => {
    const output = 'Step 1/2 : FROM base\n ---> 4de423f7a215\nStep 2/2 : RUN echo\n ---> Running in 1a2b3c4d5e6f\n ---> Using cache\n ---> 999999999999\n ---> 0123456789ab';
    expect(claims(output)).toEqual([{ id: '0123456789ab', parent: '4de423f7a215' }]);
  });
});

describe('cacheRepositoryFor', () => {
  it("names the cache after a session's image, and nothing else", () => {
    expect(cacheRepositoryFor('shipshape-check/suid-escalation:abc-1-2-def')).toBe('shipshape-cache/suid-escalation');
    expect(cacheRepositoryFor('myimage:latest')).toBeUndefined();
  });
});

describe('builderMessage', () => {
  it("never echoes a server's error page", () => {
    const message = builderMessage('error parsing HTTP 404 response body: invalid character \'<\' looking for beginning of value: "<html><body>internal token abc123</body></html>"');
    expect(message).toBe('error parsing HTTP 404 response body (not shown: it came from a server)');
    expect(builderMessage('failed: <!DOCTYPE html><p>secret</p>')).not.toContain('secret');
  });

  it('keeps an ordinary message, on one line and bounded', () => {
    expect(builderMessage("The command '/bin/sh -c exit 3' returned a non-zero code: 3\n")).toBe("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
    expect(builderMessage('x'.repeat(1000)).length).toBeLessThanOrEqual(403);
  });
});
