import { defineConfig } from 'vitest/config';

/** The tests a mutation run uses: those that guard the mutated files (see stryker.config.json). */
export default defineConfig({
  test: {
    include: [
      'server/consultations/engine/check-schedule.test.ts',
      'server/check-in/badge-pdf.test.ts',
      'server/registration/delegate-csv.test.ts',
      'server/consultations/consultation-report.test.ts',
      'tests/api/check-in.test.ts',
      'tests/api/tours.test.ts',
      'tests/api/clean-text.test.ts',
      'tests/api/sign-in-throttle.test.ts',
      'tests/api/registration.test.ts',
      'tests/api/self-service.test.ts',
      'tests/api/agenda.test.ts',
      'tests/api/organiser.test.ts',
      'tests/api/abuse-limits.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
