import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { preferCopyOverAdd } from './prefer-copy-over-add.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [preferCopyOverAdd] }).findings;

describe('dockerfile/prefer-copy-over-add', () => {
  it.each([
    ['COPY', 'FROM busybox:1.36.1\nCOPY app.js /app/\n'],
    ['a remote ADD with a checksum', 'FROM busybox:1.36.1\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n'],
    ['a local archive extracted into a directory', 'FROM busybox:1.36.1\nADD rootfs.tar.gz /\n'],
    ['a local archive extracted into a named directory', 'FROM busybox:1.36.1\nADD app.tar.gz /opt/app/\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a remote URL', 'FROM busybox:1.36.1\nADD https://example.com/install.sh /tmp/\n', 'downloads a remote file without verifying it'],
    ['a git URL', 'FROM busybox:1.36.1\nADD git@github.com:moby/buildkit.git /src\n', 'downloads'],
    ['an archive copied to a file of the same name', 'FROM busybox:1.36.1\nADD app.tar.gz /srv/app.tar.gz\n', 'unpacks the archive'],
    ['plain local files', 'FROM busybox:1.36.1\nADD index.html /srv/www/\n', 'use COPY'],
    ['the exec form', 'FROM busybox:1.36.1\nADD ["index.html", "/srv/www/"]\n', 'use COPY'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/prefer-copy-over-add', line: 2, column: 1, severity: 'warning' });
    expect(findings[0]?.message).toContain(message);
  });
});
