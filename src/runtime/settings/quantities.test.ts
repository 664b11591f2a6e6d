import { describe, expect, it } from 'vitest';
import { composeBytes, composeDuration, describeBytes, kubernetesQuantity, nanoCpus } from './quantities.js';

describe('composeBytes', () => {
  it.each([
    ['512m', 512 * 1024 ** 2],
    ['64M', 64 * 1024 ** 2],
    ['1g', 1024 ** 3],
    ['1.5G', 1.5 * 1024 ** 3],
    ['512mb', 512 * 1024 ** 2],
    ['100k', 102400],
    ['2048', 2048],
    ['2048b', 2048],
    [67108864, 67108864],
  ])('%s', (text, bytes) => {
    expect(composeBytes(text)).toBe(bytes);
  });

  it.each(['12x', '', 'lots', '-1m', 1.5, null])('rejects %s', (text) => {
    expect(composeBytes(text)).toBeUndefined();
  });
});

describe('kubernetesQuantity', () => {
  it.each([
    ['128Mi', 128 * 1024 ** 2],
    ['1Gi', 1024 ** 3],
    ['500M', 500e6],
    ['1e3', 1000],
    ['500m', 0.5],
    ['1', 1],
    ['0.25', 0.25],
    [2, 2],
  ])('%s', (text, value) => {
    expect(kubernetesQuantity(text)).toBeCloseTo(value);
  });

  it.each(['128MB', 'Mi', '1.2.3', '', '-1'])('rejects %s', (text) => {
    expect(kubernetesQuantity(text)).toBeUndefined();
  });
});

describe('nanoCpus', () => {
  it.each([[0.5, 500_000_000], ['1.5', 1_500_000_000], ['.25', 250_000_000], [1, 1_000_000_000]])('%s', (cores, nano) => {
    expect(nanoCpus(cores)).toBe(nano);
  });

  it.each(['half', -1, '1 cpu'])('rejects %s', (cores) => {
    expect(nanoCpus(cores)).toBeUndefined();
  });
});

describe('composeDuration', () => {
  it.each([
    ['30s', 30e9],
    ['1m30s', 90e9],
    ['500ms', 500e6],
    ['1.5s', 1.5e9],
    ['1h', 3600e9],
    ['0', 0],
  ])('%s', (text, nanoseconds) => {
    expect(composeDuration(text)).toBe(nanoseconds);
  });

  it.each(['30', 'soon', '1m 30s', 30])('rejects %s', (text) => {
    expect(composeDuration(text)).toBeUndefined();
  });
});

describe('describeBytes', () => {
  it('prefers the largest whole unit', () => {
    expect(describeBytes(64 * 1024 ** 2)).toBe('64 MiB');
    expect(describeBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(describeBytes(100)).toBe('100 bytes');
  });
});
