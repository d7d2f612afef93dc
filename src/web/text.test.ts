// The browser's pure text helpers, imported from the very string /assets/text.js serves.
import { describe, expect, it } from 'vitest';
import { TEXT_JS } from './assets/text.js';

interface Segment { text: string; kind?: string; data?: unknown }
interface Rule { kind: string; re?: RegExp; terms?: string[]; data?: (t: string) => unknown }
interface Row { id: string; docId: string; clause: number; kind: string; value: number; display: string; docOrder?: number }
interface TextModule {
  AMOUNT_RE: RegExp;
  clauseRef(label: string, title?: string): string;
  segments(text: string, rules: Rule[]): Segment[];
  byAmount(dir: 1 | -1): (a: Row, b: Row) => number;
  byClause(dir: 1 | -1): (a: Row, b: Row) => number;
  phoneScript(a: { answer: string; citations: { docTitle: string; clause: string; title: string }[] }): string;
  unitStyle(display: string): string;
  withUnitStyle<T extends { answer: string; facts: Fact[] }>(a: T): T;
  replyOptions(text: string): { lines: string[]; options: string[] };
}
interface Fact { type: string; kind?: string; display: string }

const mod = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(TEXT_JS)}`)) as TextModule;
const marked = (segs: Segment[], kind: string) => segs.filter((s) => s.kind === kind).map((s) => s.text);

describe('segments', () => {
  it('marks figures as the clauses write them, and nothing else with digits', () => {
    const text = '分别给予100万元和50万元,最高300万,比例不得突破7%,按1:1和1∶1配套,到2025年前35名,1000亿元';
    const segs = mod.segments(text, [{ kind: 'amt', re: mod.AMOUNT_RE }]);
    expect(marked(segs, 'amt')).toEqual(['100万元', '50万元', '300万', '7%', '1:1', '1∶1', '1000亿元']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('lets a clause reference win over a department name inside it, and keeps rule payloads', () => {
    const ref = mod.clauseRef('二十二', '优化土地资源配置');
    const text = `来源：${ref}。牵头：自治区自然资源厅`;
    const segs = mod.segments(text, [
      { kind: 'cite', terms: [ref], data: () => ({ number: 22 }) },
      { kind: 'dept', terms: ['土地资源', '自治区自然资源厅'] },
    ]);
    expect(segs.find((s) => s.kind === 'cite')).toEqual({ text: ref, kind: 'cite', data: { number: 22 } });
    expect(marked(segs, 'dept')).toEqual(['自治区自然资源厅']);
  });

  it('prefers the longer of two matches at the same place, and finds every occurrence', () => {
    const segs = mod.segments('科技厅、自治区科技厅、科技厅', [{ kind: 'dept', terms: ['科技厅', '自治区科技厅'] }]);
    expect(marked(segs, 'dept')).toEqual(['科技厅', '自治区科技厅', '科技厅']);
  });

  it('returns markup as plain text runs (the DOM layer inserts them with textContent)', () => {
    const segs = mod.segments('<img src=x onerror=alert(1)>独角兽', [{ kind: 'hit', terms: ['独角兽'] }]);
    expect(segs).toEqual([{ text: '<img src=x onerror=alert(1)>' }, { text: '独角兽', kind: 'hit', data: undefined }]);
  });
});

describe('sorting', () => {
  const row = (clause: number, n: number, kind: string, value: number, display: string): Row => ({ id: `d#${clause}#${n}`, docId: 'd', clause, kind, value, display });
  const rows = [row(22, 1, 'percent', 7, '7%'), row(4, 1, 'money', 1000, '1000万元'), row(9, 1, 'ratio', 1, '1:1'), row(14, 2, 'money', 50, '50万元'), row(14, 1, 'money', 100, '100万元')];
  const order = (cmp: (a: Row, b: Row) => number) => rows.slice().sort(cmp).map((r) => r.display);

  it('sorts by amount within kinds, money first, and only the value order flips', () => {
    expect(order(mod.byAmount(-1))).toEqual(['1000万元', '100万元', '50万元', '7%', '1:1']);
    expect(order(mod.byAmount(1))).toEqual(['50万元', '100万元', '1000万元', '7%', '1:1']);
  });

  it('sorts by clause and position in the clause', () => {
    expect(order(mod.byClause(1))).toEqual(['1000万元', '1:1', '100万元', '50万元', '7%']);
    expect(order(mod.byClause(-1))).toEqual(['7%', '50万元', '100万元', '1:1', '1000万元']);
  });

  it('puts documents in the library\'s order when the rows carry it, not in docId order', () => {
    const other = { ...row(1, 1, 'money', 200, '200万元'), docId: 'a-older', docOrder: 1 };
    const mine = rows.map((r) => ({ ...r, docOrder: 0 }));
    expect([other, ...mine].sort(mod.byClause(1)).map((r) => r.display)).toEqual(['1000万元', '1:1', '100万元', '50万元', '7%', '200万元']);
    const unordered = { ...other, docOrder: undefined };
    expect([...rows, unordered].sort(mod.byClause(1))[0].display).toBe('200万元'); // without it: a-older < d
  });
});

