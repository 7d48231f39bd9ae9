import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    // The bundle test builds first; give the whole run room on a 2-core machine.
    testTimeout: 30_000,
  },
});
