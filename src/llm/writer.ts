// The optional LLM writer (off by default). Placeholder until the LLM path lands: with no model configured
// the assistant answers from the rules alone.
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { AnswerWriter } from '../qa/types.js';

export interface LlmWriterDeps {
  kb: KnowledgeBase;
  llm: NonNullable<Config['llm']>;
}

export function createLlmWriter(_deps: LlmWriterDeps): AnswerWriter | undefined {
  return undefined;
}
