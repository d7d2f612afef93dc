// Document metadata: title, issuers, 文号, region and level, dates, validity and repeals. Read from the page's
// metadata block, the title and signature lines, and the text's own words (自…起施行，有效期5年; 废止《…》).
import type { Block, SourceMeta } from './blocks.js';
import { datesIn, endOfTerm, normDate } from './dates.js';
import type { DocumentMeta, Level } from './types.js';
import { FIELD_KEYS, type Zones } from './zones.js';
import type { Gazetteer, Place } from '../text/places.js';
import { parseChineseNumber } from '../text/numerals.js';

const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号/g;
const ORG = /(?:国务院办公厅|国务院|[\u4e00-\u9fa5]{2,30}?(?:委员会|办公厅|办公室|人民政府|政府|局|厅|委|部|院|署|办|中心|小组))(?=[\s\u3000]|关于|[,，、;；]|$|(?:广西|广东|[\u4e00-\u9fa5]{2,4}(?:省|市|区|县|自治区)))/g;

/** key → value pairs from metadata rows ("发文字号：\t国发〔2018〕39号") and lines ("文　　号： 穗人社规字〔2019〕6号"). */
export function metadataFields(blocks: Block[]): Map<string, string> {
  const fields = new Map<string, string>();
  const keyRe = new RegExp(`^(${FIELD_KEYS})[:：]?$`);
  for (const b of blocks) {
    if (b.kind === 'row') {
      const cells = b.cells.map((c) => c.trim());
      for (let k = 0; k < cells.length; k++) {
        const key = squeeze(cells[k]).replace(/[:：]$/, '');
        if (keyRe.test(squeeze(cells[k])) && cells[k + 1] !== undefined && !keyRe.test(squeeze(cells[k + 1]))) {
          if (cells[k + 1]) fields.set(key, cells[k + 1]);
          k++;
        }
      }
      continue;
    }
    // A line may hold several pairs: "发表时间：2025-08-11 18:04:59 信息来源：区住建园林局".
    const line = b.text.replace(/^[\s\u3000]+/, '');
    const re = new RegExp(`((?:${FIELD_KEYS.split('|').map((k) => [...k].join('[\\s\\u3000]*')).join('|')}))[\\s\\u3000]*[:：][\\s\\u3000]*`, 'g');
    const hits = [...line.matchAll(re)];
    for (const [n, m] of hits.entries()) {
      const end = n + 1 < hits.length ? hits[n + 1].index : line.length;
      const value = line.slice(m.index! + m[0].length, end).trim();
      if (value) fields.set(squeeze(m[1]), value);
    }
  }
  return fields;
}

const field = (f: Map<string, string>, ...keys: string[]) => keys.map((k) => f.get(k)).find((v) => v?.trim());

/** Organisation names in a line: signature lines, title prefixes, 发文机关 fields. */
export function orgNames(s: string): string[] {
  return [...new Set([...s.replace(/^[\s\u3000]+/, '').matchAll(ORG)].map((m) => squeeze(m[0])))];
}

const LEVEL_OF_PLACE: Record<string, Level> = { province: 'province', city: 'city', district: 'district', county: 'county' };

function regionOf(names: string[], gazetteer: Gazetteer): { region: string[]; level?: Level } {
  for (const n of names) {
    if (/^(国务院|中共中央|全国人大|国家|中华人民共和国)/.test(n) || /部$/.test(n) && !/[省市区县]/.test(n)) return { region: ['全国'], level: 'national' };
    const places = gazetteer.find(n).filter((p) => p.level !== 'zone' && p.level !== 'foreign');
    const deepest = places.sort((a, b) => b.parents.length - a.parents.length)[0];
    if (deepest) return { region: [...deepest.parents, deepest.name], level: LEVEL_OF_PLACE[deepest.level] };
  }
  return { region: [] };
}

/** The document's own level from how it refers to itself (我县, 县财政, 本市 …) when no place is named. */
function selfLevel(text: string): Level | undefined {
  const counts: [Level, number][] = [
    ['county', (text.match(/我县|本县|全县|县财政|县政府/g) ?? []).length],
    ['district', (text.match(/我区|本区|全区|区财政|区政府/g) ?? []).length],
    ['city', (text.match(/我市|本市|全市|市财政|市政府/g) ?? []).length],
    ['province', (text.match(/我省|本省|全省|省财政|省政府/g) ?? []).length],
  ];
  const best = counts.sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : undefined;
}

const TITLE_FRAME = /^(?:.*?)关于(?:印发|转发)?(.+?)(?:的通知|的公告|的通告|的函)?$/;

/** The title without issuer and 关于/印发/的通知 frame: 就业见习基地管理办法, 促进就业工作的若干意见. */
export function shortTitleOf(title: string, bodyTitle?: string): string {
  if (bodyTitle) return bodyTitle;
  const m = title.match(TITLE_FRAME);
  const t = (m ? m[1] : title).replace(/^[《]|[》]$/g, '');
  return t.length >= 4 ? t : title;
}

export interface MetadataInput {
  zones: Zones;
  /** What the reader found outside the text, and any sidecar metadata. */
  source: SourceMeta;
  /** The body's full text (for 自…起施行, 有效期, 废止). */
  bodyText: string;
  gazetteer: Gazetteer;
}

