// The grounding guard: every amount, percentage, ratio, year, count, clause number, department and document
// title in a model's text must be backed by the evidence it was given. Anything else is reported as unbacked.
import type { DepartmentRegistry } from '../corpus/departments.js';
import { scanDepartments } from './departments.js';
import { compact, type Evidence } from './evidence.js';
import { extractFigures } from './figures.js';

const AMOUNT_KINDS = new Set(['money', 'percent', 'ratio']);

/**
 * The unbacked mentions in `text`, normalised and each once ("1000万元", "第（三十）条", "自治区数字经济局",
 * "牵头：自治区财政厅"); empty when everything is backed. With `amountsFromDraft` (amount answers, which the model
 * only rephrases) an amount must be one the rules answer gives: the clause's other amounts (50万元 beside
 * 100万元) would be backed by the clause but answer another subject.
 */
export function unbackedMentions(text: string, evidence: Evidence, registry: DepartmentRegistry, opts: { amountsFromDraft?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const f of extractFigures(text)) {
    // 一家 / 一次 / 第一名 read as the number 1: ordinary words, not figures worth a fallback.
    if (f.kind === 'count' && Number(f.key.slice(6)) <= 1) continue;
    const backing = opts.amountsFromDraft && AMOUNT_KINDS.has(f.kind) ? evidence.draftFigures : evidence.figures;
    if (!backing.has(f.key)) out.push(f.display);
  }
  const flat = compact(evidence.text);
  for (const d of scanDepartments(text, registry, evidence.clauses[0]?.doc.deptContext)) {
    if (d.key) {
      if (!evidence.departments.has(d.key)) out.push(d.name);
      else if (d.asLead && !evidence.leads.has(d.key)) out.push(`牵头：${d.name}`);
    } else if (!backedLiterally(compact(d.written), flat)) {
      out.push(d.written);
    }
  }
  for (const m of text.matchAll(/《([^》]+)》/g)) if (!evidence.titles.has(compact(m[1]))) out.push(`《${m[1]}》`);
  return [...new Set(out)];
}

/** An unknown body counts when the evidence writes it too (该高新区管委会 backs 高新区管委会). */
function backedLiterally(name: string, evidenceText: string): boolean {
  if (evidenceText.includes(name)) return true;
  // The words before the suffix are a best guess: the suffix with up to three characters before it decides.
  const suffix = /(委员会|办公室|人民政府|管委会|厅|局|委|部)$/.exec(name)?.[0] ?? '';
  const core = name.slice(Math.max(0, name.length - suffix.length - 3));
  return core.length > suffix.length + 1 && evidenceText.includes(core);
}

/**
 * The model's text as the user sees it: its own 来源/出处 lines dropped and the rules answer's source line last,
 * so the source is always the one the citations back.
 */
export function withSourceLine(text: string, source: string): string {
  const body = text
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .split('\n')
    .filter((l) => !/^\s*[*#>\-\s]*(来源|出处)\s*[：:]/.test(l))
    .join('\n')
    .trim();
  return source ? `${body}\n${source}` : body;
}
