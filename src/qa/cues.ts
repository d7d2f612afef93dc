// Language cues of questions (not of any document): levels, clause references, intent words, generic words.
import { chineseToInt } from '../text/numerals.js';

export type { Level } from '../corpus/types.js';
import type { Level } from '../corpus/types.js';

/**
 * The level a question asks about. "自治区能给多少" names the funder, not a level, so bare 自治区 counts only
 * before a subject word; 自治区级/区级/省级 always count.
 */
export function levelOf(q: string): Level | undefined {
  const regional = /自治区级|区级|省级|自治区(?=(?:的)?(?:高新区|重点|科技成果|成果|实验室|孵化器|工程|认定|备案))/.test(q);
  const national = /国家级|国家(?!科技重大专项|专项|税务|(?:重点)?研发计划)|national|国字号/.test(q);
  if (regional && !national) return 'province';
  if (national && !regional) return 'national';
  if (regional && national) {
    // Both named: the one written with 级 is the attribute.
    if (/自治区级|区级|省级/.test(q) && !/国家级/.test(q)) return 'province';
    if (/国家级/.test(q) && !/自治区级|区级|省级/.test(q)) return 'national';
  }
  return undefined;
}

/** 第十五条 / 第15条 / (十五) / （十五） / 十五条 / clause 15 → 15. */
export function clauseRefOf(q: string): number | undefined {
  const m =
    q.match(/第\s*([一二三四五六七八九十百\d]+)\s*(?:条|项|款)/) ??
    q.match(/[（(]\s*([一二三四五六七八九十]+)\s*[)）]/) ??
    q.match(/(?:^|[^第\d一二三四五六七八九十那这哪每某该此其上下本同])([一二三四五六七八九十]{1,3}|\d{1,2})\s*条(?!件|例)/) ??
    q.match(/(?:clause|article|no\.?)\s*(\d{1,2})/i);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseToInt(m[1]);
  return n && n > 0 && n < 100 ? n : undefined;
}

/** Greeting, thanks and help phrases; a question is a greeting when these are all it says. */
export const GREET_WORDS =
  /你好|您好|\bhi\b|hello|\bhey\b|嗨|哈喽|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|早安|晚安|谢谢|多谢|感谢|谢啦|辛苦|thanks|thank you|再见|拜拜|你是谁|你是什么|你能做什么|你会什么|能做什么|可以做什么|能回答什么|能问什么|可以问什么|有什么功能|怎么用|如何使用|使用说明|帮助|\bhelp\b|菜单/i;

export const DEPARTMENT_CUE =
  /(?:负责|牵头|配合|管)(?:了)?(?:哪些|什么|哪几|几条)|谁负责|谁牵头|谁管|谁主抓|谁抓|主抓|分管|哪个部门抓|归谁|找谁|问谁|联系谁|哪个部门|哪些部门|什么部门|哪个单位|哪些单位|哪个厅|哪家单位|哪几个部门|牵头|配合|负责部门|责任单位|主管部门|对接部门|对接哪|由谁|谁来|归哪|哪个部门管|归那个|那个部门|\blead\b|department/i;

export const AMOUNT_CUE =
  /几成|几个点|百分之几|多大比例|最多|最少|封顶|多少钱|多少万|给多少|拿多少|补多少|奖多少|支持多少|补助多少|资助多少|奖励多少|多少(?:补助|资助|奖励|经费|资金|支持|补贴)|多少|几万|金额|额度|上限|封顶|最高|比例|占比|配套|补助|补贴|资助|奖励|奖补|经费|资金|有钱|钱|funding|subsidy|money|how much|万元|万吗|\d+\s*万|\d+\s*%/i;

export const CLAUSE_TEXT_CUE = /原文|全文|讲了?(?:什么|啥|些什么)|说了?(?:什么|啥)|讲的(?:什么|啥|是)|是什么内容|什么内容|内容是|主要内容|具体内容|是关于什么|关于什么的|(?:讲|关于|说|有关)[^，。,？?]{1,12}?的?那(?:一)?条|条款|发(?:一下|我|过来)/;

export const OVERVIEW_CUE =
  /目标|到\s*20[23]\d\s*年|2025|2035|总数|指导思想|基本原则|总体要求|这个(?:政策|措施|文件)|这份|本政策|政策(?:是|讲|主要|有哪些|干)|若干措施|什么政策|哪些措施|主要措施|有几条|多少条|概况|概述|简介|介绍一下|干嘛的|是干什么|是什么文件/;

/** Words that frame a question but name no subject: they never decide which fact or clause is meant. */
export const GENERIC = new Set(
  `多少 多少钱 钱 补助 奖励 资助 补贴 奖补 支持 经费 资金 经费支持 给 给予 给钱 能 拿 能拿 可以 有 吗 呢 吧 什么 怎么 怎样 如何 谁 哪个 哪些 部门 单位 负责 牵头 配合 管 归 找 政策 规定 条 这条 那条 内容 讲 说 原文 具体 是 不是 是不是 上限 比例 最高 一次性 每年 每家 万元 万 元 企业 我们 我 公司 单位 申请 申报 享受 领 多 少 要 需要 现在 目前 请问 一下 问 想 知道 告诉 这块 这个 那个 这里 哪 几 个 的话 如果 要是 了 啊 呀 还 又 都 就 才 会 该 应该 一般 大概 具体 标准 情况 相关 方面 问题 事 事情 东西 条款 条文 文件里 不能 能否 可否 是否 可不可以 能不能 不可以 关于 有关 还有 别的 其他 其它 另外 拿到 拿了 领到 来电 咨询 市民 群众 客户 文件 措施 县里 新批 批了 升成 之后 以后 最多 最少 换成 改成 看看 看下 发我 有人 不要 要不要 落实 执行 办理 干嘛 干啥 做什么 啥 怎么回事 回事 讲讲 说说 介绍 解释 意思 包括 哪里 提的 效果 达到 主要 想 呢 里面 里头 其中 多大 多高 怎么办 办 搞 弄 批 下来 批下来 刚 已经 一年 年 能给 给多少 拿多少 是多少 有多少 有没有 没有 上 下 里 区里 市里 省里 到底 究竟 呗 funding subsidy money how much what who is the of for`.split(/\s+/),
);

/** Pronouns and openers that mark a follow-up leaning on the previous turn. */
export const FOLLOWUP_OPENER = /^(?:那|那么|那个|那这|这个|这条|该条|此条|上面|上述|它|它们|其|还有|另外|再|那如果|如果是|换成|改成|那要是|要是)/;
export const FOLLOWUP_TAIL = /呢[?？。!！]*$/;
export const MORE_CUE = /还有(?:别的|其他|其它|没有|什么|哪些)|别的(?:支持|补助|政策|呢)|其他(?:支持|补助|政策|的呢)|其它|另外还有|还能拿|还有吗/;
export const PRONOUN = /这条|该条|此条|这一条|这项|它|上面(?:那|这)|刚才(?:那|说)|上一条|前面那|里面|里头|其中|这里/;
