import { defineConfig } from 'vitest/config';

// Two projects: `unit` is pure logic and needs no Docker; `runtime` talks to a real engine and
// fails (never skips) when none answers. `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'runtime',
          include: ['test/runtime/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/runtime/globalSetup.ts'],
          // Two cores: containers from parallel files would only slow each other down.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
