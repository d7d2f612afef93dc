// The gazetteer (corpus/lexicon/places.json): provinces, cities, districts and counties with their parents, plus
// economic zones and foreign places. Documents are routed by the places they govern; a question that names a
// place no document governs asks about another jurisdiction.
import type { Level } from '../corpus/types.js';

export interface PlacesFile {
  provinces: { name: string; full: string; type: string }[];
  cities: Record<string, string[]>;
  districts: Record<string, string[]>;
  counties: Record<string, string[]>;
  zones: string[];
  foreign: string[];
  regionWords: string[];
  /** Names that are also ordinary words: places only with their suffix or when a document governs them. */
  ambiguous?: string[];
}

export interface Place {
  /** Short name: 广西, 广州, 天河, 柳河. */
  name: string;
  level: Level | 'zone' | 'foreign';
  /** Enclosing places, outermost first: 天河 → ['广东', '广州']. */
  parents: string[];
}

export interface Gazetteer {
  /** A place by its short or full name (广州市, 广西壮族自治区, 天河区 → 天河). */
  lookup(name: string): Place | undefined;
  /** Places named in a text, longest names first, each once. */
  find(text: string): Place[];
  /** Words that say "here" without naming a place (本市, 我县, 全区). */
  regionWords: string[];
  /** Every short name. */
  names(): string[];
}

const SUFFIX = /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|自治州|地区|省|市|区|县|州|盟|旗)$/;

export function createGazetteer(file: PlacesFile): Gazetteer {
  const byName = new Map<string, Place>();
  const add = (name: string, place: Place, ...aliases: string[]) => {
    for (const n of [name, ...aliases]) if (!byName.has(n)) byName.set(n, place);
  };
  for (const p of file.provinces) add(p.name, { name: p.name, level: 'province', parents: [] }, p.full);
  for (const [prov, list] of Object.entries(file.cities)) {
    for (const c of list) {
      const name = c.replace(/市$/, '');
      add(name, { name, level: 'city', parents: [prov] }, `${name}市`, c);
    }
  }
  const parentsOf = (city: string) => [...(byName.get(city)?.parents ?? []), city];
  for (const [city, list] of Object.entries(file.districts)) {
    for (const d of list) {
      const name = d.replace(/(新区|区)$/, '') || d;
      add(name, { name, level: 'district', parents: parentsOf(city) }, d, `${name}区`);
    }
  }
  for (const [city, list] of Object.entries(file.counties)) {
    for (const d of list) {
      const name = d.replace(/县$/, '') || d;
      add(name, { name, level: 'county', parents: parentsOf(city) }, d, `${name}县`);
    }
  }
  for (const z of file.zones) add(z, { name: z, level: 'zone', parents: [] });
  for (const f of file.foreign) add(f, { name: f, level: 'foreign', parents: [] });
  const keys = [...byName.keys()].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);

  return {
    lookup(name) {
      return byName.get(name) ?? byName.get(name.replace(SUFFIX, ''));
    },
    find(text) {
      const out: Place[] = [];
      const taken = new Array<boolean>(text.length).fill(false);
      for (const k of keys) {
        for (let i = text.indexOf(k); i !== -1; i = text.indexOf(k, i + 1)) {
          if (taken.slice(i, i + k.length).some(Boolean)) continue;
          taken.fill(true, i, i + k.length);
          const p = byName.get(k)!;
          if (!out.includes(p)) out.push(p);
        }
      }
      return out;
    },
    regionWords: file.regionWords,
    names: () => [...new Set([...byName.values()].map((p) => p.name))],
  };
}
