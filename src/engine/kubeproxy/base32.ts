/** RFC 4648 base32, the alphabet of Go's base32.StdEncoding that kube-proxy hashes names with. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Go's base32.StdEncoding.EncodeToString without the trailing "=" padding: kube-proxy only
 * ever keeps a prefix of the encoding (16 characters for iptables chains, 8 for nftables
 * objects), and a prefix of a SHA-256 digest never reaches the padding.
 */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    // At most 4 bits are left over from the last byte, so 16 bits hold everything pending.
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
