/**
 * The compose rules together, through the registry: a fully hardened service is clean, and a
 * file with every mistake the course teaches trips every registered compose rule.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { composeRules } from './index.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { honourSuppressions: false }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

const hardened = compose(
  'services:',
  '  web:',
  '    image: node:20.11.1-alpine',
  '    user: "10001:10001"',
  '    read_only: true',
  '    tmpfs: [/tmp]',
  '    cap_drop: [ALL]',
  '    cap_add: [NET_BIND_SERVICE]',
  '    security_opt: ["no-new-privileges:true"]',
  '    mem_limit: 512m',
  '    pids_limit: 200',
  '    cpus: "1.0"',
  '    ports: ["127.0.0.1:8080:3000"]',
  '    environment:',
  '      DB_PASSWORD_FILE: /run/secrets/db_password',
  '    secrets: [db_password]',
  '    healthcheck:',
  '      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]',
  'secrets:',
  '  db_password:',
  '    file: ./secrets/db_password.txt',
);

const everythingWrong = compose(
  'services:',
  '  web:',
  '    image: node:latest',
  '    user: root',
  '    privileged: true',
  '    network_mode: host',
  '    cap_drop: [NET_RAW]',
  '    cap_add: [SYS_ADMIN, CHOWN]',
  '    security_opt: ["seccomp:unconfined"]',
  '    read_only: false',
  '    devices: ["/dev/sda:/dev/sda"]',
  '    volumes:',
  '      - /var/run/docker.sock:/var/run/docker.sock:ro',
  '      - /etc:/host/etc:ro',
  '    ports: ["2375:2375"]',
  '    environment:',
  '      POSTGRES_PASSWORD: hunter2',
  '    healthcheck:',
  '      disable: true',
);

describe('compose rules together', () => {
  it('leave a hardened service alone', () => {
    expect(lint(hardened)).toEqual([]);
  });

  it('each fire on a file with every mistake', () => {
    const fired = new Set(lint(everythingWrong).map((finding) => finding.rule));
    expect([...fired].sort()).toEqual(composeRules.map((rule) => rule.meta.id).sort());
  });
});
