import { configDefaults, defineConfig } from "vitest/config";

/**
 * Two projects: "unit" (everything but the browser) and "browser" (test/browser), whose global
 * set-up installs chromium when missing and builds the page into a folder of its own. A run that
 * selects no browser test file does neither.
 */
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "test/browser/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/setup.ts"],
        },
      },
    ],
  },
});
