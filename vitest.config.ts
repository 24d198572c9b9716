import { defineConfig } from 'vitest/config';

// Test tiers (see README "Tests"): each is a vitest project so counts are reported per tier.
const shared = { resolve: { conditions: ['source'] } };
export default defineConfig({
  ...shared,
  test: {
    globalSetup: ['server/test/global-setup.ts'],
    reporters: ['default', './server/test/summary-reporter.ts'],
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'server/src/**/*.test.ts'],
          exclude: ['**/*.contract.test.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        ...shared,
        test: {
          name: 'contract',
          include: ['server/src/**/*.contract.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'medium',
          include: ['server/test/medium/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
