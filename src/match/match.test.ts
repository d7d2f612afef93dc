// The benefit finder over the seed: a profile gets the awards whose every condition it meets, with the clause, the
// amount (computed from its own figures where the rule takes them) and the department; the tempting ones of the
// same clause are held back, or listed with the reason on request.
import { describe, expect, it } from 'vitest';
import { checkComputation } from '../qa/arith.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase } from '../index/knowledge-base.js';
import { readDocument } from '../corpus/readers/index.js';
import { lexicon, seedKnowledgeBase, tokenizer } from '../testing/fixtures.js';
import { matchProfile } from './match.js';
import { profileText } from './profile.js';

const kb = seedKnowledgeBase();
const eligible = (text: string) => matchProfile(kb, text).items.filter((i) => i.status === 'eligible').map((i) => `${i.clause} ${i.amount}`);

describe('matchProfile', () => {
  it('gives a newly recognised national incubator the national figure, not the regional one', () => {
    const r = matchProfile(kb, '我们是柳州的孵化器，前几年是自治区级的，今年刚被认定为国家级科技企业孵化器，能拿哪些？');
    const first = r.items[0];
    expect(first).toMatchObject({ status: 'eligible', clause: '（十四）', amount: '100万元', docTitle: expect.stringContaining('高新技术产业开发区') });
    expect(first.quote).toContain(first.display);
    expect(first.lead).toEqual(['自治区发展改革委']);
    expect(eligible('我们是柳州的孵化器，前几年是自治区级的，今年刚被认定为国家级科技企业孵化器，能拿哪些？')).not.toContain('（十四） 50万元');
  });

  it('answers a profile that is only a question (能不能…) without stating anything: nothing eligible, no crash', () => {
    for (const text of ['能不能设立综合保税区', '哪些国家高新区被支持创建国家科技成果转移转化示范区']) {
      const r = matchProfile(kb, text, { includeNotEligible: true });
      expect(r.profile.level).toBeUndefined();
      expect(r.items.filter((i) => i.status === 'eligible')).toEqual([]);
    }
  });

  it('asks, never assumes, whether a profile meets conditions a rule only points at (符合条件的贷款)', async () => {
    const text = ['关于支持创业的若干措施', '一、对符合条件的贷款，按实际利率的50%给予贴息，每户最高150万元。', '二、对新认定的示范企业，给予50万元奖励。'].join('\n');
    const lib = hydrateKnowledgeBase(buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer), lexicon, tokenizer);
    const r = matchProfile(lib, '我们是一家小微企业，打算申请贷款300万，能拿哪些？', { includeNotEligible: true });
    const loan = r.items.filter((i) => i.number === 1);
    expect(loan.length).toBeGreaterThan(0);
    for (const i of loan) expect(i.status, i.amount).not.toBe('eligible');
  });

  it('holds a district\'s figure to that district: another district\'s is not eligible, a placeless profile is asked', async () => {
    const text = ['广州市民政局关于公布2025年救助标准的通知', '一、黄埔区、番禺区、南沙区的农村特困人员基本生活标准每人每月分别为2413元、2512元、2121元。'].join('\n');
    const lib = hydrateKnowledgeBase(buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer), lexicon, tokenizer);
    const status = (profile: string) => Object.fromEntries(matchProfile(lib, profile, { includeNotEligible: true }).items.map((i) => [i.amount, i.status]));
    expect(status('我是番禺区农村的特困人员，每月基本生活标准能领多少？')).toEqual({ '2512元': 'eligible', '2413元': 'not-eligible', '2121元': 'not-eligible' });
    const placeless = matchProfile(lib, '我是农村的特困人员，每月基本生活标准能领多少？', { includeNotEligible: true });
    expect(placeless.items.map((i) => i.status)).toEqual(['needs-info', 'needs-info', 'needs-info']);
    expect(placeless.items[0].missing).toMatch(/是否在(黄埔|番禺|南沙)/);
  });

  it('lists a not-eligible item only on request, with its reason', () => {
    const text = '桂林的自治区级科技企业孵化器，上个月刚拿到认定文件';
    expect(matchProfile(kb, text).items.some((i) => i.status === 'not-eligible')).toBe(false);
    const all = matchProfile(kb, text, { includeNotEligible: true }).items;
    const national = all.find((i) => i.clause === '（十四）' && i.amount === '100万元' && i.subject.startsWith('新认定'));
    expect(national).toMatchObject({ status: 'not-eligible', reason: expect.stringContaining('国家级') });
    expect(all.find((i) => i.amount === '50万元' && i.subject.startsWith('新认定'))?.status).toBe('eligible');
  });

  it('asks what it cannot tell instead of guessing (是否为新认定？)', () => {
    const r = matchProfile(kb, '我们是国家级科技企业孵化器，2019年认定的');
    const item = r.items.find((i) => i.subject === '新认定为国家级科技企业孵化器');
    expect(item?.status).toBe('needs-info');
    expect(item?.missing).toMatch(/新认定/);
    expect(r.ask).toBeDefined();
  });

  it('holds an award back when the profile denies its condition (园区不是高新区, 没有国家备案)', () => {
    expect(eligible('我们是玉林县工业园里的企业，园区不是高新区。今年拿到国家重点研发计划300万，能申请哪些？').join()).not.toContain('（九）');
    expect(eligible('我们的众创空间只在自治区科技厅备案，没有国家备案，能拿哪些？').join()).not.toContain('（十四）');
  });

  it('checks ranks against the bars: a rise of 12 inside the top 60 earns the 800万 tier, not the top-35 one', () => {
    const r = matchProfile(kb, '我们是国家高新区，今年全国排名从第50升到第38', { includeNotEligible: true });
    const tiers = r.items.filter((i) => i.clause === '（二十七）');
    expect(tiers.find((i) => i.display === '800万元')?.status).toBe('eligible');
    expect(tiers.find((i) => i.display === '1000万元')?.status).toBe('not-eligible');
    expect(eligible('国家高新区，今年排名第63，去年第75').join()).not.toContain('（二十七）');
  });

  it("computes a ratio from the profile's money and caps it, with a computation that checks out", () => {
    const r = matchProfile(kb, '我司在柳州高新区，承担了国家科技重大专项课题，国家支持资金1500万元，配套能拿多少？');
    const item = r.items.find((i) => i.clause === '（九）')!;
    expect(item).toMatchObject({ status: 'eligible', amount: '1000万元', upTo: true });
    expect(item.computed!.steps).toEqual(['1500万元 × 1:1 = 1500万元', 'min(1500万元, 1000万元) = 1000万元']);
    expect(checkComputation(item.computed!, item.quote, r.profile.text)).toBe(true);
  });

  it('reads a structured profile as the same description', () => {
    const text = profileText({ type: '科技企业孵化器', level: '国家级', events: ['今年新认定'], place: '南宁' });
    expect(text).toBe('我们是南宁的国家级科技企业孵化器。今年新认定');
    expect(eligible(text)).toContain('（十四） 100万元');
  });

  it('sorts by amount, says the text is silent on combining, and totals only what it may add', () => {
    const r = matchProfile(kb, '南宁高新区的企业，今年牵头建设的国家技术创新中心新认定了；二是今年第一次入选独角兽企业培育库。能拿哪些？');
    const shown = r.items.filter((i) => i.status === 'eligible');
    expect(shown.map((i) => i.amount)).toEqual(['1000万元', '100万元']);
    expect(r.stacking).toEqual([{ docId: 'guangxi-hitech-zones-2021', stated: false, note: '本政策未写明各项能否同时享受' }]);
    expect(r.total).toMatchObject({ amount: '1100万元', items: 2 });
  });

  it('finds nothing for a profile the library does not cover', () => {
    expect(eligible('我们是一家外卖平台，想申请新能源汽车购置补贴')).toEqual([]);
  });
});

