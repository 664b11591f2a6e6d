import { describe, expect, it } from 'vitest';
import { containerUser, numericOwner, runAsNonRootViolation } from './containerUser.js';

describe('containerUser', () => {
  it.each([
    [{}, '10001', undefined],
    [{ user: '10001' }, '', '10001'],
    [{ user: '10001:10001' }, '', '10001:10001'],
    [{ user: '10001', group: '3000' }, 'web', '10001:3000'],
    [{ group: '3000' }, 'web:web', 'web:3000'],
    [{ group: '3000' }, '', '0:3000'],
  ])('%o over image user %s', (settings, imageUser, user) => {
    expect(containerUser(settings, imageUser)).toBe(user);
  });
});

describe('runAsNonRootViolation', () => {
  it.each([
    ['an image without USER', {}, '', /image will run as root/],
    ['an image with USER 0', {}, '0:0', /image will run as root/],
    ['an image USER given by name', {}, 'web', /non-numeric user \(web\)/],
    ['an image USER root by name', {}, 'root', /non-numeric user \(root\)/],
    ['runAsUser 0', { user: '0' }, '10001', /runAsUser breaks non-root policy/],
  ])('refuses %s', (_name, settings, imageUser, message) => {
    expect(runAsNonRootViolation({ requireNonRoot: true, ...settings }, imageUser)).toMatch(message);
  });

  it.each([
    ['a numeric non-root image USER', {}, '10001:10001'],
    ['runAsUser over a root image', { user: '10001' }, ''],
  ])('accepts %s', (_name, settings, imageUser) => {
    expect(runAsNonRootViolation({ requireNonRoot: true, ...settings }, imageUser)).toBeUndefined();
  });

  it('says nothing unless runAsNonRoot was asked for', () => {
    expect(runAsNonRootViolation({ requireNonRoot: false }, '')).toBeUndefined();
  });
});

describe('numericOwner', () => {
  it.each([
    ['10001', { uid: 10001, gid: 0 }],
    ['10001:2000', { uid: 10001, gid: 2000 }],
    ['', { uid: 0, gid: 0 }],
    [undefined, { uid: 0, gid: 0 }],
    ['web', undefined],
    ['10001:web', undefined],
  ])('%s', (user, owner) => {
    expect(numericOwner(user)).toEqual(owner);
  });
});
