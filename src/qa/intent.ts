// Intent from the question's own words. Returns undefined when nothing marks it (then a follow-up inherits
// the previous intent, and a standalone question is a search).
import { AMOUNT_CUE, CLAUSE_TEXT_CUE, DEPARTMENT_CUE, GREET_WORDS, OVERVIEW_CUE } from './cues.js';
import type { Intent } from './types.js';

const TARGET_CUE = /目标|到\s*20[23]\d\s*年|20(?:25|35)\s*年|总数|多少家|几家|几个.*集群|进位争先/;
const POLICY_CUE = /这个(?:政策|措施|文件)|这份|本政策|若干措施|什么政策|干嘛的|是干什么|是什么文件|主要内容|有几条|多少条|概况|概述|简介|介绍一下|指导思想|基本原则|总体要求|什么效果|达到什么|目的是|想达到/;

/** A greeting or help request that asks about nothing else (the caller checks for subject terms). */
export function hasGreeting(text: string): boolean {
  return text.length <= 30 && GREET_WORDS.test(text);
}

// "他们牵头的国家技术创新中心…奖多少" mentions leading but asks an amount: only asking *who* makes it a department question.
const ASKS_WHO = /谁|哪个|哪些|哪家|哪几|什么部门|什么单位|部门|单位|lead|department/i;
const ASKS_AMOUNT = /多少|几万|金额|额度|几成|几个点/;

export function classify(text: string, hasClauseRef: boolean): Intent | undefined {
  if (DEPARTMENT_CUE.test(text) && (ASKS_WHO.test(text) || !ASKS_AMOUNT.test(text))) return 'department';
  if (hasClauseRef && !AMOUNT_CUE.test(text)) return 'clause';
  if (TARGET_CUE.test(text)) return 'overview';
  if (CLAUSE_TEXT_CUE.test(text) && !/多少|几/.test(text)) return 'clause';
  if (AMOUNT_CUE.test(text)) return 'amount';
  if (POLICY_CUE.test(text) || (OVERVIEW_CUE.test(text) && text.length < 16)) return 'overview';
  return undefined;
}
