import { describe, expect, it } from 'vitest';
import { wgetResponse } from './wgetResponse.js';

describe('wgetResponse', () => {
  it('reads the status line and keeps the body', () => {
    expect(wgetResponse({ exitCode: 0, stdout: '<h1>Status</h1>', stderr: 'Connecting to 127.0.0.1:8080 (127.0.0.1:8080)\n  HTTP/1.1 200 OK\n  Content-Length: 15\n' }))
      .toEqual({ kind: 'response', status: 200, statusLine: 'HTTP/1.1 200 OK', body: '<h1>Status</h1>' });
  });

  it('reads an error status that made wget fail', () => {
    expect(wgetResponse({ exitCode: 1, stdout: '', stderr: '  HTTP/1.1 404 Not Found\nwget: server returned error: HTTP/1.1 404 Not Found\n' }))
      .toMatchObject({ kind: 'response', status: 404 });
  });

  it('takes the last status after a redirect', () => {
    expect(wgetResponse({ exitCode: 0, stdout: 'x', stderr: '  HTTP/1.1 302 Found\n  Location: /a\n  HTTP/1.1 200 OK\n' })).toMatchObject({ status: 200 });
  });

  it('says why nothing answered', () => {
    expect(wgetResponse({ exitCode: 1, stdout: '', stderr: 'Connecting to 127.0.0.1:8080 (127.0.0.1:8080)\nwget: can\'t connect to remote host (127.0.0.1): Connection refused\n' }))
      .toEqual({ kind: 'no-response', reason: "wget: can't connect to remote host (127.0.0.1): Connection refused" });
    expect(wgetResponse({ exitCode: 1, stdout: '', stderr: '' })).toEqual({ kind: 'no-response', reason: 'wget exited 1 with no output' });
  });
});
