import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.{ts,tsx}'],
    // Some tests parse multi-megabyte fixture pages in happy-dom; a busy 2-core CI machine needs the headroom.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
