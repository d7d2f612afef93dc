// Clause references across a library: a 文号 names its document, 第N条/项 is read by the number its marker denotes
// (the outermost item when numbering restarts in groups), and with no document named the clause's own words decide.
import { describe, expect, it } from 'vitest';
import { libraryKnowledgeBase } from '../../eval/library/kb.js';
import { createEngine } from './engine.js';

const kb = await libraryKnowledgeBase();
const library = createEngine(kb, { cacheSize: 0 });
const cited = async (q: string) => (await library.ask(q)).answer.citations.map((c) => `${c.docId}#${kb.clause(c.docId, c.number)?.label}`);

describe('clause references in a library', () => {
  it('a 文号, with any brackets, names its document', async () => {
    expect(await cited('国办发〔2018〕117号第三条原文发一下')).toEqual(['national-supervision-incentives-2018#三、']);
    expect(await cited('请问穗人社规字[2019]6号第二十条原文')).toEqual(['guangzhou-employment-internship-bases-2019#第二十条']);
  });

  it('第五条 of a document numbered 一、 with （一） inside is its 五、, not its fifth leaf', async () => {
    expect(await cited('穗医保规字〔2019〕4号第五条讲什么？')).toEqual(['guangzhou-outpatient-special-diseases-2019#五、']);
  });

  it('a two-character ordinal is read whole (第二十二项, not 第二 + 12项)', async () => {
    expect(await cited('真抓实干激励措施第二十二项是什么内容？')).toEqual(['national-supervision-incentives-2018#二十二、']);
  });

  it('with no document named, the document whose clause N holds the question\'s words', async () => {
    expect(await cited('第八项金融生态那条是哪些部门负责？')).toEqual(['national-supervision-incentives-2018#八、']);
  });
});
