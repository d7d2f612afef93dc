// A synthetic corpus for the scale benchmark: N policy documents generated from the seed's structure, with
// renamed subjects and different amounts, so parsing, facts and the index see realistic variety.

const SUBJECTS: [string, string[]][] = [
  ['科技企业孵化器', ['数字经济孵化器', '生物医药孵化器', '海洋产业孵化器', '新材料孵化器', '农业科技孵化器']],
  ['独角兽企业', ['瞪羚企业', '小巨人企业', '雏鹰企业', '领军企业', '链主企业']],
  ['新型研发机构', ['产业研究院', '中试基地', '概念验证中心', '共性技术平台', '检验检测平台']],
  ['众创空间', ['创客工场', '星创天地', '青年创业园', '留学人员创业园', '创新工场']],
  ['高新区', ['经开区', '产业园区', '创新示范区', '自贸片区', '科技园']],
];

export function syntheticDocuments(seed: string, count: number): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (let k = 1; k <= count; k++) {
    let text = seed;
    for (const [from, tos] of SUBJECTS) text = text.split(from).join(tos[k % tos.length] + (k > tos.length ? String.fromCharCode(0x7532 + (k % 10)) : ''));
    // Scale every amount so no two documents state the same figures.
    text = text.replace(/(\d+)(万元|万)/g, (_, n: string, u: string) => `${Math.max(1, Math.round((Number(n) * (50 + k)) / 100))}${u}`);
    text = text.replace(/关于促进(.+?)的若干措施/, `关于促进$1的若干措施（试行第${k}号）`);
    out.push({ file: `synthetic-${String(k).padStart(3, '0')}.txt`, text });
  }
  return out;
}
