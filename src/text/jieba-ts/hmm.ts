// cppjieba's HMM for runs of single characters: the B/E/M/S model file, Viterbi over non-ASCII stretches, and its
// rules for ASCII (a letter-led run of letters and digits is one word, so is a run of digits and dots).

const MIN_DOUBLE = -3.14e100;
const E = 1; // states: B = 0, E = 1, M = 2, S = 3
const S = 3;
const STATES = 4;

export interface HmmModel {
  start: number[];
  trans: number[][];
  /** Emission log-probabilities per state (B, E, M, S), by character. */
  emit: Map<string, number>[];
}

/** Parses hmm_model.utf8: comment lines start with '#'; start probs, 4 transition rows, then B, E, M, S emissions. */
export function parseHmmModel(text: string): HmmModel {
  const rows = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (rows.length < 9) throw new Error('HMM model: expected 9 data lines');
  const nums = (l: string) => {
    const v = l.split(' ').map(parseFloat);
    if (v.length !== STATES) throw new Error(`HMM model: expected ${STATES} numbers in ${l.slice(0, 40)}`);
    return v;
  };
  const emit = rows.slice(5, 9).map((l) => {
    const m = new Map<string, number>();
    for (const pair of l.split(',')) {
      const kv = pair.split(':');
      if (kv.length !== 2 || [...kv[0]].length !== 1) throw new Error(`HMM model: bad emission ${pair.slice(0, 20)}`);
      m.set(kv[0], parseFloat(kv[1]));
    }
    return m;
  });
  return { start: nums(rows[0]), trans: rows.slice(1, 5).map(nums), emit };
}

const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAscii = (c: string) => c.codePointAt(0)! < 0x80;

/** Cuts runes [begin, end) into word ranges [left, right) appended to out. */
export function hmmCut(model: HmmModel, runes: string[], begin: number, end: number, out: [number, number][]): void {
  let left = begin;
  let right = begin;
  while (right < end) {
    if (!isAscii(runes[right])) {
      right++;
      continue;
    }
    if (left !== right) viterbiCut(model, runes, left, right, out);
    left = right;
    if (isLetter(runes[left])) {
      right = left + 1;
      while (right < end && (isLetter(runes[right]) || isDigit(runes[right]))) right++;
    } else if (isDigit(runes[left])) {
      right = left + 1;
      while (right < end && (isDigit(runes[right]) || runes[right] === '.')) right++;
    } else {
      right = left + 1;
    }
    out.push([left, right]);
    left = right;
  }
  if (left !== right) viterbiCut(model, runes, left, right, out);
}

function viterbiCut(model: HmmModel, runes: string[], begin: number, end: number, out: [number, number][]): void {
  const X = end - begin;
  const weight = new Float64Array(X * STATES);
  const path = new Int8Array(X * STATES);
  const emitOf = (y: number, x: number) => model.emit[y].get(runes[begin + x]) ?? MIN_DOUBLE;
  for (let y = 0; y < STATES; y++) {
    weight[y * X] = model.start[y] + emitOf(y, 0);
    path[y * X] = -1;
  }
  for (let x = 1; x < X; x++) {
    for (let y = 0; y < STATES; y++) {
      const now = x + y * X;
      let best = MIN_DOUBLE;
      let from = E;
      const emit = emitOf(y, x);
      for (let pre = 0; pre < STATES; pre++) {
        // Same order of additions as cppjieba, so the sums are bit-identical.
        const tmp = weight[x - 1 + pre * X] + model.trans[pre][y] + emit;
        if (tmp > best) {
          best = tmp;
          from = pre;
        }
      }
      weight[now] = best;
      path[now] = from;
    }
  }
  let stat = weight[X - 1 + E * X] >= weight[X - 1 + S * X] ? E : S;
  const status = new Array<number>(X);
  for (let x = X - 1; x >= 0; x--) {
    status[x] = stat;
    stat = path[x + stat * X];
  }
  let left = begin;
  for (let i = 0; i < X; i++) {
    if (status[i] % 2) {
      // E or S ends a word
      out.push([left, begin + i + 1]);
      left = begin + i + 1;
    }
  }
}
