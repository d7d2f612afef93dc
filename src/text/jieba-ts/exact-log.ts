// A correctly rounded natural logarithm. cppjieba weighs words with C's log(); V8's Math.log is off by one ulp
// for about 1% of the dictionary's frequencies, which could flip a near tie between two segmentations.
// glibc rounds these correctly, so a correctly rounded log reproduces its weights bit for bit.

const PREC = 160n; // fixed-point fraction bits: far below the 2^-52 relative ulp of any result
const ONE = 1n << PREC;

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** x = mant × 2^exp exactly, for a positive normal finite double. */
function decompose(x: number): { mant: bigint; exp: bigint } {
  f64[0] = x;
  const bits = u64[0];
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return e === 0 ? { mant: frac, exp: -1074n } : { mant: frac | (1n << 52n), exp: BigInt(e - 1075) };
}

/** 2·atanh(num/den) in fixed point, for |num/den| well below 1. */
function twoAtanh(num: bigint, den: bigint): bigint {
  const z = (num << PREC) / den;
  const z2 = (z * z) / ONE;
  let term = z;
  let sum = z;
  // BigInt division truncates toward zero, so the terms of either sign reach 0.
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / ONE;
    sum += term / k;
  }
  return 2n * sum;
}

const LN2 = twoAtanh(1n, 3n); // ln 2 = 2·atanh(1/3)

/** ln(x) × 2^PREC for a positive finite double. */
function lnFixed(x: number): bigint {
  let { mant, exp } = decompose(x);
  // Normalise mant to [2^52, 2^53), then centre the mantissa on 1 so the series converges fast.
  while (mant < 1n << 52n) {
    mant <<= 1n;
    exp -= 1n;
  }
  let scale = 1n << 52n;
  exp += 52n;
  if (mant * 1000n > scale * 1414n) {
    scale <<= 1n;
    exp += 1n;
  }
  return twoAtanh(mant - scale, mant + scale) + exp * LN2;
}

/** The exact value of a double in fixed point (doubles with bits below 2^-PREC are never candidates here). */
function toFixed(x: number): bigint | undefined {
  if (x === 0) return 0n;
  const { mant, exp } = decompose(Math.abs(x));
  const shift = exp + PREC;
  if (shift < 0n) return undefined;
  const v = mant << shift;
  return x < 0 ? -v : v;
}

function neighbour(x: number, up: boolean): number {
  f64[0] = x;
  // For doubles of one sign, the bit patterns are ordered by magnitude.
  u64[0] = (x > 0) === up ? u64[0] + 1n : u64[0] - 1n;
  return f64[0];
}

/** Natural log rounded to the nearest double (Math.log is within one ulp; the neighbours decide). */
export function exactLog(x: number): number {
  const approx = Math.log(x);
  if (!(x > 0) || !Number.isFinite(x) || approx === 0) return approx;
  const target = lnFixed(x);
  let best = approx;
  let bestErr: bigint | undefined;
  for (const c of [neighbour(neighbour(approx, false), false), neighbour(approx, false), approx, neighbour(approx, true), neighbour(neighbour(approx, true), true)]) {
    const v = toFixed(c);
    if (v === undefined) return approx;
    const err = v > target ? v - target : target - v;
    if (bestErr === undefined || err < bestErr) {
      best = c;
      bestErr = err;
    }
  }
  return best;
}
