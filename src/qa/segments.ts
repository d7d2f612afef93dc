// One message, several questions: "独角兽首次进培育库给多少？进了榜单又给多少？" is two. A piece that asks
// nothing (no cue, no question mark: "我们是自治区级孵化器。") is context for the question after it.
import type { Language } from './language.js';
import { attributesOf } from './plan.js';

const BREAK = /(?<=[？?！!；;。])/;
const ASKS = /[？?]$|[呢吗么][？?。！!]*$/;

export function questionsIn(lang: Language, text: string): string[] {
  const pieces = text.split(BREAK).map((p) => p.trim()).filter((p) => p.replace(/[？?！!；;。，,\s]/g, '').length > 0);
  const out: string[] = [];
  let context = '';
  for (const p of pieces) {
    const asks = ASKS.test(p) || attributesOf(lang, p).attributes.length > 0;
    if (!asks) {
      context += p;
      continue;
    }
    out.push(context + p);
    context = '';
  }
  // Trailing context ("…给多少？我们在南宁。") belongs to the last question.
  if (context) {
    if (out.length) out[out.length - 1] += context;
    else out.push(context);
  }
  return out;
}
