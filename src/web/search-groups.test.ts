// Search hits grouped by clause, imported from the very string /assets/search-groups.js serves.
import { describe, expect, it } from 'vitest';
import { SEARCH_GROUPS_JS } from './assets/search-groups.js';

interface Hit { docId: string; clause: number; label: string; title: string; kind: string; text: string; highlights: string[] }
interface Group { docId: string; clause: number; terms: string[]; sentences: string[]; matched: boolean }
const mod = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(SEARCH_GROUPS_JS)}`)) as {
  sentencesOf(text: string): string[];
  groupHits(hits: Hit[], q: string): Group[];
};

const S1 = '对首次进入独角兽企业培育库的企业,每家前资助100万元经费支持;';
const S2 = '对进入专业机构发布的独角兽企业榜单的企业,每家奖励性后补助400万元。';
const CLAUSE_15 = `设区的市、县级人民政府要进一步完善高新技术企业培育长效机制。${S1}${S2}`;
const hit = (clause: number, kind: string, text: string, highlights: string[], docId = 'd'): Hit => ({ docId, clause, label: String(clause), title: `t${clause}`, kind, text, highlights });

describe('groupHits', () => {
  it('lists a clause once however many of its chunks match, with its matching sentences in clause order', () => {
    const groups = mod.groupHits([hit(15, 'sentence', S2, ['独角兽']), hit(15, 'sentence', S1, ['独角兽']), hit(15, 'clause', CLAUSE_15, ['独角兽'])], '独角兽');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ clause: 15, terms: ['独角兽'], sentences: [S1, S2], matched: true });
  });

  it('picks the matching sentences out of a whole-clause chunk', () => {
    const [g] = mod.groupHits([hit(15, 'clause', CLAUSE_15, ['独角兽'])], '独角兽');
    expect(g.sentences).toEqual([S1, S2]);
  });

  it('keeps the ranking order of clauses and tells clauses of different documents apart', () => {
    const groups = mod.groupHits([hit(22, 'sentence', '土地。', ['土地']), hit(14, 'clause', '孵化器。', []), hit(22, 'clause', '土地。', ['土地'], 'other')], '土地');
    expect(groups.map((g) => `${g.docId}#${g.clause}`)).toEqual(['d#22', 'd#14', 'other#22']);
  });

  it('marks a clause that only resembles the query as not matched, showing its first sentence', () => {
    const [g] = mod.groupHits([hit(23, 'clause', '加大财政投入力度。完善财政管理体制。', [])], '独角兽');
    expect(g).toMatchObject({ matched: false, sentences: ['加大财政投入力度。'], terms: [] });
  });

  it('cuts sentences as the parser does, terminator kept', () => {
    expect(mod.sentencesOf('甲,乙;丙。丁？戊')).toEqual(['甲,乙;', '丙。', '丁？', '戊']);
  });
});