export function readMetadata({ zones, source, bodyText, gazetteer }: MetadataInput): DocumentMeta {
  const fields = metadataFields(zones.header);
  let title = source.title ?? zones.title ?? field(fields, '标题', '名称') ?? '';
  // "广西:关于…" — a site's region prefix, not part of the title.
  let prefixRegion: string | undefined;
  const pre = title.match(/^([\u4e00-\u9fa5]{2,8})[:：](.+)$/);
  if (pre && !pre[1].includes('关于')) {
    prefixRegion = pre[1];
    title = pre[2];
  }
  title = title.replace(/^《|》$/g, '').trim();
  if (!title) title = field(fields, '标题', '名称') ?? '';

  const noticeText = zones.notice.map((b) => b.text).join('\n');
  const ownNumber = source.docNumber ?? field(fields, '发文字号', '文号', '文件编号') ?? zones.docNumberLine ?? noticeText.match(DOC_NUMBER)?.[0];
  const docNumber = ownNumber ? squeeze(ownNumber) : undefined;

  const signatureOrgs = zones.signature.flatMap((b) => orgNames(b.text));
  const titlePrefix = title.includes('关于') ? orgNames(title.slice(0, title.indexOf('关于'))) : [];
  const fieldOrgs = (field(fields, '发文机关', '发布机关', '发布机构', '发文单位') ?? '').split(/[,，、;；\s]+/).map(squeeze).filter(Boolean);
  const sourceOrg = (field(fields, '来源', '信息来源') ?? '').replace(/(官网|官方网站|网站|门户网站)$/, '').trim();
  const issuers = source.issuer
    ? source.issuer.split(/[,，、;；\s]+/).filter(Boolean)
    : [signatureOrgs, titlePrefix, fieldOrgs, sourceOrg ? [sourceOrg] : []].reduce((best, c) => (c.length > best.length ? c : best), [] as string[]);

  const signDate = zones.signature.map((b) => normDate(b.text)).find(Boolean);
  const headerDate = zones.header.filter((b) => b.kind !== 'row' && /^\s*\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/.test(b.text)).map((b) => normDate((b as { text: string }).text))[0];
  const published = normDate(source.published ?? field(fields, '发布日期', '发布时间', '发表时间', '公布日期')) ?? headerDate;
  const signed = normDate(field(fields, '成文日期')) ?? signDate;

  // Effect and validity from the text: 自2019年1月1日起施行 / 自印发之日起施行 / 有效期5年 / 暂定三年 / 执行至….
  const text = [bodyText, noticeText].join('\n');
  const sentences = text.split(/(?<=[。；\n])/);
  const validitySentences = sentences.filter((s) => /(起|之日)(施行|实施|执行|生效)|有效期(?:为)?[\d一二三四五六七八九十两]+年|有效期至|暂定[\d一二三四五六七八九十两]+年|执行至|实施至/.test(s)).map((s) => s.trim());
  const stated = text.match(/自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起\s*(?:施行|实施|执行|生效)/);
  const onIssue = /自(?:本\S{0,3})?(?:印发|发布|公布|下发)之日起(?:施行|实施|执行|生效)/.test(text);
  const effective = normDate(source.effective ?? field(fields, '实施日期', '施行日期', '生效日期')) ?? normDate(stated?.[1]) ?? (onIssue ? (signed ?? published) : undefined);
  let validUntil = normDate(source.validUntil ?? field(fields, '失效日期', '废止日期', '有效期至'));
  const until = text.match(/(?:有效期至|执行至|实施至|有效期到)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/);
  if (!validUntil && until) validUntil = normDate(until[1]);
  const term = text.match(/(?:有效期(?:为)?|暂定|试行)\s*([\d一二三四五六七八九十两]+)\s*年/);
  if (!validUntil && term && effective) {
    const years = parseChineseNumber(term[1]);
    if (years) validUntil = endOfTerm(effective, years);
  }

  const repealSentences = sentences.filter((s) => /废止|停止执行|不再执行|同时失效/.test(s));
  const repeals = [...new Set(repealSentences.flatMap((s) => (s.match(DOC_NUMBER) ?? []).map(squeeze)))].filter((n) => n !== docNumber);

  const window = text.match(/(?:申请|申报|受理|报名)(?:时间|期限)[:：]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:至|—|-|~)\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)/);

  // Region: the issuers' or title's places, else a site prefix (广西:), else the place the text names most as itself.
  let { region, level } = regionOf([...issuers, title], gazetteer);
  if (!region.length && prefixRegion) ({ region, level } = regionOf([prefixRegion], gazetteer));
  if (!region.length) {
    const own = selfLevel(text);
    const counts = new Map<Place, number>();
    for (const p of gazetteer.find(text)) if (LEVEL_OF_PLACE[p.level] === own) counts.set(p, (text.match(new RegExp(p.name, 'g')) ?? []).length);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (top) region = [...top.parents, top.name];
    level ??= own;
  }

  return {
    title,
    shortTitle: shortTitleOf(title, zones.bodyTitle),
    bodyTitle: zones.bodyTitle,
    issuers,
    docNumber,
    indexNumber: field(fields, '索引号', '统一编号'),
    region,
    level,
    published,
    signed,
    effective,
    validUntil,
    validityNote: validitySentences.length ? validitySentences.join('') : undefined,
    repeals,
    applicationWindow: window ? squeeze(window[1]) : undefined,
  };
}

export { datesIn };