describe('phoneScript', () => {
  const citation = { docTitle: '关于促进高新技术产业开发区高质量发展的若干措施', clause: '（十四）', title: '优化创新创业生态' };

  it('keeps the answer lines and puts the source line last', () => {
    const answer = '新认定为自治区级科技企业孵化器：50万元配套资助。\n来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」\n牵头：自治区发展改革委';
    expect(mod.phoneScript({ answer, citations: [citation] }).split('\n')).toEqual([
      '新认定为自治区级科技企业孵化器：50万元配套资助。',
      '牵头：自治区发展改革委',
      '来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」',
    ]);
  });

  it('builds a source line from the citations when the answer has none, once per clause', () => {
    expect(mod.phoneScript({ answer: '100万元。', citations: [citation, citation] })).toBe(
      '100万元。\n来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」',
    );
    expect(mod.phoneScript({ answer: '您好！', citations: [] })).toBe('您好！');
  });
});

describe('unit style', () => {
  it('writes money with 元 and leaves every other figure alone', () => {
    expect(['300万', '1.5亿', '300万元', '1000亿元', '7%', '1:1', '2025年'].map(mod.unitStyle)).toEqual(['300万元', '1.5亿元', '300万元', '1000亿元', '7%', '1:1', '2025年']);
  });

  it('restyles an answer\'s money facts and their mentions, not a longer figure or a figure already with its unit', () => {
    const facts = [{ type: 'amount', kind: 'money', display: '300万' }, { type: 'amount', kind: 'percent', display: '7%' }, { type: 'target', kind: 'count', display: '5万' }];
    const a = mod.withUnitStyle({ answer: '高新区：300万经费支持。另有1300万和300万元，比例7%，目标5万', facts });
    expect(a.answer).toBe('高新区：300万元经费支持。另有1300万和300万元，比例7%，目标5万');
    expect(a.facts.map((f) => f.display)).toEqual(['300万元', '7%', '5万']);
  });
});

describe('replyOptions', () => {
  it('turns a clarify reply into its question and the topics and example it offers', () => {
    const text = '您想问哪一类支持的金额？例如：国家高新区、新型研发机构、国家重点实验室。\n您可以这样问：新认定的自治区级孵化器给多少钱？';
    expect(mod.replyOptions(text)).toEqual({
      lines: ['您想问哪一类支持的金额？'],
      options: ['国家高新区', '新型研发机构', '国家重点实验室', '新认定的自治区级孵化器给多少钱？'],
    });
  });

  it('takes the "· " example lines of a greeting or out-of-scope reply, keeping the rest as text', () => {
    const text = '本政策未涉及北京的政策。我只能解答《…》中的内容。\n您可以问：\n· 土地这块归谁管？\n· 第十五条讲了什么？';
    expect(mod.replyOptions(text)).toEqual({ lines: ['本政策未涉及北京的政策。我只能解答《…》中的内容。'], options: ['土地这块归谁管？', '第十五条讲了什么？'] });
  });
});
