import { defineConfig } from 'vitest/config';

// Three tiers, one runner: `unit` (pure core and scripts, Node), `scene` (React/R3F components under
// @react-three/test-renderer in jsdom) and `browser` (the built app in headless Chromium via playwright-core).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          benchmark: { include: ['tests/unit/**/*.bench.ts'] },
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'scene',
          environment: 'jsdom',
          include: ['tests/scene/**/*.test.tsx'],
          setupFiles: ['tests/scene/setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium with software WebGL already saturates two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
