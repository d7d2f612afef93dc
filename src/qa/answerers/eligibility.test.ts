// The benefit finder in conversation: a self-description that asks "能拿哪些" gets the list with citations and the one
// question that would change it; a later turn adds to the description; an ordinary question is not taken for one.
import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../channels/kit/plain-text.js';
import { testApp } from '../../testing/app.js';

const { assistant } = testApp();

describe('benefit finder in conversation', () => {
  it('lists what a described incubator can get, cites each item, and asks what is missing', async () => {
    const a = await assistant.ask('我们是南宁的孵化器，去年被认定为国家级，今年国家绩效考核评价又是A，能拿哪些钱？', { channelUser: 'test:u1' });
    expect(a.answer.split('\n')[0]).toMatch(/^按您所述，可申请以下\d+项：$/);
    expect(a.answer).toContain('（十四）');
    expect(a.answer).toContain('100万元');
    expect(a.answer).toContain('本政策未写明各项能否同时享受');
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) expect(c.clause).toBe('（十四）');
  });

  it('refines the description on a follow-up (我们还…)', async () => {
    await assistant.ask('我们是北海高新区的企业，今年牵头建设的国家技术创新中心新认定了，能拿哪些？', { channelUser: 'test:u2' });
    const b = await assistant.ask('我们还第一次入选了独角兽企业培育库', { channelUser: 'test:u2' });
    expect(b.answer).toContain('（八）');
    expect(b.answer).toContain('（十五）');
  });

  it('fits a WeChat reply: the items and the next question within the byte budget', async () => {
    const a = await assistant.ask('我们是北海国家高新区，今年全国排名从52升到40；同年还获批了国家科技成果转移转化示范区。能拿哪些？', { channelUser: 'test:u4' });
    const text = formatAnswer(a, { maxBytes: 2000 });
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(2000);
    expect(text).toContain('（二十七）');
    expect(text).toContain('800万元');
    expect(text).toContain('（十）');
    expect(text).toContain('300万元');
  });

  it('leaves an ordinary amount question to the engine', async () => {
    const a = await assistant.ask('新认定的自治区级孵化器给多少钱？', { channelUser: 'test:u3' });
    expect(a.answer).not.toMatch(/^按您所述/);
    expect(a.facts.map((f) => f.type === 'amount' && f.display)).toContain('50万元');
  });
});
