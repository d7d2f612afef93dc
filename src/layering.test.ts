// Imports run downward only (docs/DESIGN.md, "Layers"): a module may import its own layer or a lower one. An
// import that runs back up must be listed here with its reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Lower numbers are lower layers. */
const LAYERS: [prefix: string, rank: number][] = [
  ['errors.ts', 0],
  ['config.ts', 0],
  ['text/', 1],
  ['corpus/', 1],
  ['index/', 1],
  ['http/', 1],
  ['qa/', 2],
  ['match/', 2],
  ['llm/', 2],
  ['api/', 3],
  ['channels/', 3],
  ['web/', 3],
  ['app.ts', 4],
  ['runtime.ts', 5],
  ['node/', 6],
  ['worker/', 6],
  ['entry/', 7],
  ['cli/', 7],
  ['testing/', 8],
  ['../eval/', 8],
];

/** Upward imports that are deliberate, each with its reason. */
const ALLOWED_UP: Record<string, string> = {};

const rankOf = (path: string) => LAYERS.find(([p]) => path === p || path.startsWith(p))?.[1];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts')) yield p;
  }
}

describe('layering', () => {
  it('has no import that runs back up a layer', () => {
    const up: string[] = [];
    let edges = 0;
    for (const file of sourceFiles(SRC)) {
      const from = relative(SRC, file);
      if (from.includes('/workerd/')) continue; // the workerd test suite's own setup, not shipped code
      const fromRank = rankOf(from);
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const to = relative(SRC, join(dirname(file), m[1])).replace(/\.js$/, '.ts');
        const toRank = rankOf(to);
        edges++;
        if (to.startsWith('../data/')) continue; // a build artifact (the Worker's bundled index), not code
        if (fromRank === undefined || toRank === undefined) {
          up.push(`${from} → ${to}: not in a layer`);
          continue;
        }
        if (toRank <= fromRank) continue;
        const edge = `${from} → ${to}`;
        if (!(edge in ALLOWED_UP)) up.push(edge);
      }
    }
    expect(edges).toBeGreaterThan(200); // the scan itself works
    expect(up).toEqual([]);
  });
});
