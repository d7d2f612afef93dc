// The workerd suite: tests that run inside the Workers runtime (@cloudflare/vitest-pool-workers) against the
// Worker in wrangler.toml. Its global setup (Node) refreshes the bundle and writes Node's answers to compare,
// which the tests read through the EXPECTATIONS binding (a read-only view of data/worker/expectations).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// Offline: no usage metrics, no request.cf download.
process.env.WRANGLER_SEND_METRICS ??= 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

const expectations = fileURLToPath(new URL('./data/worker/expectations', import.meta.url));
mkdirSync(expectations, { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      // The parity test asks ~400 questions from one address: no rate limit, no access log.
      miniflare: {
        bindings: { RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' },
        serviceBindings: { EXPECTATIONS: { disk: { path: expectations, writable: false } } },
      },
    }),
  ],
  test: {
    include: ['src/worker/workerd/**/*.spec.ts'],
    globalSetup: ['src/worker/workerd/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
