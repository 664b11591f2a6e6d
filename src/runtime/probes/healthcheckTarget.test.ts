import { describe, expect, it } from 'vitest';
import { healthcheckCommand, healthcheckTarget } from './healthcheckTarget.js';

describe('healthcheckTarget', () => {
  it('reads the loopback URL, port and path', () => {
    expect(healthcheckTarget('wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1')).toEqual({ urls: [{ host: '127.0.0.1', port: 8080, path: '/health' }], masksFailure: undefined });
    expect(healthcheckTarget('wget -qO- http://localhost:3000/ || exit 1').urls).toEqual([{ host: 'localhost', port: 3000, path: '/' }]);
  });

  it('defaults the port by scheme and the path to /, and drops a query', () => {
    expect(healthcheckTarget('curl -f http://localhost').urls).toEqual([{ host: 'localhost', port: 80, path: '/' }]);
    expect(healthcheckTarget("wget -q 'http://127.0.0.1:8080/status?full=1'").urls).toEqual([{ host: '127.0.0.1', port: 8080, path: '/status' }]);
  });

  it('ignores URLs that are not on the container itself', () => {
    expect(healthcheckTarget('wget -q http://example.test:8080/').urls).toEqual([]);
  });

  it('names a tail that lets every failure through', () => {
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/ || true').masksFailure).toBe('|| true');
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/ || exit 0').masksFailure).toBe('|| exit 0');
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/; exit 0').masksFailure).toBe('; exit 0');
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/ || :').masksFailure).toBe('|| :');
  });

  it('keeps a tail that passes the failure on', () => {
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/ || exit 1').masksFailure).toBeUndefined();
    expect(healthcheckTarget('wget -q http://127.0.0.1:8080/ && exit 0').masksFailure).toBeUndefined();
  });

  it('prints Docker\'s test array as a command', () => {
    expect(healthcheckCommand(['CMD-SHELL', 'wget -q http://127.0.0.1:8080/ || exit 1'])).toBe('wget -q http://127.0.0.1:8080/ || exit 1');
    expect(healthcheckCommand(['CMD', 'wget', '-q', 'http://127.0.0.1:8080/'])).toBe('wget -q http://127.0.0.1:8080/');
  });
});
