import { describe, expect, it } from 'vitest';
import { dataDirectory } from './paths.js';

describe('dataDirectory', () => {
  it('prefers SHIPSHAPE_HOME', () => {
    expect(dataDirectory({ SHIPSHAPE_HOME: '/tmp/s' }, 'linux')).toBe('/tmp/s');
  });
  it('follows XDG_DATA_HOME on Linux', () => {
    expect(dataDirectory({ XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/shipshape');
  });
  it('ignores a relative XDG_DATA_HOME, as the spec says', () => {
    expect(dataDirectory({ XDG_DATA_HOME: 'rel' }, 'linux')).toMatch(/\.local\/share\/shipshape$/);
  });
  it('uses Application Support on macOS', () => {
    expect(dataDirectory({}, 'darwin')).toMatch(/Library\/Application Support\/shipshape$/);
  });
});
