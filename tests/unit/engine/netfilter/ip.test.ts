/**
 * The engine's one IPv4 parser: dotted decimal only, with leading zeros read as decimal (kube-proxy's
 * ParseIPSloppy, and every rule reader) or refused (the Kubernetes API).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv4, parseIPv4 } from '../../../../src/engine/netfilter/ip';

/** Octet-like text: often a plain number, sometimes with leading zeros or too many digits. */
const octetText = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 99 })).map(([zeros, n]) => '0'.repeat(zeros) + n),
  fc.integer({ min: 0, max: 9999 }).map(String),
);
/** Address-like text: three to five octets, now and then with a stray character spliced in. */
const addressText = fc
  .tuple(
    fc.array(octetText, { minLength: 3, maxLength: 5 }),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom(' ', '-', '+', 'x', '/', ''))),
  )
  .map(([octets, stray]) => {
    const text = octets.join('.');
    if (stray === null) return text;
    const at = stray[0] % (text.length + 1);
    return text.slice(0, at) + stray[1] + text.slice(at);
  });

describe('parseIPv4', () => {
  it('reads a dotted quad as an unsigned 32-bit number', () => {
    expect(parseIPv4('10.244.1.2')).toBe(0x0af40102);
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('192.168.10.100', 'reject')).toBe(0xc0a80a64);
  });

  it('reads leading zeros as decimal by default, as kube-proxy does (TestBadIPs)', () => {
    expect(parseIPv4('172.30.0.041')).toBe(parseIPv4('172.30.0.41'));
    expect(parseIPv4('203.0.113.000')).toBe(parseIPv4('203.0.113.0'));
    expect(parseIPv4('010.0.0.1')).toBe(parseIPv4('10.0.0.1'));
  });

  it("refuses leading zeros with 'reject', as the Kubernetes API does", () => {
    expect(parseIPv4('172.30.0.041', 'reject')).toBeNull();
    expect(parseIPv4('203.0.113.000', 'reject')).toBeNull();
    expect(parseIPv4('00.1.2.3', 'reject')).toBeNull();
    expect(parseIPv4('10.0.0.0', 'reject')).toBe(0x0a000000);
  });

  it.each([
    [''],
    ['10.0.0'],
    ['10.0.0.1.2'],
    ['10..0.1'],
    ['10.0.0.'],
    ['.10.0.0'],
    ['256.0.0.1'],
    ['10.0.0.0010'],
    [' 10.0.0.1'],
    ['10.0.0.1 '],
    ['+10.0.0.1'],
    ['0x0a.0.0.1'],
    ['10.0.0.1/32'],
    ['::1'],
  ])('refuses %j in both modes', (text) => {
    expect(parseIPv4(text)).toBeNull();
    expect(parseIPv4(text, 'reject')).toBeNull();
  });

  it('reads back every address it prints, in both modes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (value) => {
        const text = formatIPv4(value);
        return parseIPv4(text) === value && parseIPv4(text, 'reject') === value;
      }),
    );
  });

  it("'reject' accepts exactly the text that is already printed the canonical way", () => {
    fc.assert(
      fc.property(addressText, (text) => {
        const loose = parseIPv4(text);
        const strict = parseIPv4(text, 'reject');
        return strict === (loose !== null && formatIPv4(loose) === text ? loose : null);
      }),
    );
  });
});
