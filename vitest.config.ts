/// <reference types="vitest/config" />
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig, mergeConfig } from 'vite';
import app from './vite.config.ts';

// The test projects: `unit` (pure logic and components, in jsdom) and `e2e` (the built app in
// Chromium). Both take the app's own Vite config (its plugins, aliases and defines).
export default defineConfig((env) =>
  mergeConfig(app(env), {
    test: {
      reporters: ['default', './tests/setup/summary-reporter.ts'],
      projects: [
        {
          extends: true,
          plugins: [svelteTesting()],
          test: {
            name: 'unit',
            environment: 'jsdom',
            include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.ts', 'src/**/*.test.ts'],
            setupFiles: ['tests/setup/jest-dom.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            environment: 'node',
            include: ['tests/e2e/**/*.test.ts'],
            globalSetup: ['tests/setup/browser-line.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // A poll waits for what the page does next (a consultation opening, a scene drawn): on
            // a busy 2-core machine that can take more than a second, never fifteen.
            expect: { poll: { timeout: 15_000 } },
            fileParallelism: false,
          },
        },
      ],
    },
  }),
);
