import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite data directory that every suite's database is copied from.
    globalSetup: ['test/support/pglite-template.ts'],
    // Integration tests start real HTTP servers and databases; PGlite needs a few seconds to boot.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
