// The 部门 filter's matching and order, imported from the very string /assets/dept-filter.js serves.
import { describe, expect, it } from 'vitest';
import { DEPT_FILTER_JS } from './assets/dept-filter.js';

interface Ref { docId: string; number: number; title: string }
interface Dept { name: string; aliases: string[]; lead: Ref[]; support: Ref[] }
const mod = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(DEPT_FILTER_JS)}`)) as {
  matchDepartment(d: Dept, q: string, topics?: Set<string>): { rank: number; clauses: string[] } | undefined;
  rankDepartments(list: Dept[], q: string, topics?: Set<string>): { department: Dept; rank: number; clauses: string[] }[];
};

const ref = (number: number, title: string): Ref => ({ docId: 'd', number, title });
const KEJI: Dept = { name: '自治区科技厅', aliases: ['科技厅', '科学技术厅'], lead: [ref(15, '培育高新区创新企业群'), ref(26, '加强组织领导')], support: [ref(14, '优化创新创业生态'), ref(22, '优化土地资源配置')] };
const FGW: Dept = { name: '自治区发展改革委', aliases: ['发展改革委', '发改委'], lead: [ref(14, '优化创新创业生态'), ref(20, '优化营商环境')], support: [] };
const LAND: Dept = { name: '自治区自然资源厅', aliases: ['自然资源厅'], lead: [ref(22, '优化土地资源配置')], support: [] };
const ALL = [KEJI, FGW, LAND];
const order = (q: string, topics?: Set<string>) => mod.rankDepartments(ALL, q, topics).map((r) => r.department.name);

describe('department filter', () => {
  it('finds a department by an alias, and by an alias inside a longer query', () => {
    expect(order('发改委')).toEqual(['自治区发展改革委']);
    expect(order('广西发改委')).toEqual(['自治区发展改革委']);
    expect(order('科技')).toEqual(['自治区科技厅']);
  });

  it('puts the leader of a clause titled with the topic before the leaders of clauses that only mention it', () => {
    // 土地 is in clause 22's title, and in the text of clauses 22 and 26.
    expect(order('土地', new Set(['d#22', 'd#26']))).toEqual(['自治区自然资源厅', '自治区科技厅']);
    expect(mod.matchDepartment(KEJI, '土地', new Set(['d#22', 'd#26']))).toEqual({ rank: 2, clauses: ['d#26', 'd#22'] });
  });

  it('finds by a topic only the clause text mentions, leader before supporter', () => {
    expect(order('孵化器', new Set(['d#14']))).toEqual(['自治区发展改革委', '自治区科技厅']);
    expect(order('孵化器')).toEqual([]);
  });

  it('finds every department, in the given order, for an empty query', () => {
    expect(order('  ')).toEqual(['自治区科技厅', '自治区发展改革委', '自治区自然资源厅']);
  });
});
