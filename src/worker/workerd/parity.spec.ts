// Node and the Worker give the same answers and the same segmentation. The expected values come from Node
// (nodejieba, HNSW over data/index; see node-expectations.ts); the answers here come from the Worker entry
// inside workerd (the TypeScript cppjieba, exact search over the bundled vectors).
import { createExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../entry/worker.js';
import { workerTokenizer } from '../artifacts.js';
import { bundledArtifacts } from '../bundled.js';
import { askAll, digest, type AnswerDigest } from '../../testing/answer-digest.js';
import { nodeExpectations, type NodeExpectations } from './expectations.js';
import { ask } from './http.js';

let node: NodeExpectations;
beforeAll(async () => {
  node = await nodeExpectations();
});

/** The entry's handler without the SESSIONS binding: single questions need no Durable Object (and run ~20× faster). */
async function askStateless(question: string): Promise<AnswerDigest> {
  const req = new Request('https://worker.test/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  const res = await worker.fetch(req, { RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' }, createExecutionContext());
  if (res.status !== 200) throw new Error(`${question}: ${res.status}`);
  return digest((await res.json()) as never);
}

describe('Node / Worker parity inside workerd', () => {
  it('segments every eval question and corpus text exactly as nodejieba does', () => {
    expect(node.tokens.length).toBeGreaterThan(700);
    const tokenizer = workerTokenizer(bundledArtifacts());
    const diff = node.tokens.filter(([text, expected]) => JSON.stringify(tokenizer.cut(text)) !== JSON.stringify(expected));
    expect(diff).toEqual([]);
  });

  it('answers every eval question as Node does: intent, first citation, facts and text', async () => {
    expect(node.vectorIndex).not.toBe('exact'); // the reference really is the Node path (HNSW)
    const { questions } = node.input;
    expect(questions.length).toBeGreaterThan(300);
    const got: AnswerDigest[] = [];
    for (const q of questions) got.push(await askStateless(q));
    const wrong = got.map((g, i) => ({ q: questions[i], worker: g, node: node.answers.questions[i] })).filter((r) => JSON.stringify(r.worker) !== JSON.stringify(r.node));
    expect(wrong).toEqual([]);
  });

  it('answers every dialog turn as Node does, its session held by a Durable Object', async () => {
    const got = await askAll({ questions: [], dialogs: node.input.dialogs }, async (q, sessionId) => {
      const a = await ask(q, sessionId);
      return { digest: digest(a as never), sessionId: a.sessionId };
    });
    expect(got.dialogs.length).toBeGreaterThan(50);
    expect(got.dialogs).toEqual(node.answers.dialogs);
  });
});
