// npm run ask -- "问题" — for hotline staff at a terminal: the answer, its citations and facts.
// Several questions in one call are one conversation: npm run ask -- "国家级孵化器给多少" "那自治区级的呢"
import { configFromEnv } from '../config.js';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from '../node/loaders.js';
import { loadOrBuildIndex } from '../node/index-store.js';
import { embeddingsFromConfig } from '../llm/embeddings.js';
import { createRuntime } from '../runtime.js';

const questions = process.argv.slice(2).filter((q) => q.trim());
if (!questions.length) {
  console.error('usage: npm run ask -- "新认定的自治区级孵化器给多少钱？" ["那国家级的呢？" …]');
  process.exit(2);
}
const lex = readLexicon();
const { kb } = await loadOrBuildIndex(process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR, await readCorpus(process.env.CORPUS_DIR), lex, nodeTokenizer(lex), embeddingsFromConfig(configFromEnv(process.env)));
const { assistant } = createRuntime({ kb });
let sessionId: string | undefined;
for (const q of questions) {
  const a = await assistant.ask(q.slice(0, 500), { sessionId });
  sessionId = a.sessionId;
  console.log(`\n问：${q}\n[${a.intent}]\n${a.answer}`);
  for (const c of a.citations) console.log(`\n引用 第（${c.clause}）条「${c.title}」：${c.quote}`);
  for (const f of a.facts) console.log(`事实 ${f.display}｜${f.subject}｜第（${f.label}）条`);
}
