// The structured form of a policy document: what the parser produces and every later stage reads.

/** A department as written in a clause, resolved to its canonical entry within its document's region. */
export interface DeptRef {
  /** The name as the document writes it, elided prefix expanded and spaces removed (e.g. 自治区工业和信息化厅). */
  written: string;
  /** Canonical key shared by every alias within one document's region (e.g. 自治区工业和信息化厅 for 工信厅). */
  key: string;
  /** Canonical display name. */
  name: string;
}

/** Administrative levels, as documents and questions name them (国家级, 省级/自治区级, 市级, 区级, 县级). */
export type Level = 'national' | 'province' | 'city' | 'district' | 'county';

export interface DocumentMeta {
  /** The document's own title (breadcrumb, region prefix and layout spaces removed). */
  title: string;
  /** A short name for lists and answers (the title without the issuer and 关于/的通知 frame). */
  shortTitle: string;
  /** The title of the attached 办法/措施 a 印发通知 wraps, when there is one. */
  bodyTitle?: string;
  issuers: string[];
  /** 文号, e.g. 国发〔2018〕39号. */
  docNumber?: string;
  /** 索引号 / 统一编号. */
  indexNumber?: string;
  /** The jurisdiction the document governs, most specific last: ['广东', '广州', '天河区']. */
  region: string[];
  level?: Level;
  /** Dates as YYYY-MM-DD. */
  published?: string;
  signed?: string;
  effective?: string;
  /** Last day the document is in force, stated (失效日期, 执行至) or derived (有效期5年, 暂定三年). */
  validUntil?: string;
  /** The sentence(s) that state effect and validity, verbatim. */
  validityNote?: string;
  /** 文号 (or titles) of documents this one repeals or stops (废止, 停止执行). */
  repeals: string[];
  /** An application window the text states (2025年8月11日至8月22日). */
  applicationWindow?: string;
}

/** A heading above clauses: a chapter (第一章, 一、) or any group that only introduces its items. */
export interface Group {
  docId: string;
  label: string;
  title: string;
  /** Ancestors' labels then its own: 二、（三）. */
  path: string;
  /** Text under the heading before its first item (an introduction), if any. */
  text: string;
}

export interface Clause {
  docId: string;
  /** Unique across the corpus: `${docId}#${number}`. */
  id: string;
  /**
   * The clause's number within its document: the ordinal its own marker denotes (第九条 → 9, 12. → 12) when those
   * are unique in the document, else its position (numbering that restarts in each group).
   */
  number: number;
  /** The ordinal its marker denotes, unique or not. */
  ordinal: number;
  /** The marker as written: 第九条, （四）, 4., 一、; a table row's 序号. */
  label: string;
  /** Ancestor headings, outermost first, each as label + title: ['二、提升高新区创新能力']. */
  path: string[];
  /** Ancestor labels then its own (二、（三）1.), to tell apart labels that repeat in one document. */
  pathLabel: string;
  /** How citations name it: its own label as written (第九条, （四）, 4.), or its path where the label repeats. */
  cite: string;
  /** The outermost ancestor heading (label + title), '' when none. */
  chapter: string;
  chapterNumber: number;
  /** The clause's own heading phrase, '' when it has none. */
  title: string;
  /** Body text without the marker, the heading and the department note. */
  text: string;
  /** Body split into sentences (。！？；), in order. */
  sentences: string[];
  /** The department note as written, e.g. (牵头:自治区科技厅,配合:…). */
  deptNote: string;
  lead: DeptRef[];
  support: DeptRef[];
  /** A row of a funding table: its header and cells, so each amount knows its column. */
  row?: { header: string[]; cells: string[] };
}

export interface PolicyDocument extends DocumentMeta {
  docId: string;
  /** File name inside corpus/. */
  file: string;
  /** The reader that read it: txt, md, html, docx, pdf. */
  format: string;
  /** Body text before the first clause (indexed and citable). */
  preamble: string;
  /** The 印发通知 that wraps the body, when there is one. */
  notice?: string;
  /** Unnumbered paragraphs after the last clause (解释权, 施行日期 …). */
  closing: string;
  attachments: { label: string; title: string; text: string }[];
  groups: Group[];
  clauses: Clause[];
  /** What the parser found, for the build report: "26 条（第N条），分 6 组". */
  structure: string;
  /** Anything the parser could not place: text outside every clause, unreadable notes, numbering gaps. */
  warnings: string[];
  /** How this document writes its departments (its level and the prefix it uses for it), to read names as it does. */
  deptContext: { level?: Level; ownPrefix?: string };
}

