// The structured form of a policy document: what the parser produces and every later stage reads.

/** A department as written in a clause, resolved to its canonical entry. */
export interface DeptRef {
  /** The name as the clause writes it, prefix expanded and spaces removed (e.g. 自治区工业和信息化厅). */
  written: string;
  /** Canonical key shared by every alias (e.g. 自治区工业和信息化厅 for 工信厅). */
  key: string;
  /** Canonical display name. */
  name: string;
}

export interface Chapter {
  docId: string;
  number: number; // 1-based
  label: string; // 四
  title: string; // 壮大高新技术产业
}

export interface Clause {
  docId: string;
  number: number; // 15
  label: string; // 十五
  chapter: string; // 四、壮大高新技术产业
  chapterNumber: number;
  title: string; // 培育高新区创新企业群
  /** Body text without the heading and without the trailing department parenthesis. */
  text: string;
  /** Body split into sentences (。！？；), in order. */
  sentences: string[];
  /** The department parenthesis as written, e.g. (牵头:自治区科技厅,配合:…). */
  deptNote: string;
  lead: DeptRef[];
  support: DeptRef[];
}

export interface PolicyDocument {
  docId: string;
  title: string; // cleaned: no breadcrumb, no "广西:" prefix, no stray spaces
  region?: string; // 广西
  published?: string; // 2021-03-01 10:43
  file: string; // file name inside corpus/
  preamble: string;
  chapters: Chapter[];
  clauses: Clause[];
}

/** Kinds of numeric value a fact can carry. */
export type ValueKind = 'money' | 'percent' | 'ratio' | 'count';

interface FactBase {
  /** Stable id: docId#clause#ordinal */
  id: string;
  docId: string;
  clause: number;
  label: string;
  /** Who or what the figure applies to, e.g. 新认定为自治区级科技企业孵化器. */
  subject: string;
  /** The sentence the fact comes from, verbatim. */
  sentence: string;
}

/** A funding amount, percentage or ratio stated by a clause. */
export interface AmountFact extends FactBase {
  type: 'amount';
  kind: ValueKind;
  /** Exactly as written in the clause: 1000万元, 300万, 7%, 1:1. */
  display: string;
  /** Numeric value in the unit's base: 万元 for money, percent for %, left:right for ratio. */
  value: number;
  unit: string; // 万元 | % | ratio
  /** Words that bound or shape the figure: 不超过, 最高不超过, 一次性, 每年, 每家, 分别, 上限, 至. */
  qualifiers: string[];
  /** 国家级 / 自治区级 when the subject names a level. */
  level?: 'national' | 'regional';
  /** What the money is called: 经费支持, 奖励补助, 配套资助 … */
  form?: string;
}

/** A development target (到2025年 … 20家). */
export interface TargetFact extends FactBase {
  type: 'target';
  year?: number;
  display: string; // 20家, 3%, 1000亿元
  kind: ValueKind;
}

/** A measurable reward condition or sanction (约谈, 黄牌警告, 摘牌). */
export interface SanctionFact extends FactBase {
  type: 'sanction';
  measure: string; // 约谈 | 黄牌警告 | 摘牌警示 | 摘牌
  display: string; // the condition's figure as written, e.g. 下降5位以上
}

export type Fact = AmountFact | TargetFact | SanctionFact;
