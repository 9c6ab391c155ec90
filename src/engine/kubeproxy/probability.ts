/**
 * Go's fmt.Sprintf("%0.10f", 1.0/float64(n)), which kube-proxy uses for `--probability`.
 * Go prints the exact binary value of the double rounded half-to-even at the 10th decimal;
 * JavaScript's toFixed rounds halves up (1/2048 gives 0.0004882813 there, Go gives
 * 0.0004882812), so the decimal expansion is done exactly with BigInt.
 */
export function computeProbability(n: number): string {
  // kube-proxy precomputes these too (precomputedProbabilities): the same n recurs constantly.
  let text = CACHE.get(n);
  if (text === undefined) {
    text = formatFixed(1 / n, 10);
    CACHE.set(n, text);
  }
  return text;
}

const CACHE = new Map<number, string>();

/** Formats a finite non-negative double with `digits` decimals, rounding half to even. */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`formatFixed: unsupported value ${value}`);
  // toFixed is exact except that it rounds ties up. A tie needs value·10^digits to end in
  // exactly .5, which a double can only do if it has at most digits+1 binary fraction bits
  // (multiplying by a power of two is exact); everything else takes the fast path.
  if (value < 1e21 && !Number.isInteger(value * 2 ** (digits + 1))) return value.toFixed(digits);
  return exactFixed(value, digits);
}

/** The exact decimal expansion with BigInt, rounded half to even (Go's strconv); the slow path. */
export function exactFixed(value: number, digits: number): string {
  // value = mantissa * 2^exponent exactly.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mantissa |= 1n << 52n;
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  // scaled = value * 10^digits as a fraction numerator/denominator.
  let numerator = mantissa * 10n ** BigInt(digits);
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) quotient += 1n;
  const text = quotient.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