describe('totals follow what the document says about combining', () => {
  const kbOf = async (rule: string) => {
    const { buildKnowledgeBaseData, hydrateKnowledgeBase } = await import('../index/knowledge-base.js');
    const { readDocument } = await import('../corpus/readers/index.js');
    const { lexicon, tokenizer } = await import('../testing/fixtures.js');
    const text = ['关于支持示范企业的若干措施', '第一条 对新认定的示范企业，给予50万元奖励。', '第二条 对首次进入培育库的企业，给予20万元奖励。', `第三条 同一企业符合本措施多项条款的，${rule}。`].join('\n');
    return hydrateKnowledgeBase(buildKnowledgeBaseData([await readDocument(new TextEncoder().encode(text), 'demo.txt')], lexicon, tokenizer), lexicon, tokenizer);
  };
  const profile = '我们是示范企业，今年新认定，今年还首次进入培育库，能拿哪些？';
  it('adds the items up where the document allows it', async () => {
    const r = matchProfile(await kbOf('可叠加享受'), profile);
    expect(r.items.filter((i) => i.status === 'eligible').map((i) => i.amount)).toEqual(['50万元', '20万元']);
    expect(r.total).toMatchObject({ amount: '70万元', items: 2 });
    expect(r.stacking[0]).toMatchObject({ stated: true });
  });
  it('gives no total where the document forbids it, and quotes it', async () => {
    const r = matchProfile(await kbOf('不得同时享受'), profile);
    expect(r.total).toBeUndefined();
    expect(r.stacking[0]).toEqual({ docId: 'demo', stated: true, note: '同一企业符合本措施多项条款的，不得同时享受。' });
  });
});
