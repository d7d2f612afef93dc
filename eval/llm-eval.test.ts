// The LLM eval in demo mode (a loopback fake model that errs on purpose): the guard catches every planted error.
import { describe, expect, it } from 'vitest';
import { seedKnowledgeBase } from '../src/testing/fixtures.js';
import { main } from './llm-eval.js';

describe('npm run eval -- --llm --demo', () => {
  it('falls back on every planted error and lets no unbacked figure through', async () => {
    const lines: string[] = [];
    const code = await main(['--demo', '--limit', '40'], { kb: seedKnowledgeBase(), log: (l) => lines.push(l), writeReport: false });
    const out = lines.join('\n');
    expect(code).toBe(0);
    expect(out).toContain('unbacked figures/departments in final answers (guard re-check): 0');
    expect(out).toContain('final answers with an amount not in their quotes (eval metric): 0');
    expect(out).toMatch(/unbacked: [1-9]/);
    expect(out).toMatch(/error: HTTP 500: [1-9]/);
  }, 60_000);
});
