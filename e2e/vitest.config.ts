/**
 * Browser journeys: Playwright (playwright-core) drives the system Chromium against the real server started per spec
 * file (fresh PGlite data directory, or a throwaway database when DATABASE_URL is set). Files run one after another.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
