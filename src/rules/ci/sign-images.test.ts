import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { signImages } from './sign-images.js';

const lint = (text: string) => lintText(text, '.github/workflows/ci.yml', 'ci', { rules: [signImages] }).findings;

const github = (steps: string) => `on: push\npermissions: {}\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci/sign-images', () => {
  it.each([
    ['a build that is not pushed', github('      - run: docker build -t app .\n')],
    ['build-push-action without push', github('      - uses: docker/build-push-action@v5\n        with:\n          push: false\n')],
    ['cosign sign after a push', github('      - run: docker push ghcr.io/o/app:1.0.0\n      - uses: sigstore/cosign-installer@v3\n      - run: cosign sign --yes ghcr.io/o/app@${DIGEST}\n')],
    ['notation sign', github('      - run: docker push r.example.com/app:1\n      - run: notation sign r.example.com/app@sha256:abc\n')],
    ['content trust on push', github('      - run: DOCKER_CONTENT_TRUST=1 docker push r.example.com/app:1\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['docker push', github('      - run: docker push ghcr.io/o/app:1.0.0\n'), 7, '`docker push ghcr.io/o/app:1.0.0`'],
    ['buildx --push', github('      - run: |\n          docker buildx build \\\n            --push -t app .\n'), 7, '--push'],
    ['build-push-action with push', github('      - uses: docker/build-push-action@v5\n        with:\n          push: ${{ github.ref == \'refs/heads/main\' }}\n'), 7, 'build-push-action'],
    ['cosign installed but never used', github('      - run: docker push app\n      - uses: sigstore/cosign-installer@v3\n      - run: cosign verify app\n'), 7, 'no step signs it'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/sign-images', line, severity: 'info', item: 'image.signing' });
    expect(findings[0]?.message).toContain(message);
  });
});
