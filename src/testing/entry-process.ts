// Test helper: an entry as a real child process (the bundle `npm start` runs, or the CLI), with its JSON log lines
// parsed as they arrive, its stderr kept, and a way to wait for a line.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../node/loaders.js';

export interface EntryProcess {
  lines: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  until(pred: (l: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs `node <args>` in the project folder with `env` over the test's own environment. */
export function startEntry(args: string[], env: Record<string, string>): EntryProcess {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let out = '';
  let err = '';
  let buf = '';
  child.stdout!.on('data', (d) => {
    out += d;
    buf += d;
    for (let i = buf.indexOf('\n'); i !== -1; i = buf.indexOf('\n')) {
      try {
        lines.push(JSON.parse(buf.slice(0, i)));
      } catch {
        /* not a log line */
      }
      buf = buf.slice(i + 1);
    }
  });
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let done = false;
  exited.then(() => (done = true));
  return {
    lines,
    stdout: () => out,
    stderr: () => err,
    exited,
    async until(pred, ms = 30_000) {
      const t0 = Date.now();
      while (Date.now() - t0 < ms) {
        const hit = lines.find(pred);
        if (hit) return hit;
        if (done) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no such log line; stdout: ${out.slice(-2000)} stderr: ${err.slice(-2000)}`);
    },
    kill: (signal = 'SIGTERM') => child.kill(signal),
  };
}
