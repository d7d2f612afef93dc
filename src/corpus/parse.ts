// Policy text → document, chapters and clauses. Tolerates the variations real published documents have.
import { chineseToInt } from '../text/numerals.js';
import { parseDepartmentList, type DepartmentRegistry } from './departments.js';
import type { Chapter, Clause, PolicyDocument } from './types.js';

const BREADCRUMB = /(网站首页|首页|主页|当前位置|您的位置)\s*[:：>]|>\s*$/;
const CHAPTER = /^\s*([一二三四五六七八九十]+)\s*、\s*(.+?)\s*$/;
const CLAUSE = /^\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$/;
const PUBLISHED = /发布(?:时间|日期)\s*[:：]\s*(\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?(?:\s+\d{1,2}:\d{2})?)/;
const LEAD_LABEL = '(?:牵头单位|牵头部门|责任单位|牵头)';
const SUPPORT_LABEL = '(?:配合单位|配合部门|配合)';
// Names may hold one level of parentheses themselves: 各县（区）人民政府.
const NAMES = '(?:[^()（）]|[（(][^()（）]*[)）])*?';
// The department note closes a clause: (牵头:…,配合:…) in any mix of half- and full-width punctuation.
const DEPT_NOTE = new RegExp(
  `[（(]\\s*${LEAD_LABEL}\\s*[:：]\\s*(${NAMES})(?:[，,；;]\\s*${SUPPORT_LABEL}\\s*[:：]\\s*(${NAMES}))?\\s*[。.]?\\s*[)）]\\s*$`,
);

/** Splits text into sentences at 。！？； keeping the terminator; drops empty pieces. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 1);
}

const squeeze = (s: string) => s.replace(/[ \t\u3000\u00a0]+/g, '');

function cleanTitle(line: string): { title: string; region?: string } {
  let t = squeeze(line);
  const m = t.match(/^([\u4e00-\u9fa5]{2,8})[:：](.+)$/);
  let region: string | undefined;
  if (m && !m[1].includes('关于')) {
    region = m[1];
    t = m[2];
  }
  return { title: t.replace(/^[《]|[》]$/g, ''), region };
}

/** Stable id from a file name: "guangxi-hitech-zones-2021.txt" → "guangxi-hitech-zones-2021". */
export function docIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(txt|md)$/i, '').toLowerCase().replace(/[^a-z0-9\u4e00-\u9fa5_-]+/g, '-');
}

export function parseDocument(file: string, raw: string, registry: DepartmentRegistry): PolicyDocument {
  const docId = docIdFromFile(file);
  const lines = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').split('\n');
  const published = raw.match(PUBLISHED)?.[1];

  let title = '';
  let region: string | undefined;
  const chapters: Chapter[] = [];
  const clauseDrafts: { number: number; label: string; chapter?: Chapter; head: string; body: string[] }[] = [];
  const preamble: string[] = [];

  for (const rawLine of lines) {
    const line = rawLine.replace(/^#+\s*/, '').trim(); // markdown headings read like plain lines
    if (!line || PUBLISHED.test(line)) continue;
    if (!title) {
      if (BREADCRUMB.test(line)) continue;
      ({ title, region } = cleanTitle(line));
      continue;
    }
    const ch = line.match(CHAPTER);
    if (ch && chineseToInt(ch[1]) !== undefined && line.length < 40 && !/[。；]/.test(ch[2])) {
      chapters.push({ docId, number: chineseToInt(ch[1])!, label: ch[1], title: squeeze(ch[2]) });
      continue;
    }
    const cl = line.match(CLAUSE);
    if (cl && chineseToInt(cl[1]) !== undefined) {
      clauseDrafts.push({ number: chineseToInt(cl[1])!, label: cl[1], chapter: chapters.at(-1), head: cl[2], body: [] });
      continue;
    }
    if (clauseDrafts.length) clauseDrafts.at(-1)!.body.push(line);
    else preamble.push(line);
  }

  const clauses = clauseDrafts.map((d) => buildClause(docId, d, registry));
  return { docId, title, region, published, file, preamble: preamble.join('\n'), chapters, clauses };
}

function buildClause(
  docId: string,
  d: { number: number; label: string; chapter?: Chapter; head: string; body: string[] },
  registry: DepartmentRegistry,
): Clause {
  // The heading phrase ends at the first 。 (or is the whole line, e.g. "(三)发展目标").
  const stop = d.head.search(/[。.]/);
  const title = squeeze(stop === -1 ? d.head : d.head.slice(0, stop));
  const rest = stop === -1 ? '' : d.head.slice(stop + 1);
  let text = [rest, ...d.body].map((s) => s.trim()).filter(Boolean).join('\n');
  let deptNote = '';
  let lead: Clause['lead'] = [];
  let support: Clause['support'] = [];
  const note = text.match(DEPT_NOTE);
  if (note) {
    deptNote = squeeze(note[0]);
    lead = parseDepartmentList(note[1], registry);
    support = note[2] ? parseDepartmentList(note[2], registry) : [];
    text = text.slice(0, note.index).trim();
  }
  // Stray spaces inside running Chinese text come from the site's layout, not the author.
  text = text.replace(/([\u4e00-\u9fa5，、])[ \u3000]+(?=[\u4e00-\u9fa5])/g, '$1');
  const chapter = d.chapter ? `${d.chapter.label}、${d.chapter.title}` : '';
  return {
    docId,
    number: d.number,
    label: d.label,
    chapter,
    chapterNumber: d.chapter?.number ?? 0,
    title,
    text,
    sentences: splitSentences(text),
    deptNote,
    lead,
    support,
  };
}