/** Kinds of numeric value a fact can carry. */
export type ValueKind = 'money' | 'percent' | 'ratio' | 'count' | 'rate';

/**
 * What a figure does in its sentence: a fixed benefit (award), a maximum (cap), a proportion the benefit is computed
 * with (ratio), a figure the applicant must reach (threshold), or anything else (fund sizes, rents payable).
 */
export type AmountRole = 'award' | 'cap' | 'ratio' | 'threshold' | 'other';

interface FactBase {
  /** Stable id: docId#clause#ordinal */
  id: string;
  docId: string;
  /** The clause's number (see Clause.number). */
  clause: number;
  label: string;
  /** Who or what the figure applies to, e.g. 新认定为自治区级科技企业孵化器. */
  subject: string;
  /** The sentence the fact comes from, verbatim. */
  sentence: string;
}

/** A funding amount, percentage, ratio or threshold stated by a clause. */
export interface AmountFact extends FactBase {
  type: 'amount';
  kind: ValueKind;
  role: AmountRole;
  /** Exactly as written in the clause: 1000万元, 300万, 7%, 1:1, 200元/人, 500万元—5000万元, 一万元. */
  display: string;
  /** Numeric value: 元 for money (the lower bound of a range), percent for %, left/right for a ratio. */
  value: number;
  /** Upper bound of a range (500万元—5000万元), when there is one. */
  valueMax?: number;
  /** 元 | % | ratio | 人 | 家 | 亩 … */
  unit: string;
  /** What the figure is per: 月, 人, 亩, 平方米/月, 人/夜, 年. */
  per?: string;
  /** Words that bound or shape the figure: 不超过, 最高不超过, 一次性, 每年, 每家, 分别, 上限, 至. */
  qualifiers: string[];
  level?: Level;
  /** What the money is called: 经费支持, 奖励补助, 配套资助 … */
  form?: string;
  /** Thresholds the award depends on, as written (投资1000万元以上), in the same sentence. */
  conditions: string[];
  /** Who may claim the figure, read from the text at index build (awards, caps and ratios only). */
  rule?: EligibilityRule;
}

/** A measurable bar an applicant must clear, as the clause states it (床位100张以上, 排名前35名, 提升10位以上). */
export interface Threshold {
  /** The piece of the sentence that states it, verbatim. */
  text: string;
  /** The figure as written (100张, 35名). */
  display: string;
  value: number;
  valueMax?: number;
  /** 元 | 家 | 张 | 亩 | 人次 | 名 | 位 … */
  unit: string;
  /** at-least (以上, 达到, 满), at-most (以下, 不超过), range (100—500亩), top (前35名), rise (提升10位以上). */
  op: 'at-least' | 'at-most' | 'range' | 'top' | 'rise' | 'bottom' | 'drop';
}

/**
 * An award's eligibility as data drawn from its sentence: who (the subject, and its alternatives when it lists
 * several), the level, the bars to clear, and what the document says about combining awards. The matcher
 * (src/match/) judges a profile against it; no rule is written per item.
 */
export interface EligibilityRule {
  /** Who or what qualifies, as the text writes it. */
  who: string;
  /** The items of a list subject (国家重点实验室、国家技术创新中心…): any one of them qualifies. */
  alternatives: string[];
  level?: Level;
  thresholds: Threshold[];
  /** The sentence that says whether awards combine (就高不重复, 不重复享受), verbatim; absent when the text is silent. */
  stacking?: string;
  /** Whether the condition could be read: the subject names someone, not only a qualifier (一次性). */
  readable: boolean;
}

/** A development target (到2025年 … 20家). */
export interface TargetFact extends FactBase {
  type: 'target';
  year?: number;
  display: string; // 20家, 3%, 1000亿元
  kind: ValueKind;
}

/** A measurable condition with a sanction (约谈, 黄牌警告, 摘牌). */
export interface SanctionFact extends FactBase {
  type: 'sanction';
  measure: string; // 约谈 | 黄牌警告 | 摘牌警示 | 摘牌
  display: string; // the condition's figure as written, e.g. 下降5位以上
}

export type Fact = AmountFact | TargetFact | SanctionFact;
