// The readiness self-check: one real question through the engine, built from the loaded index itself (the first
// clause's title), must come back answered with a citation. It proves more than "the index loaded": retrieval,
// facts and answer composition all ran on this data.
import { createError } from '../errors.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Engine } from './engine.js';

/** Resolves when the engine answers; throws NOT_READY with the reason otherwise. */
export async function selfCheck(engine: Engine, kb: KnowledgeBase): Promise<void> {
  const clause = kb.clauses.find((c) => c.title?.trim()) ?? kb.clauses[0];
  if (!clause) throw createError('NOT_READY', 'self-check: the index holds no clauses');
  const question = (clause.title?.trim() || clause.text).slice(0, 100);
  let cited: number;
  let intent: string;
  try {
    const { answer } = await engine.ask(question);
    cited = answer.citations.length;
    intent = answer.intent;
  } catch (e) {
    throw createError('NOT_READY', `self-check question failed: ${(e as Error)?.message ?? e}`);
  }
  if (!cited || intent === 'out_of_scope') throw createError('NOT_READY', `self-check question "${question}" was not answered from the index (${intent}, ${cited} citations)`);
}
