import { describe, expect, it } from 'vitest';
import { nameHint } from './fileNames.js';

describe('nameHint', () => {
  it.each([
    ['Dockerfile', 'dockerfile'], ['Dockerfile_prod', 'dockerfile'], ['Dockerfile.prod', 'dockerfile'], ['Dockerfile-dev', 'dockerfile'],
    ['prod.Dockerfile', 'dockerfile'], ['Containerfile', 'dockerfile'], ['docker/api.containerfile', 'dockerfile'],
    ['compose.yaml', 'compose'], ['docker-compose.prod.yml', 'compose'], ['compose_override.yaml', 'compose'],
    ['daemon.json', 'daemon'], ['.github/workflows/ci.yml', 'ci'], ['.gitlab-ci.yml', 'ci'],
    ['k8s/deploy.yaml', 'yaml'], ['k8s/pod.json', 'json'],
  ])('%s is %s', (file, hint) => {
    expect(nameHint(file)).toBe(hint);
  });

  it.each(['package.json', 'services/api/package-lock.json', 'tsconfig.json', 'tsconfig.build.json', '.devcontainer/devcontainer.json', 'renovate.json'])('%s belongs to another tool and is not read', (file) => {
    expect(nameHint(file)).toBeUndefined();
  });

  it.each(['Dockerfile.md', 'Dockerfile.dockerignore', 'Dockerfile.json', 'README.md', 'Makefile'])('%s is not a Dockerfile', (file) => {
    expect(nameHint(file)).not.toBe('dockerfile');
  });
});
