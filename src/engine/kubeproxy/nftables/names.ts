/**
 * nftables-mode object names (pkg/proxy/nftables/proxier.go hashAndTruncate and the
 * servicePort*ChainNameBase helpers): "<prefix><HASH8>-<ns>/<svc>/<proto>/<port>[__<ip>/<port>]".
 */
import { sha256 } from '@noble/hashes/sha2';
import { base32 } from '../base32';

/** knftables.NameLengthMax (256) minus the longest prefix (16). */
const BASE_LENGTH_MAX = 240;

/** hashAndTruncate: 8 base32 characters of SHA-256(name), "-", name; cut to 240 with "...". */
export function hashAndTruncate(name: string): string {
  const full = `${base32(sha256(new TextEncoder().encode(name))).slice(0, 8)}-${name}`;
  return full.length > BASE_LENGTH_MAX ? `${full.slice(0, BASE_LENGTH_MAX - 3)}...` : full;
}

/** servicePortChainNameBase: "HASH-ns/svc/proto/portName". */
export function serviceChainBase(namespace: string, service: string, protocol: string, portName: string): string {
  return hashAndTruncate(`${namespace}/${service}/${protocol}/${portName}`);
}

/** servicePortEndpointChainNameBase: "HASH-ns/svc/proto/portName__ip/port" (IPv6 colons become dots). */
export function endpointChainBase(
  namespace: string,
  service: string,
  protocol: string,
  portName: string,
  ip: string,
  port: number,
): string {
  return hashAndTruncate(`${namespace}/${service}/${protocol}/${portName}__${ip.replaceAll(':', '.')}/${port}`);
}

/** The per-service-port object names. */
export interface NftServiceNames {
  readonly cluster: string;
  readonly local: string;
  readonly external: string;
  readonly firewall: string;
}

/** service-/local-/external-/firewall- chains of one service port. */
export function nftServiceNames(base: string): NftServiceNames {
  return {
    cluster: `service-${base}`,
    local: `local-${base}`,
    external: `external-${base}`,
    firewall: `firewall-${base}`,
  };
}
