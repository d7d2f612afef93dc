// Fixed replies: greeting/help and out-of-scope. They show example questions and never carry a figure.
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { dictionaryWords } from '../text/lexicon.js';
import type { Answer } from './types.js';

export const EXAMPLES = ['新认定的自治区级孵化器给多少钱？', '土地这块归谁管？', '第十五条讲了什么？', '独角兽企业有什么奖励？'];

function titles(kb: KnowledgeBase): string {
  return kb.documents.map((d) => `《${d.title}》`).join('、');
}

export function greeting(kb: KnowledgeBase, text: string): Answer {
  const thanks = /谢|thank/i.test(text);
  const head = thanks ? '不客气！还有问题随时问我。' : `您好！我是政策问答助手，可以解答${titles(kb)}中的补助金额、申请条件、牵头部门和条款原文。`;
  return {
    answer: `${head}\n您可以这样问：\n${EXAMPLES.map((e) => `· ${e}`).join('\n')}`,
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
      `您可以问：\n${EXAMPLES.slice(0, 3).map((e) => `· ${e}`).join('\n')}`,
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
    answer: `${ask}例如：${topics}。\n您可以这样问：${EXAMPLES[0]}`,
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
    const words = dictionaryWords(kb.lexicon).filter((w) => w.length >= 3);
    const subjects = kb.facts.filter((f) => f.type === 'amount').map((f) => f.subject);
    topics = [...new Set(subjects.flatMap((s) => words.filter((w) => s.includes(w))))]
      .filter((w, _, all) => !all.some((o) => o !== w && o.includes(w)))
      .slice(0, 7);
    topicCache.set(kb, topics);
  }
  return topics;
}
