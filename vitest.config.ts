import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/shared/**/*.test.ts', 'tests/main/**/*.test.ts', 'tests/tooling/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native addon: worker threads would load it once per worker.
    pool: 'forks',
  },
});
