// A province-sized corpus for the scale benchmark (npm run bench -- --scale N): N documents made from the real
// documents of the development set and the seed, each keeping its base's structure style (第N条, 一、（一）, 1., tables
// as text), with its places moved to another province and city (so its departments and 文号 move too), its subjects
// renamed where the base uses a known one, and its amounts scaled, so no two documents state the same figures.
import type { PlacesFile } from '../src/text/places.js';

export interface BaseDocument {
  file: string;
  text: string;
  /** The base's jurisdiction, most specific last: ['广东', '广州']. */
  region: string[];
}

const SUBJECTS: [string, string[]][] = [
  ['科技企业孵化器', ['数字经济孵化器', '生物医药孵化器', '海洋产业孵化器', '新材料孵化器', '农业科技孵化器']],
  ['独角兽企业', ['瞪羚企业', '小巨人企业', '雏鹰企业', '领军企业', '链主企业']],
  ['众创空间', ['创客工场', '星创天地', '青年创业园', '留学人员创业园', '创新工场']],
  ['就业见习基地', ['实习实训基地', '青年见习基地', '职业体验基地']],
  ['标准化民宿', ['精品民宿', '乡村客栈', '农家小院']],
];

/** Every k-th place of a list, so consecutive documents land in different provinces and cities. */
const pick = <T>(xs: T[], k: number): T => xs[k % xs.length];

export function scaleCorpus(bases: BaseDocument[], n: number, places: PlacesFile): { file: string; text: string }[] {
  const provinces = places.provinces.map((p) => p.name).filter((p) => (places.cities[p] ?? []).length > 0);
  const out: { file: string; text: string }[] = [];
  for (let k = 0; k < n; k++) {
    const base = bases[k % bases.length];
    const round = Math.floor(k / bases.length);
    let text = base.text;
    // Places: the province, then the city and the county or district, each to one of the new province's.
    const [province, city, local] = base.region;
    if (province && province !== '全国') {
      const to = pick(provinces.filter((p) => p !== province), k * 7 + round);
      const cities = places.cities[to] ?? [];
      text = text.split(province).join(to);
      if (city && cities.length) {
        const toCity = pick(cities, k + round);
        text = text.split(city).join(toCity);
        const locals = [...(places.districts[toCity] ?? []), ...(places.counties[toCity] ?? [])];
        if (local && locals.length) text = text.split(local).join(pick(locals, k));
      }
    }
    for (const [from, tos] of SUBJECTS) if (text.includes(from)) text = text.split(from).join(pick(tos, k + round));
    // Amounts: scaled by a factor of this document, whole numbers kept whole.
    const factor = 50 + (k % 97);
    text = text.replace(/(\d+(?:\.\d+)?)(\s*)(万元|万|亿元|元)/g, (_, v: string, sp: string, u: string) => `${Math.max(1, Math.round((Number(v) * factor) / 100))}${sp}${u}`);
    // 文号: a number of its own ( 〔2019〕3号 → 〔2019〕1003号 ), so documents never share one.
    text = text.replace(/([〔［[（(【]\s*\d{4}\s*[〕］\]）)】]\s*)(\d{1,4})(\s*号)/g, (_, a: string, _no: string, b: string) => `${a}${1000 + k}${b}`);
    out.push({ file: `scale-${String(k + 1).padStart(4, '0')}-${base.file.replace(/\.txt$/, '')}.txt`, text });
  }
  return out;
}
