// Node only: read the prompt files from prompts/ (the Worker bundles them instead).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROMPT_FILES, type PromptTexts } from '../llm/prompts.js';

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export function readPromptFiles(dir = DEFAULT_PROMPTS_DIR): PromptTexts {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { system: read(PROMPT_FILES.system), answer: read(PROMPT_FILES.answer), rewrite: read(PROMPT_FILES.rewrite) };
}
