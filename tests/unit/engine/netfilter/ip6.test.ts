/**
 * IPv6 addresses and prefixes: parsing every RFC 4291 text form, printing RFC 5952 (the form
 * ip6tables-save, nft and Go print, so a trace quotes addresses as the dump does), and prefix
 * matches that never cross families.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  familyOf,
  formatAddress,
  formatAddressPort,
  formatPrefix,
  inPrefix,
  joinHostPort,
  parseAddress,
  parsePrefix,
  parsePrefix4,
} from '../../../../src/engine/netfilter/ip';
import { formatIPv6, maskOf6, parseIPv6, prefixLength6 } from '../../../../src/engine/netfilter/ip6';

const u128 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });

describe('parseIPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['fd00:10:96::10', 0xfd000010009600000000000000000010n],
    ['FD00:0010:0096:0000:0000:0000:0000:0010', 0xfd000010009600000000000000000010n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1::', 1n << 112n],
    ['::ffff:192.168.10.12', 0xffffc0a80a0cn],
    ['64:ff9b::10.96.0.1', 0x0064ff9b00000000000000000a600001n],
  ])('reads %s', (text, value) => {
    expect(parseIPv6(text)).toBe(value);
  });

  it.each([
    '',
    '1.2.3.4',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::1',
    '[::1]',
    'fe80::1%eth0',
    '::1/128',
    '::ffff:1.2.3',
    '::ffff:1.2.3.256',
    '1.2.3.4::',
  ])('refuses %j', (text) => {
    expect(parseIPv6(text)).toBeNull();
  });
});

describe('formatIPv6 (RFC 5952)', () => {
  it.each([
    [0n, '::'],
    [1n, '::1'],
    [0xfd000010009600000000000000000010n, 'fd00:10:96::10'],
    // The longest run of zeros is the one shortened; on a tie, the first.
    [0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'],
    [0x20010db8000000010000000000000001n, '2001:db8:0:1::1'],
    // A single zero group is written as 0, not "::".
    [0x20010db8000000010001000100010001n, '2001:db8:0:1:1:1:1:1'],
    [0xffffc0a80a0cn, '::ffff:192.168.10.12'],
  ])('prints %s as %s', (value, text) => {
    expect(formatIPv6(value)).toBe(text);
  });

  it('round-trips every 128-bit value, and printing is canonical', () => {
    fc.assert(
      fc.property(u128, (v) => {
        const text = formatIPv6(v);
        expect(parseIPv6(text)).toBe(v);
        expect(formatIPv6(parseIPv6(text.toUpperCase()) as bigint)).toBe(text);
      }),
    );
  });

  it('agrees with the WHATWG URL serializer, which follows RFC 5952 too', () => {
    fc.assert(
      fc.property(u128, (v) => {
        // URL prints IPv4-mapped addresses in hex; compare the rest.
        fc.pre(v >> 32n !== 0xffffn);
        expect(formatIPv6(v)).toBe(new URL(`http://[${formatIPv6(v)}]/`).hostname.slice(1, -1));
      }),
    );
  });
});

describe('IPv6 prefixes', () => {
  it('masks host bits and keeps the length, as ip6tables-save prints it', () => {
    const p = parsePrefix('fd00:10:244:1::2/56');
    expect(p && formatPrefix(p)).toBe('fd00:10:244::/56');
    expect(formatPrefix(parsePrefix('::1') as NonNullable<ReturnType<typeof parsePrefix>>)).toBe('::1/128');
  });

  it('reads a full mask as ip6tables accepts it, and refuses a non-contiguous one', () => {
    expect(parsePrefix('fd00::/ffff:ffff::')?.length).toBe(32);
    expect(parsePrefix('fd00::/ffff:0:ffff::')).toBeNull();
    expect(parsePrefix('fd00::/129')).toBeNull();
  });

  it('maskOf6 and prefixLength6 are inverse for every length', () => {
    for (let n = 0; n <= 128; n++) expect(prefixLength6(maskOf6(n))).toBe(n);
  });

  it('matches inside the prefix and never across families', () => {
    const p6 = parsePrefix('fd00:10:244::/48') as NonNullable<ReturnType<typeof parsePrefix>>;
    const p4 = parsePrefix('10.0.0.0/8') as NonNullable<ReturnType<typeof parsePrefix>>;
    expect(inPrefix(parseAddress('fd00:10:244:9::5') as bigint, p6)).toBe(true);
    expect(inPrefix(parseAddress('fd00:10:245::5') as bigint, p6)).toBe(false);
    // ::a00:1 has the same low 32 bits as 10.0.0.1: still not in 10.0.0.0/8.
    expect(inPrefix(parseAddress('::a00:1') as bigint, p4)).toBe(false);
    expect(inPrefix(parseAddress('10.0.0.1') as number, p6)).toBe(false);
    // ::/0 holds every IPv6 address but no IPv4 one, as in ip6tables.
    const all6 = parsePrefix('::/0') as NonNullable<ReturnType<typeof parsePrefix>>;
    expect(inPrefix(0x0a000001, all6)).toBe(false);
    expect(parsePrefix4('fd00::/8')).toBeNull();
  });
});

describe('addresses of either family', () => {
  it('know their family and print with a port the way ip6tables and URLs do', () => {
    const v6 = parseAddress('fd00:10::12') as bigint;
    const v4 = parseAddress('192.168.10.12') as number;
    expect([familyOf(v4), familyOf(v6)]).toEqual([4, 6]);
    expect(formatAddress(v6)).toBe('fd00:10::12');
    expect(formatAddressPort(v6, 30080)).toBe('[fd00:10::12]:30080');
    expect(formatAddressPort(v4, 30080)).toBe('192.168.10.12:30080');
    expect(joinHostPort('fd00:10::12', 'random')).toBe('[fd00:10::12]:random');
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
  });
});
