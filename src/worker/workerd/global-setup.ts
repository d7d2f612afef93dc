// Global setup of the workerd suite (runs in Node before it). The Node-side work runs in a child process,
// node-expectations.ts: this setup is loaded through the Workers Vite config, where native addons do not load.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('./node-expectations.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`node-expectations.ts failed (${r.status ?? r.signal})`);
}
