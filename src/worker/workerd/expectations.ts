// What Node answers and how nodejieba segments, as the workerd tests receive it from the global setup.
import { env } from 'cloudflare:workers';
import type { AnswerDigest, EvalInput } from '../../testing/answer-digest.js';

export interface NodeExpectations {
  /** The Node entry's vector index (HNSW), to show the comparison is with the real Node path. */
  vectorIndex: string;
  input: EvalInput;
  answers: { questions: AnswerDigest[]; dialogs: AnswerDigest[][] };
  /** [text, nodejieba tokens with HMM] for every eval question and corpus text. */
  tokens: [string, string[]][];
}

/** Too large for vitest's provide/inject (a workerd WebSocket message), so read over a disk service binding. */
export async function nodeExpectations(): Promise<NodeExpectations> {
  const res = await (env.EXPECTATIONS as { fetch(url: string): Promise<Response> }).fetch('http://expectations/node.json');
  if (!res.ok) throw new Error(`expectations: ${res.status} (the global setup writes data/worker/expectations/node.json)`);
  // The disk service sends application/octet-stream: decode the bytes rather than res.json().
  return JSON.parse(new TextDecoder().decode(await res.arrayBuffer())) as NodeExpectations;
}
