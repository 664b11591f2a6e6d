import { afterEach, describe, expect, it } from 'vitest';
import { connectedEngine, warmUpEngine } from './engineConnection.js';
import { EngineUnavailableError } from './engine.js';

const saved = process.env.DOCKER_HOST;
afterEach(() => {
  if (saved === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = saved;
});

describe('the engine connection', () => {
  it('hands a warm-up that failed to the next caller once, then tries afresh', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/shipshape-test.sock';
    warmUpEngine();
    // The warm-up fails long before the check asks; what it found is kept for that ask.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.env.DOCKER_HOST = 'unix:///nonexistent/shipshape-other.sock';
    const first = connectedEngine();
    await expect(first).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(first).rejects.toThrow(/shipshape-test\.sock/);
    // Forgotten once reported: the next check asks the engine again.
    const second = connectedEngine();
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow(/shipshape-other\.sock/);
  });

  it('joins the warm-up under way instead of connecting twice', async () => {
    process.env.DOCKER_HOST = 'unix:///nonexistent/shipshape-joined.sock';
    warmUpEngine();
    const a = connectedEngine();
    const b = connectedEngine();
    expect(b).toBe(a);
    await expect(a).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
