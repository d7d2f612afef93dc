// The ruling lines a PDF page draws: table borders, as thin filled rectangles (Chromium, Word) or stroked lines.
// They are read from pdf.js's operator list with the transformation matrix tracked through save/restore, so they
// come out in the same page space as the text runs.

export interface HRule {
  y: number;
  x0: number;
  x1: number;
}
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** pdf.js's operator codes this needs (pdfjs-dist 4.x OPS). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  endPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A border is at most this thick (PDF units, ~0.9 mm). */
const THIN = 2.5;
/** A border is at least this long. */
const MIN_LENGTH = 3;

export function rulesOf(fnArray: number[], argsArray: unknown[], OPS: Ops): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let rects: [number, number, number, number][] = []; // page-space boxes of the current path's rectangles
  let segments: [number, number, number, number][] = []; // page-space line segments of the current path

  const addSegment = ([x0, y0, x1, y1]: [number, number, number, number]) => {
    if (Math.abs(y0 - y1) < 0.5 && Math.abs(x1 - x0) >= MIN_LENGTH) h.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) < 0.5 && Math.abs(y1 - y0) >= MIN_LENGTH) v.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  const paint = (stroke: boolean, fill: boolean) => {
    for (const [x0, y0, x1, y1] of rects) {
      const w = x1 - x0;
      const hgt = y1 - y0;
      if (fill && hgt <= THIN && w >= MIN_LENGTH) h.push({ y: (y0 + y1) / 2, x0, x1 });
      else if (fill && w <= THIN && hgt >= MIN_LENGTH) v.push({ x: (x0 + x1) / 2, y0, y1 });
      else if (stroke) {
        addSegment([x0, y0, x1, y0]);
        addSegment([x0, y1, x1, y1]);
        addSegment([x0, y0, x0, y1]);
        addSegment([x1, y0, x1, y1]);
      }
    }
    if (stroke) segments.forEach(addSegment);
    rects = [];
    segments = [];
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let j = 0;
      let cur: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, hh] = coords.slice(j, (j += 4));
          const corners = [apply(ctm, x, y), apply(ctm, x + w, y + hh), apply(ctm, x + w, y), apply(ctm, x, y + hh)];
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => c[1]);
          rects.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
        } else if (op === OPS.moveTo) cur = apply(ctm, coords[j++], coords[j++]);
        else if (op === OPS.lineTo) {
          const next = apply(ctm, coords[j++], coords[j++]);
          segments.push([cur[0], cur[1], next[0], next[1]]);
          cur = next;
        } else if (op === OPS.curveTo) j += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) j += 4;
      }
    } else if (fn === OPS.stroke || fn === OPS.closeStroke) paint(true, false);
    else if (fn === OPS.fill || fn === OPS.eoFill) paint(false, true);
    else if (fn === OPS.fillStroke || fn === OPS.eoFillStroke || fn === OPS.closeFillStroke || fn === OPS.closeEOFillStroke) paint(true, true);
    else if (fn === OPS.endPath) {
      // "n": the path was a clip, not a drawing.
      rects = [];
      segments = [];
    }
  }
  return { h, v };
}
