/** base32 against Go's base32.StdEncoding: its test vectors, and a bit-by-bit reference for any bytes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32 } from '../../../../src/engine/kubeproxy/base32';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Go's encoding/base32 test pairs (RFC 4648 §10 and the Wikipedia examples), padding as Go prints it. */
const GO_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['', ''],
  ['f', 'MY======'],
  ['fo', 'MZXQ===='],
  ['foo', 'MZXW6==='],
  ['foob', 'MZXW6YQ='],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI======'],
  ['sure.', 'ON2XEZJO'],
  ['sure', 'ON2XEZI='],
  ['sur', 'ON2XE==='],
  ['su', 'ON2Q===='],
  ['leasure.', 'NRSWC43VOJSS4==='],
  ['easure.', 'MVQXG5LSMUXA===='],
  ['asure.', 'MFZXK4TFFY======'],
];

/** The definition, slowly: every bit in a string, cut into 5-bit groups, the last one zero-filled. */
function reference(data: Uint8Array): string {
  const bits = [...data].map((b) => b.toString(2).padStart(8, '0')).join('');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

describe('base32', () => {
  it.each(GO_PAIRS)('encodes %j as Go does, without the padding', (text, go) => {
    expect(base32(bytes(text))).toBe(go.replace(/=+$/, ''));
  });

  it('matches the bit-by-bit definition for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (data) => base32(data) === reference(data)));
  });
});
