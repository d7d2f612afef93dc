// A PDF page has no lines, only positioned runs of glyphs. Runs on one baseline make a line, read left to right;
// a gap wider than a quarter of a character between runs is a space (pdf.js adds its own space runs too), and a
// gap of several characters separates table cells, which are kept apart as segments.

/** One run of text as pdf.js reports it, reduced to what lines need (PDF units, y growing upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size: the glyph height. */
  size: number;
}

export interface Line {
  text: string;
  /** Runs separated by wide gaps (table cells, a signature block); one segment for running text. */
  segments: string[];
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** A gap this many font sizes wide separates cells rather than words. */
const CELL_GAP = 1.8;
/** A gap this many font sizes wide is a space between words. */
const WORD_GAP = 0.25;

/** pdf.js text items → runs, dropping zero-size and empty ones. */
export function toRuns(items: { str?: string; transform?: number[]; width?: number }[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform || it.str === '') continue;
    const [a, b, c, d, x, y] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!(size > 0)) continue;
    runs.push({ text: it.str, x, y, width: it.width ?? 0, size });
  }
  return runs;
}

/** Runs of one page → its lines, top to bottom. */
export function buildLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const last = groups.at(-1);
    const ref = last?.[0];
    // Same baseline within 40% of the larger font: one line (a table cell's text centred a little lower stays apart).
    if (ref && Math.abs(ref.y - run.y) <= 0.4 * Math.max(ref.size, run.size)) last.push(run);
    else groups.push([run]);
  }
  return groups.map(lineOf).filter((l): l is Line => l !== undefined);
}

function lineOf(group: TextRun[]): Line | undefined {
  const runs = group.sort((p, q) => p.x - q.x);
  const words = runs.filter((r) => r.text.trim() !== '');
  if (words.length === 0) return undefined;
  const size = Math.max(...words.map((r) => r.size));
  const segments: string[] = [];
  let current = '';
  let end = Number.NEGATIVE_INFINITY;
  let spaced = false;
  for (const run of runs) {
    if (run.text.trim() === '') {
      spaced = true;
      continue;
    }
    const gap = run.x - end;
    if (current && gap > CELL_GAP * size) {
      segments.push(current.trim());
      current = '';
    } else if (current && (spaced || gap > WORD_GAP * size) && !/\s$/.test(current)) {
      current += ' ';
    }
    current += run.text;
    end = Math.max(end, run.x + run.width);
    spaced = /\s$/.test(run.text);
  }
  if (current.trim()) segments.push(current.trim());
  return {
    text: segments.join(' ').replace(/\s+/g, ' '),
    segments,
    x0: words[0].x,
    x1: Math.max(...words.map((r) => r.x + r.width)),
    y: words[0].y,
    size,
  };
}
