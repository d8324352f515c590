import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
    // better-sqlite3 is a native addon: worker threads would share it unsafely.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
