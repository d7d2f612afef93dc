// Turns an engine Answer into plain text for a phone chat bubble within a byte budget: what every text-only chat
// channel (公众号, 企业微信, DingTalk, Feishu …) sends.
import { clauseRef, sourceLine } from '../../qa/citation.js';
import type { Answer, Citation } from '../../qa/types.js';

export interface FormatOptions {
  maxBytes?: number;
  /** How many distinct clauses to cite under the answer. */
  maxCitations?: number;
}

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;
// Closing marks that belong to the sentence before them: 。」 stays together.
const CLOSERS = '”’」』）)】';

export function formatAnswer(answer: Answer, opts: FormatOptions = {}): string {
  const maxBytes = opts.maxBytes ?? 2000;
  const body = shortLines(stripMarkdown(answer.answer));
  const cites = distinctCitations(answer.citations, opts.maxCitations ?? 2);
  const sources = cites
    .map(sourceLine)
    .filter((line) => !body.includes(line))
    .map((line, i) => (i === 0 ? `出处：${line}` : line))
    .join('\n');
  const tail = sources ? `\n\n${sources}` : '';
  if (bytes(body + tail) <= maxBytes) return body + tail;

  const first = cites[0];
  const pointer = first ? `（详见${clauseRef(first.clause)}原文）` : '（内容较长，未完整显示）';
  const suffix = `\n${pointer}${tail}`;
  const budget = maxBytes - bytes(suffix);
  // A pathological citation (huge title) must not push the reply over the limit either.
  if (budget < maxBytes / 4) return hardCut(body, maxBytes);
  return cutAtSentence(body, budget).trimEnd() + suffix;
}

/** WeChat shows markdown literally, so asterisks and hashes would read as noise. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^```.*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s*/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, '')
    .replace(/^\s*[-*+•]\s+/gm, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|[^\w*])\*(\S[^*\n]*?)\*(?![\w*])/g, '$1$2')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One sentence per line: a long Chinese paragraph is hard to scan on a phone. */
export function shortLines(text: string): string {
  // A run like ？。 or ！！ ends one sentence; never start a line with punctuation.
  const re = new RegExp(`([。！？]+[${CLOSERS}]*)(?=[^\\n。！？；，、：…${CLOSERS}])`, 'g');
  return text.replace(re, '$1\n').replace(/\n[ \t]+/g, '\n');
}

/** Longest prefix within `budget` bytes that ends after 。；！？ or before a newline. */
export function cutAtSentence(text: string, budget: number): string {
  const prefix = hardCut(text, budget);
  let best = -1;
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i]!;
    if (ch === '\n') best = i;
    else if ('。；！？'.includes(ch)) {
      let end = i + 1;
      while (end < prefix.length && CLOSERS.includes(prefix[end]!)) end++;
      best = end;
    }
  }
  // No boundary at all (one giant sentence): a clean character cut beats an empty reply.
  return best > 0 ? prefix.slice(0, best) : prefix;
}

/** Longest prefix within `budget` UTF-8 bytes that does not split a character. */
export function hardCut(text: string, budget: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const n = bytes(ch);
    if (used + n > budget) break;
    used += n;
    end += ch.length;
  }
  return text.slice(0, end);
}

function distinctCitations(citations: Citation[], max: number): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of citations) {
    const key = `${c.docId}#${c.number}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= max) break;
  }
  return out;
}
