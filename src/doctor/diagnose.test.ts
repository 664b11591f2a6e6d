import { describe, expect, it } from 'vitest';
import { diagnose, formatDiagnosis, type DoctorFacts } from './diagnose.js';

const healthy: DoctorFacts = {
  nodeVersion: '20.20.2',
  nodeRequired: '>=20.19',
  endpoint: { host: 'unix:///var/run/docker.sock', source: 'the default socket', fromDockerHost: false },
  engineKind: undefined,
  engine: { reached: true, version: '20.10.24', apiVersion: '1.41', os: 'linux/amd64', rootless: false, buildKit: true },
  images: [{ reference: 'busybox:1.36.1', present: true, standIn: true }],
  freeDiskBytes: 50 * 1024 ** 3,
  dataDir: '/home/me/.local/share/shipshape',
  leftovers: { containers: 0, images: 0, orphans: 0 },
};

const finding = (facts: DoctorFacts, id: string) => diagnose(facts).findings.find((f) => f.id === id);

describe('doctor', () => {
  it('is ready with an engine, its images and disk', () => {
    const diagnosis = diagnose(healthy);
    expect(diagnosis.ok).toBe(true);
    expect(finding(healthy, 'base-images')?.summary).toContain('local stand-ins: busybox:1.36.1');
    expect(formatDiagnosis(diagnosis)).toContain('Ready');
  });

  it('says no engine answers, and how to start one', () => {
    const facts: DoctorFacts = { ...healthy, engine: { reached: false, error: 'connect ENOENT /var/run/docker.sock' }, images: undefined, leftovers: undefined };
    expect(diagnose(facts).ok).toBe(false);
    expect(finding(facts, 'engine')).toMatchObject({ status: 'problem', summary: expect.stringContaining('no Docker engine answers'), fix: expect.stringContaining('colima start') });
  });

  it('blames DOCKER_HOST when it points nowhere', () => {
    const facts: DoctorFacts = { ...healthy, endpoint: { host: 'unix:///nowhere.sock', source: 'from DOCKER_HOST', fromDockerHost: true }, engine: { reached: false, error: 'ENOENT' }, images: undefined, leftovers: undefined };
    expect(finding(facts, 'engine')).toMatchObject({ status: 'problem', summary: expect.stringContaining('DOCKER_HOST=unix:///nowhere.sock'), fix: expect.stringContaining('unset DOCKER_HOST') });
  });

  it('names a missing base image and the command that brings it', () => {
    const facts: DoctorFacts = { ...healthy, images: [{ reference: 'busybox:1.36.1', present: false, standIn: false }, { reference: 'busybox:stable', present: true, standIn: false }] };
    expect(diagnose(facts).ok).toBe(false);
    expect(finding(facts, 'base-images')).toMatchObject({ status: 'problem', summary: expect.stringContaining('missing: busybox:1.36.1 (1 of 2 present)'), fix: expect.stringContaining('shipshape images prepare') });
  });

  it('flags old Node, a full disk, and warns (without failing) about leftovers', () => {
    expect(finding({ ...healthy, nodeVersion: '18.19.0' }, 'node')?.status).toBe('problem');
    expect(finding({ ...healthy, nodeVersion: '20.18.9' }, 'node')?.status).toBe('problem');
    expect(finding({ ...healthy, nodeVersion: '22.1.0' }, 'node')?.status).toBe('ok');
    expect(finding({ ...healthy, freeDiskBytes: 100 * 1024 ** 2 }, 'disk')?.status).toBe('problem');
    const left = { ...healthy, leftovers: { containers: 1, images: 2, orphans: 3 } };
    expect(finding(left, 'leftovers')?.status).toBe('warning');
    expect(diagnose(left).ok).toBe(true);
  });
});
