// Node only: read the prompt files from prompts/ (the Worker bundles them instead).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMPT_FILES, type PromptTexts } from '../llm/prompts.js';
import { PROJECT_ROOT } from './loaders.js';

// From the project root, found the same way from src/ (tsx) and dist/ (the bundle): a path relative to this
// module pointed outside the project once bundled into dist/node.mjs.
export const DEFAULT_PROMPTS_DIR = join(PROJECT_ROOT, 'prompts');

export function readPromptFiles(dir = DEFAULT_PROMPTS_DIR): PromptTexts {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { system: read(PROMPT_FILES.system), answer: read(PROMPT_FILES.answer), rewrite: read(PROMPT_FILES.rewrite) };
}
