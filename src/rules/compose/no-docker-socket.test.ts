import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noDockerSocket } from './no-docker-socket.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noDockerSocket] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withVolumes = (...volumes: string[]) => compose('services:', '  agent:', '    image: agent:1.2.3', '    volumes:', ...volumes);

describe('compose/no-docker-socket', () => {
  it.each([
    ['a data volume', withVolumes('      - data:/var/lib/app')],
    ['a project bind mount', withVolumes('      - ./config:/etc/app:ro')],
    ['an anonymous volume', withVolumes('      - /var/run/app')],
    ['a socket path only as the container target', withVolumes('      - ./fake.sock:/var/run/docker.sock')],
    ['a file named like a socket but not one', withVolumes('      - ./docker.sock.example:/tmp/example')],
    ['an interpolated source mounted elsewhere', withVolumes('      - ${DATA}:/var/lib/agent')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['the classic short syntax', withVolumes('      - /var/run/docker.sock:/var/run/docker.sock'), 5],
    ['a variable whose default is the socket', withVolumes('      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro'), 5],
    ['a variable\'s default in long syntax', withVolumes('      - type: bind', '        source: ${SOCK-/run/docker.sock}', '        target: /docker.sock'), 5],
    ['an unknown folder holding docker.sock', withVolumes('      - ${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock'), 5],
    ['an unknown source mounted at the socket path', withVolumes('      - ${SOCKET}:/var/run/docker.sock'), 5],
    ['a read-only mount', withVolumes('      - /var/run/docker.sock:/var/run/docker.sock:ro'), 5],
    ['the /run path', withVolumes('      - /run/docker.sock:/var/run/docker.sock'), 5],
    ['a Windows-style double slash', withVolumes('      - //var/run/docker.sock:/var/run/docker.sock'), 5],
    ['a path with ..', withVolumes('      - /var/run/../run/docker.sock:/docker.sock'), 5],
    ['the rootless socket', withVolumes('      - /run/user/1000/docker.sock:/var/run/docker.sock'), 5],
    ['the podman socket', withVolumes('      - /run/podman/podman.sock:/var/run/docker.sock'), 5],
    ['the containerd socket', withVolumes('      - /run/containerd/containerd.sock:/run/containerd/containerd.sock'), 5],
    ['the containerd directory', withVolumes('      - /run/containerd:/run/containerd'), 5],
    ['long syntax', withVolumes('      - type: bind', '        source: /var/run/docker.sock', '        target: /var/run/docker.sock', '        read_only: true'), 5],
    [
      'a named volume that binds the socket',
      compose(
        'services:',
        '  agent:',
        '    volumes:',
        '      - engine:/var/run/docker.sock',
        'volumes:',
        '  engine:',
        '    driver: local',
        '    driver_opts: { type: none, o: bind, device: /var/run/docker.sock }',
      ),
      4,
    ],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-docker-socket', line, severity: 'error', item: 'runtime.no-docker-socket' });
  });

  it('says read-only does not help', () => {
    expect(lint(withVolumes('      - /var/run/docker.sock:/var/run/docker.sock:ro'))[0]?.message).toMatch(/read-only does not stop API calls/);
  });

  it('names the named volume it went through', () => {
    const text = compose('services:', '  agent:', '    volumes: [engine:/sock]', 'volumes:', '  engine:', '    driver_opts: { o: "rbind,ro", device: /run/docker.sock }');
    expect(lint(text)[0]?.message).toContain('named volume engine');
  });
});
