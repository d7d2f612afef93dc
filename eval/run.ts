// npm run eval — prints the metrics per category, the naive baseline beside them, dialog accuracy and latency.
import { blocksToText } from '../src/corpus/blocks.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from '../src/node/loaders.js';
import { configFromEnv } from '../src/config.js';
import { loadOrBuildIndex } from '../src/node/index-store.js';
import { embeddingsFromConfig } from '../src/llm/embeddings.js';
import { runEval, type Rate, type Summary } from './harness.js';
import { createRuntime } from '../src/runtime.js';

// npm run eval -- --llm [--demo]: the same sets through the LLM writer and its grounding guard (eval/llm-eval.ts).
if (process.argv.includes('--llm')) process.exit(await (await import('./llm-eval.js')).main());
// npm run eval -- --library [--holdout]: the library sets (seed + real documents) in eval/sets/.
if (process.argv.includes('--library')) {
  const { libraryKnowledgeBase } = await import('./library/kb.js');
  const { formatLibraryReport, runLibrary } = await import('./library/run.js');
  const kb = await libraryKnowledgeBase();
  const engine = createRuntime({ kb, cacheSize: 0 }).engine;
  const split = process.argv.includes('--holdout') ? 'holdout' : 'dev';
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  for (const set of ['planner', 'realdocs'] as const) {
    const r = await runLibrary(kb, engine, set, split);
    console.log(`${formatLibraryReport(r, !process.argv.includes('--summary'))}\n`);
    writeFileSync(new URL(`./out/library-${set}-${split}.json`, import.meta.url), JSON.stringify(r, null, 1));
  }
  process.exit(0);
}

const lex = readLexicon();
const sources = await readCorpus();
const { kb } = await loadOrBuildIndex(process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR, sources, lex, nodeTokenizer(lex), embeddingsFromConfig(configFromEnv(process.env)));
// npm run eval -- --holdout: the held-out sets, written by someone else and never used to tune the rules.
const set = process.argv.includes('--holdout') ? 'holdout' : 'main';
const report = await runEval(kb, createRuntime({ kb }).engine, sources.map((s) => blocksToText(s.blocks)).join('\n\n'), set);
console.log(`eval set: ${set}\n`);

const f = (r: Rate) => (r.n ? `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.n})` : '—');
const cols: [string, keyof Summary][] = [
  ['top-1', 'top1'], ['top-3', 'top3'], ['facts', 'facts'], ['dept-set', 'lead'], ['intent', 'intent'], ['grounded', 'grounded'], ['oos-P', 'oosPrecision'], ['oos-R', 'oosRecall'],
];
const row = (name: string, s: Summary) => `| ${name} | ${cols.map(([, k]) => f(s[k])).join(' | ')} |`;
console.log(`| category | ${cols.map(([n]) => n).join(' | ')} |`);
console.log(`|---|${cols.map(() => '---').join('|')}|`);
for (const [cat, s] of Object.entries(report.byCategory)) console.log(row(cat, s));
console.log(row('**all**', report.overall));
console.log(row('baseline (splitter + vector top-1)', report.baseline));
console.log(`\ndialogs: ${f(report.dialogs.turns)} of turns correct; by turn: ${report.dialogs.byTurn.map((r, i) => `#${i + 1} ${f(r)}`).join(', ')}`);
const l = report.latencyMs;
console.log(`latency per question: mean ${l.mean.toFixed(2)} ms, p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(2)} ms`);
if (report.failures.length || report.dialogs.failures.length) {
  console.log(`\nfailures (${report.failures.length} questions, ${report.dialogs.failures.length} dialog turns):`);
  for (const x of report.failures) {
    console.log(`- ${x.id} ${x.question} → ${x.answer.intent} [${x.answer.citations.map((c) => c.number).join(',')}] want ${x.expected.intent} [${x.expected.clauses}] ${x.expected.facts.join(',')} !${x.expected.mustNot.join(',')} ${x.expected.lead.join(',')} :: ${JSON.stringify(x.score)} :: ${x.answer.answer.replace(/\n/g, ' / ').slice(0, 150)}`);
  }
  for (const d of report.dialogs.failures) console.log(`- ${d}`);
}
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./out/report-${set}.json`, import.meta.url), JSON.stringify(report, null, 1));
