// Fixed replies: greeting/help and out-of-scope. They show example questions and never carry a figure.
import { chineseToInt } from '../text/numerals.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { dictionaryWords } from '../text/lexicon.js';
import { languageOf } from './language.js';
import type { Answer } from './types.js';

const exampleCache = new WeakMap<KnowledgeBase, string[]>();

/**
 * The example questions every reply shows: the lexicon's (corpus/lexicon/language.json), those this library can
 * answer (their subject is in it), topped up with "X给多少钱？" for subjects this library funds.
 */
export function examplesOf(kb: KnowledgeBase): string[] {
  let out = exampleCache.get(kb);
  if (!out) {
    const text = kb.clauses.map((c) => c.title + c.text).join('');
    const lang = languageOf(kb.lexicon);
    const words = dictionaryWords(kb.lexicon).filter((w) => w.length >= 2 && !lang.generic.has(w));
    const most = Math.max(0, ...kb.documents.map((d) => d.clauses.length));
    // An example is offered only when the library can answer it: every domain word of it is in the text (a tax
    // document is not offered 孵化器), a clause number it names exists.
    const answerable = lang.examples.filter((e) => {
      const n = e.match(/第(.+?)条/);
      if (n) return (/^\d+$/.test(n[1]) ? Number(n[1]) : (chineseToInt(n[1]) ?? Infinity)) <= most;
      const own = words.filter((w) => e.includes(w));
      return own.length > 0 && own.every((w) => text.includes(w));
    });
    out = [...answerable, ...topicsOf(kb).map((t) => `${t}给多少钱？`)].slice(0, 4);
    exampleCache.set(kb, out);
  }
  return out;
}

/** The library in a line: every title when there are a few, else the count and the first ones. */
function titles(kb: KnowledgeBase): string {
  const all = kb.documents.map((d) => `《${d.shortTitle ?? d.title}》`);
  return all.length <= 3 ? all.join('、') : `本库收录的${all.length}份政策文件（${all.slice(0, 2).join('、')}等）`;
}

export function greeting(kb: KnowledgeBase, text: string): Answer {
  const thanks = /谢|thank/i.test(text);
  const head = thanks ? '不客气！还有问题随时问我。' : `您好！我是政策问答助手，可以解答${titles(kb)}中的补助金额、申请条件、牵头部门和条款原文。`;
  return {
    answer: `${head}\n您可以这样问：\n${examplesOf(kb).map((e) => `· ${e}`).join('\n')}`,
    intent: 'greeting',
    citations: [],
    facts: [],
  };
}

export function outOfScope(kb: KnowledgeBase, missing: string[], reason?: string): Answer {
  const what = reason?.startsWith('place:')
    ? `${reason.slice(6)}的政策`
    : missing.length
      ? `“${missing.slice(0, 3).join('、')}”相关内容`
      : '您问的内容';
  return {
    answer:
      `本政策未涉及${what}。我只能解答${titles(kb)}中的内容。\n` +
      `您可以问：\n${examplesOf(kb).slice(0, 3).map((e) => `· ${e}`).join('\n')}`,
    intent: 'out_of_scope',
    citations: [],
    facts: [],
  };
}

/** One short question back when nothing sensible can be listed. */
export function clarify(kb: KnowledgeBase, intent: Answer['intent']): Answer {
  const topics = topicsOf(kb).join('、');
  const ask = intent === 'department' ? '您想问哪方面工作由哪个部门负责？' : intent === 'amount' ? '您想问哪一类支持的金额？' : '您想了解政策的哪方面内容？';
  return {
    answer: `${ask}例如：${topics}。\n您可以这样问：${examplesOf(kb)[0] ?? ''}`,
    intent: 'clarify',
    citations: [],
    facts: [],
  };
}

/** Domain words that name what the policy funds, taken from the amount facts' subjects (孵化器, 独角兽企业 …). */
const topicCache = new WeakMap<KnowledgeBase, string[]>();
function topicsOf(kb: KnowledgeBase): string[] {
  let topics = topicCache.get(kb);
  if (!topics) {
    const lang = languageOf(kb.lexicon);
    // A word that is itself a cue (不超过, 最高) is how a figure is bounded, not a topic to ask about.
    // A word that bounds or counts a figure (不超过, 每月: the facts' qualifiers) is no topic to ask about.
    const qualifiers = new Set(kb.facts.flatMap((f) => (f.type === 'amount' ? f.qualifiers : [])));
    const words = dictionaryWords(kb.lexicon).filter((w) => w.length >= 3 && !qualifiers.has(w) && !Object.values(lang.cue).some((re) => re.test(w)) && !lang.generic.has(w));
    const subjects = kb.facts.filter((f) => f.type === 'amount').map((f) => f.subject);
    topics = [...new Set(subjects.flatMap((s) => words.filter((w) => s.includes(w))))]
      .filter((w, _, all) => !all.some((o) => o !== w && o.includes(w)))
      .slice(0, 7);
    topicCache.set(kb, topics);
  }
  return topics;
}
