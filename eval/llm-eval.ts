// The eval questions and dialogs with the LLM writer on: how often the guard falls back (and why), and how many
// unbacked figures reached a final answer (must be 0). Every final answer is re-checked twice: with the guard
// against the evidence of its rules answer, and with the eval's own `grounded` metric (amounts in the quotes).
//
//   npm run eval -- --llm            the model in LLM_BASE_URL / LLM_MODEL / LLM_API_KEY (deadline LLM_DEADLINE_MS)
//   npm run eval -- --llm --demo     a local fake model that paraphrases, and now and then errs on purpose
//   add --holdout for the held-out sets, --limit N for the first N questions
import { mkdirSync, writeFileSync } from 'node:fs';
import { configFromEnv } from '../src/config.js';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from '../src/node/loaders.js';
import type { KnowledgeBase } from '../src/index/knowledge-base.js';
import { loadOrBuildIndex } from '../src/node/index-store.js';
import { embeddingsFromConfig } from '../src/llm/embeddings.js';
import { buildEvidence } from '../src/llm/evidence.js';
import { unbackedMentions } from '../src/llm/guard.js';
import { readPromptFiles } from '../src/node/prompts.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply, type FakeRequest } from '../src/testing/fake-openai.js';
import { createLlmWriter } from '../src/llm/writer.js';
import type { Answer, AnswerWriter } from '../src/qa/types.js';
import { loadDialogs, loadQuestions, type Expectation } from './dataset.js';
import { factsMatch, grounded } from './metrics.js';
import { createRuntime } from '../src/runtime.js';

async function loadKb(): Promise<KnowledgeBase> {
  const lex = readLexicon();
  const embeddings = embeddingsFromConfig(configFromEnv(process.env));
  return (await loadOrBuildIndex(process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR, await readCorpus(), lex, nodeTokenizer(lex), embeddings)).kb;
}

/** Demo model: the draft, reworded a little; every 7th answer inflates an amount, every 11th fails, every 13th is cut. */
export function demoScript(): (r: FakeRequest) => FakeReply {
  let n = 0;
  return (r) => {
    if (r.user.includes('改写')) return { content: /用户现在问：(.*)/.exec(r.user)?.[1] ?? '' };
    n++;
    const draft = /<草稿>\n([\s\S]*?)\n<\/草稿>/.exec(r.user)?.[1] ?? '';
    let text = `根据政策规定，${draft.split('\n').filter((l) => !l.startsWith('来源：')).join('\n')}`;
    if (n % 7 === 0) text = text.replace(/(\d+)万元/, (_, x: string) => `${Number(x) * 10}万元`);
    if (n % 11 === 0) return { status: 500 };
    if (n % 13 === 0) return { content: text, cut: 'end' };
    return { content: text };
  };
}

interface Row {
  id: string;
  question: string;
  final: Answer;
  rules?: Answer;
  expected: Expectation;
  ms: number;
}

