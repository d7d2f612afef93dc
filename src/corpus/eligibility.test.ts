// Eligibility rules as the index build reads them: who, level, the bars with their operators, stacking when the text
// states it, and a rule marked unreadable when its subject names no one.
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBaseData } from '../index/knowledge-base.js';
import { documentReport } from '../index/build-report.js';
import { lexicon, seedKnowledgeBase, tokenizer } from '../testing/fixtures.js';
import { readDocument } from './readers/index.js';
import type { AmountFact } from './types.js';

const kb = seedKnowledgeBase();
const amount = (label: string, display: string) => kb.facts.find((f): f is AmountFact => f.type === 'amount' && f.label === label && f.display === display && f.role !== 'threshold')!;

describe('eligibility rules', () => {
  it('reads who, level and rank bars from the sentence', () => {
    expect(amount('（十四）', '100万元').rule).toMatchObject({ who: '新认定为国家级科技企业孵化器', level: 'national', thresholds: [], readable: true });
    const rise = amount('（二十七）', '800万元').rule!;
    expect(rise.thresholds.map((t) => [t.display, t.op])).toEqual([['10位', 'rise'], ['60名', 'top']]);
    expect(amount('（二十七）', '1000万元').rule!.thresholds.map((t) => [t.display, t.op])).toEqual([['35名', 'top']]);
  });

  it('splits a list subject into alternatives', () => {
    expect(amount('（八）', '1000万元').rule!.alternatives).toEqual(['新认定的国家重点实验室', '国家制造业创新中心', '国家技术创新中心', '国家工程研究中心']);
  });

  it('gives every award, cap and ratio a rule, and thresholds none', () => {
    const grants = kb.facts.filter((f): f is AmountFact => f.type === 'amount');
    expect(grants.filter((f) => f.role !== 'threshold' && f.role !== 'other').every((f) => f.rule)).toBe(true);
    expect(grants.filter((f) => f.role === 'threshold').some((f) => f.rule)).toBe(false);
  });

  it('quotes what a document says about combining awards, and counts rules in the build report', async () => {
    const text = [
      '关于支持示范企业的若干措施',
      '第一条 对新认定的示范企业，给予50万元奖励。',
      '第二条 对首次进入培育库的企业，给予20万元奖励。',
      '第三条 同一企业符合本措施多项条款的，按就高原则不重复享受。',
    ].join('\n');
    const data = buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer);
    const award = data.facts.find((f): f is AmountFact => f.type === 'amount' && f.display === '50万元')!;
    expect(award.rule!.stacking).toBe('同一企业符合本措施多项条款的，按就高原则不重复享受。');
    expect(documentReport(data.documents[0], data.facts).rules).toEqual({ readable: 2, unreadable: 0 });
  });

  it('marks a rule unreadable when its subject is only qualifiers (每年每个), so the finder never offers it', async () => {
    const text = ['关于支持养老服务设施的办法', '第一条 每年每个给予5万元运营补贴。', '第二条 对新认定的示范中心，给予50万元奖励。'].join('\n');
    const data = buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer);
    const grant = data.facts.find((f): f is AmountFact => f.type === 'amount' && f.display === '5万元')!;
    expect(grant.rule?.readable, grant.rule?.who).toBe(false);
    expect(data.facts.find((f): f is AmountFact => f.type === 'amount' && f.display === '50万元')!.rule!.readable).toBe(true);
  });

  it('gives 分别 tiers the items of the nearest list before them: the condition with its one item, or the item before the subject', async () => {
    const text = [
      '关于养老服务和救助标准的通知',
      '第一条 区级设施服务评估为优秀、良好、合格等级的，每年每个分别给予40万元、30万元、20万元服务奖励。',
      '第二条 甲区、乙区、丙区的城镇人员标准为每人每月2000元，其农村人员标准每人每月分别为2400元、2500元、2100元。',
    ].join('\n');
    const data = buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer);
    const who = (display: string) => data.facts.find((f): f is AmountFact => f.type === 'amount' && f.display === display)!.rule!.who;
    expect(['40万元', '30万元', '20万元'].map(who)).toEqual(['区级设施服务评估为优秀等级', '区级设施服务评估为良好等级', '区级设施服务评估为合格等级']);
    expect(['2400元', '2500元', '2100元'].map((d) => who(d).slice(0, 5))).toEqual(['甲区农村人', '乙区农村人', '丙区农村人']);
  });
});
