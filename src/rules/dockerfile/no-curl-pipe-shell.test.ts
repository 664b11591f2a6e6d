import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noCurlPipeShell } from './no-curl-pipe-shell.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noCurlPipeShell] }).findings;

describe('dockerfile/no-curl-pipe-shell', () => {
  it.each([
    ['download, verify, run', 'FROM debian:bookworm-slim\nRUN curl -fsSLo install.sh https://example.com/install.sh && echo "abc  install.sh" | sha256sum -c - && sh install.sh\n'],
    ['curl piped into tar', 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\n'],
    ['a quoted pipe in an echo', 'FROM debian:bookworm-slim\nRUN echo "curl x | sh" > /README\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['curl | sh', 'FROM debian:bookworm-slim\nRUN curl -fsSL https://get.example.com | sh\n', 'curl -fsSL https://get.example.com | sh'],
    ['wget -O- | bash', 'FROM debian:bookworm-slim\nRUN wget -qO- https://example.com/i.sh | bash -s -- --yes\n', '| bash -s -- --yes'],
    ['curl | sudo bash', 'FROM debian:bookworm-slim\nRUN curl -sL https://deb.example.com/setup | sudo bash -\n', '| bash -'],
    ['curl | python3', 'FROM python:3.12.1-slim\nRUN curl -sSL https://install.example.org | python3 -\n', '| python3 -'],
    ['sh -c "$(curl ...)"', 'FROM debian:bookworm-slim\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n', 'sh -c "$(curl'],
    ['bash <(curl ...)', 'FROM debian:bookworm-slim\nRUN bash <(curl -s https://example.com/x.sh)\n', '<(curl'],
    ['the exec form handing sh -c the pipeline', 'FROM debian:bookworm-slim\nRUN ["sh", "-c", "wget -qO- https://example.com/i.sh | sh"]\n', 'wget -qO- https://example.com/i.sh | sh'],
    ['the exec form with /bin/bash -ec', 'FROM debian:bookworm-slim\nRUN ["/bin/bash", "-ec", "curl -fsSL https://get.example.com | bash"]\n', '| bash'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-curl-pipe-shell', line: 2, column: 1, severity: 'warning', item: 'image.trusted-sources' });
    expect(findings[0]?.message).toContain(message);
  });
});
