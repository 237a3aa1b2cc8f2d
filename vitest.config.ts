import { defineConfig } from 'vitest/config';

/**
 * The slow part: real processes, a real browser, workerd, and the large hardening batteries.
 * `npm run test:unit` leaves it out; `npm test` runs everything.
 */
const SLOW = [
  'test/crash-durability.test.ts',
  'test/fault-battery.test.ts',
  'test/fuzz-battery.test.ts',
  'test/injection-battery.test.ts',
  'test/isolation-battery.test.ts',
  'test/loops-browser.test.ts',
  'test/node-entry.test.ts',
  'test/passkeys-browser.test.ts',
  'test/ui-browser.test.ts',
  'test/worker.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Generates src/prompts/generated.ts and the content module, so `npx vitest` works without `npm test`'s pre-step.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
