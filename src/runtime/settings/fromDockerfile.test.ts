import { describe, expect, it } from 'vitest';
import { fromDockerfile } from './fromDockerfile.js';

describe('fromDockerfile', () => {
  it('changes nothing the image says and notes nothing', () => {
    const settings = fromDockerfile('Dockerfile');
    expect(settings).toMatchObject({ host: {}, secretFiles: [], requireNonRoot: false, notes: [], refusals: [], invalid: [] });
    expect(settings.user).toBeUndefined();
    expect(settings.healthcheck).toBeUndefined();
    expect(settings.source).toMatch(/Dockerfile/);
  });
});