/** Returns the exit code: 0, or 1 when an unbacked figure reached a final answer. `kb` skips loading data/index. */
export async function main(argv = process.argv, given?: { kb?: KnowledgeBase; log?: (line: string) => void; writeReport?: boolean }): Promise<number> {
  const log = given?.log ?? console.log;
  const demo = argv.includes('--demo');
  const set = argv.includes('--holdout') ? 'holdout' : 'main';
  const limitAt = argv.indexOf('--limit');
  const limit = limitAt > 0 ? Number(argv[limitAt + 1]) : Infinity;
  const config = configFromEnv(process.env);
  let fake: FakeOpenAI | undefined;
  let llm = config.llm;
  if (demo) {
    fake = await startFakeOpenAI({ script: demoScript() });
    llm = { baseUrl: fake.url, apiKey: '', model: 'demo' };
  }
  if (!llm) {
    console.error('Set LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY) to evaluate a model, or pass --demo for the local fake.');
    return 2;
  }
  const deadlineMs = config.deadlineMs;

  const kb = given?.kb ?? (await loadKb());
  const writer = createLlmWriter({ kb, llm, prompts: readPromptFiles() });
  // Remembers each rules answer for the re-check, keyed by its citations array, which the writer's answer and
  // the assistant's copy of it share (the model never changes citations).
  const drafts = new WeakMap<object, Answer>();
  const recorder: AnswerWriter = {
    async write(input) {
      drafts.set(input.rules.citations, input.rules);
      return writer.write(input);
    },
    rewrite: (input) => writer.rewrite(input),
  };
  const { assistant } = createRuntime({ kb, writer: recorder, config: { ...config, deadlineMs } });

  const rows: Row[] = [];
  const ask = async (id: string, question: string, expected: Expectation, sessionId?: string) => {
    const t0 = performance.now();
    const final = await assistant.ask(question, { sessionId });
    rows.push({ id, question, final, rules: drafts.get(final.citations), expected, ms: performance.now() - t0 });
    return final;
  };

  log(`LLM eval (${demo ? 'demo fake model' : `${llm.model} at ${llm.baseUrl}`}), set ${set}, deadline ${deadlineMs} ms\n`);
  for (const q of loadQuestions(set).slice(0, limit)) await ask(q.id, q.question, q);
  for (const d of loadDialogs(set).slice(0, Number.isFinite(limit) ? Math.ceil(limit / 5) : undefined)) {
    let sessionId: string | undefined;
    for (const [i, t] of d.turns.entries()) sessionId = (await ask(`${d.id}#${i + 1}`, t.q, t, sessionId)).sessionId;
  }
  await fake?.close();

  const sent = rows.filter((r) => r.rules);
  const llmRows = sent.filter((r) => r.final.generatedBy === 'llm');
  const fallbacks = sent.filter((r) => r.final.generatedBy !== 'llm');
  const reasons = new Map<string, number>();
  for (const r of fallbacks) {
    const k = (r.final.guard ?? 'none').replace(/^unbacked: .*/, 'unbacked').replace(/^error: .*/, (m) => m.slice(0, 40));
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  // Re-check every final answer: the guard against its rules answer's evidence, and the eval's own metric.
  const through = rows.flatMap((r) => (r.rules ? unbackedMentions(r.final.answer, buildEvidence(kb, r.rules), kb.departments, { amountsFromDraft: r.rules.intent === 'amount' }).map((m) => ({ id: r.id, m })) : []));
  const ungrounded = rows.filter((r) => !grounded(r.final));
  const factsOk = llmRows.filter((r) => r.expected.facts.length || r.expected.mustNot.length);
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? 0;
  const rate = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}% (${a}/${b})` : '—');

  log(`answers: ${rows.length}; sent to the model: ${sent.length} (greetings and out-of-scope replies are not)`);
  log(`written by the model: ${rate(llmRows.length, sent.length)}`);
  log(`guard fallback rate: ${rate(fallbacks.length, sent.length)}`);
  for (const [k, v] of [...reasons].sort((a, b) => b[1] - a[1])) log(`  ${k}: ${v}`);
  log(`unbacked figures/departments in final answers (guard re-check): ${through.length}`);
  log(`final answers with an amount not in their quotes (eval metric): ${ungrounded.length}`);
  log(`model answers that still state the expected figures: ${rate(factsOk.filter((r) => factsMatch(r.final, r.expected)).length, factsOk.length)}`);
  log(`latency per answer: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${(ms.at(-1) ?? 0).toFixed(0)} ms`);
  const examples = fallbacks.filter((r) => r.final.guard?.startsWith('unbacked')).slice(0, 8);
  if (examples.length) log(`\nfallback examples:\n${examples.map((r) => `- ${r.id} ${r.question} → ${r.final.guard}`).join('\n')}`);
  if (through.length) log(`\nUNBACKED IN FINAL ANSWERS:\n${through.map((t) => `- ${t.id}: ${t.m}`).join('\n')}`);

  if (given?.writeReport === false) return through.length || ungrounded.length ? 1 : 0;
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./out/llm-report-${set}.json`, import.meta.url),
    JSON.stringify({ model: demo ? 'demo' : llm.model, deadlineMs, answers: rows.length, sent: sent.length, llm: llmRows.length, fallbacks: fallbacks.length, reasons: Object.fromEntries(reasons), unbackedThrough: through, ungrounded: ungrounded.map((r) => r.id), rows: rows.map((r) => ({ id: r.id, question: r.question, generatedBy: r.final.generatedBy, guard: r.final.guard, answer: r.final.answer })) }, null, 1),
  );
  return through.length || ungrounded.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());
