// The metadata block government pages put above the text: gov.cn's 索引号 table, gz.gov.cn's 基本信息 list,
// 政府信息公开 tables elsewhere. Labels are spaced out to line up (索 引 号, 文　　号) and values sit in the next
// cell, after the label in one <li>, or several pairs share a line, so pairs are read from the block's text, not
// from its markup.
import type { SourceMeta } from '../blocks.js';

type Field = keyof SourceMeta | 'signed' | 'other';

/** Each field and the labels that name it, without the spacing. */
const FIELDS: [field: Field, labels: string[]][] = [
  ['indexNumber', ['索引号']],
  ['docNumber', ['发文字号', '文号', '发文号', '文件编号']],
  ['title', ['标题', '文件名称']],
  ['issuer', ['发文机关', '发布机关', '发布机构', '发文单位', '发布单位', '制发机关', '发文机构']],
  ['published', ['发布日期', '发布时间', '发表时间', '公布日期', '公开日期']],
  ['signed', ['成文日期', '印发日期', '发文日期']],
  ['effective', ['实施日期', '生效日期', '施行日期']],
  ['validUntil', ['失效日期', '废止日期', '有效期至']],
  // Read so that their values do not run into the neighbours', not kept.
  ['other', ['统一编号', '主题分类', '主题词', '文件状态', '有效性', '时效性', '信息来源', '体裁分类', '公开方式', '浏览次数']],
];

const spaced = (label: string) => [...label.replace(/\s/g, '')].join('[\\s\\u00a0\\u3000]*');
const LABELS = FIELDS.flatMap(([field, labels]) => labels.map((l) => ({ field, re: spaced(l) })))
  // Longer labels first, so 发文字号 is not read as 文号.
  .sort((a, b) => b.re.length - a.re.length);
const LABEL_RE = new RegExp(`(${LABELS.map((l) => l.re).join('|')})[\\s\\u00a0\\u3000]*[:：]`, 'g');

function fieldOf(label: string): Field {
  return LABELS.find((l) => new RegExp(`^${l.re}$`).test(label))!.field;
}

/**
 * label:value pairs from a metadata block's segments (cells, list items, lines) in document order. A value runs
 * from its label to the next label; a label whose own segment is empty takes the next segment ("索 引 号：" |
 * "000014349/2018-00212").
 */
/**
 * How many distinct fields a text labels: a metadata block labels several, a paragraph that mentions 文号 not.
 * With includeOther, labels read only to delimit values (主题词, 文件状态) count too.
 */
export function countLabels(text: string, includeOther = false): number {
  const found = new Set<string>();
  for (const m of text.matchAll(LABEL_RE)) found.add(fieldOf(m[1]) === 'other' ? m[1] : fieldOf(m[1]));
  if (!includeOther) for (const [field, labels] of FIELDS) if (field === 'other') for (const l of labels) for (const f of [...found]) if (f.replace(/[\s\u00a0\u3000]/g, '') === l) found.delete(f);
  return found.size;
}

export function parseMetaSegments(segments: string[]): SourceMeta {
  const text = segments.map((s) => s.trim()).filter(Boolean).join('\n');
  const meta: SourceMeta & { signed?: string } = {};
  const matches = [...text.matchAll(LABEL_RE)];
  matches.forEach((m, i) => {
    const end = i + 1 < matches.length ? matches[i + 1].index! : text.length;
    const value = text
      .slice(m.index! + m[0].length, end)
      .split('\n')
      .map((s) => s.trim())
      .find(Boolean);
    const field = fieldOf(m[1]);
    if (value && field !== 'other') meta[field] ??= value;
  });
  // SourceMeta has one date of publication: 发布日期 where the page gives it, else the date the text was signed.
  const { signed, ...rest } = meta;
  if (signed) rest.published ??= signed;
  return rest;
}
