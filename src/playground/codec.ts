/**
 * The share link's scenario code: a versioned byte string, base64url-encoded, small enough for
 * a URL fragment (the bounce scenario is 19 bytes, 26 characters). Decoding checks the
 * version, the length, every field's range and that unused bits are zero, then runs the same
 * validation as the editor, so a tampered or truncated link is rejected with a reason instead
 * of producing a scenario the engine could choke on.
 *
 * Layout of version 1 (all integers big-endian):
 *   0 version=1 · 1 nodes · 2 entry node · 3 client kind(2 bits)<<5 | index(5 bits)
 *   4 type(2) | ETP Local<<2 | ITP Local<<3 | ClientIP affinity<<4 | target(2)<<5 | IPv6<<7
 *   5–6 port · 7–8 targetPort · 9–10 nodePort
 *   11 datapath(2) | ipvs scheduler(3)<<2 | cilium maglev<<5 | cilium nodePort mode(2)<<6
 *   12–15 seed · 16 pod count · then one byte per pod: node(4 bits) | state(2 bits)<<4
 * Byte 4's top bit (the IP family) was zero in every code written before dual-stack, so those
 * links still read, as IPv4; the version stays 1.
 */
import {
  CILIUM_LBS,
  CILIUM_NODEPORT_MODES,
  CLIENT_KINDS,
  DATAPATHS,
  IPVS_SCHEDULER_NAMES,
  MAX_PODS,
  POD_STATES,
  SERVICE_TYPES,
  TARGETS,
  type PlaygroundScenario,
} from './scenario';
import { scenarioProblems, type ScenarioProblem } from './validate';

/** The codec version written by encodeScenario. */
export const CODEC_VERSION = 1;
const HEADER = 17;

/** Why a code was rejected. */
export type DecodeError =
  | { readonly reason: 'encoding' }
  | { readonly reason: 'version'; readonly version: number }
  | { readonly reason: 'length' }
  | { readonly reason: 'field'; readonly field: string }
  | { readonly reason: 'invalid'; readonly problems: readonly ScenarioProblem[] };

/** A decoded scenario, or why there is none. */
export type DecodeResult =
  { readonly ok: true; readonly scenario: PlaygroundScenario } | { readonly ok: false; readonly error: DecodeError };

const index = <T>(list: readonly T[], value: T): number => Math.max(0, list.indexOf(value));

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The scenario's share code (the scenario should be valid; out-of-range values are not representable). */
export function encodeScenario(s: PlaygroundScenario): string {
  const bytes = new Uint8Array(HEADER + s.pods.length);
  const view = new DataView(bytes.buffer);
  const svc = s.service;
  bytes[0] = CODEC_VERSION;
  bytes[1] = s.nodes;
  bytes[2] = s.entry;
  bytes[3] = (index(CLIENT_KINDS, s.client.kind) << 5) | (s.client.index & 31);
  bytes[4] =
    index(SERVICE_TYPES, svc.type) |
    (svc.externalTrafficPolicy === 'Local' ? 4 : 0) |
    (svc.internalTrafficPolicy === 'Local' ? 8 : 0) |
    (svc.sessionAffinity === 'ClientIP' ? 16 : 0) |
    (index(TARGETS, s.target) << 5) |
    (s.family === 'IPv6' ? 128 : 0);
  view.setUint16(5, svc.port);
  view.setUint16(7, svc.targetPort);
  view.setUint16(9, svc.nodePort);
  const d = s.datapath;
  bytes[11] =
    index(DATAPATHS, d.mode) |
    (index(IPVS_SCHEDULER_NAMES, d.ipvsScheduler) << 2) |
    (d.ciliumLb === 'maglev' ? 32 : 0) |
    (index(CILIUM_NODEPORT_MODES, d.ciliumNodePort) << 6);
  view.setUint32(12, s.seed >>> 0);
  bytes[16] = s.pods.length;
  s.pods.forEach((p, i) => {
    bytes[HEADER + i] = (p.node & 15) | (index(POD_STATES, p.state) << 4);
  });
  return toBase64Url(bytes);
}

/** Reads a share code; never throws. */
export function decodeScenario(code: string): DecodeResult {
  const fail = (error: DecodeError): DecodeResult => ({ ok: false, error });
  const bytes = fromBase64Url(code);
  if (!bytes || bytes.length === 0) return fail({ reason: 'encoding' });
  if (bytes[0] !== CODEC_VERSION) return fail({ reason: 'version', version: bytes[0]! });
  if (bytes.length < HEADER) return fail({ reason: 'length' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number): number => bytes[i] ?? 0;
  const pick = <T>(list: readonly T[], i: number, field: string): T | DecodeError =>
    list[i] ?? { reason: 'field', field };
  const podCount = at(16);
  if (podCount > MAX_PODS) return fail({ reason: 'field', field: 'pods' });
  if (bytes.length !== HEADER + podCount) return fail({ reason: 'length' });
  const client = pick(CLIENT_KINDS, at(3) >> 5, 'client.kind');
  const type = pick(SERVICE_TYPES, at(4) & 3, 'service.type');
  const target = pick(TARGETS, (at(4) >> 5) & 3, 'target');
  const mode = pick(DATAPATHS, at(11) & 3, 'datapath.mode');
  const scheduler = pick(IPVS_SCHEDULER_NAMES, (at(11) >> 2) & 7, 'datapath.ipvsScheduler');
  const npm = pick(CILIUM_NODEPORT_MODES, at(11) >> 6, 'datapath.ciliumNodePort');
  for (const v of [client, type, target, mode, scheduler, npm]) if (typeof v === 'object') return fail(v);
  const pods: PlaygroundScenario['pods'][number][] = [];
  for (let i = 0; i < podCount; i++) {
    const b = at(HEADER + i);
    const state = POD_STATES[(b >> 4) & 3];
    if (!state || b >> 6) return fail({ reason: 'field', field: `pods[${i}]` });
    pods.push({ node: b & 15, state });
  }
  const scenario: PlaygroundScenario = {
    nodes: at(1),
    entry: at(2),
    client: { kind: client as PlaygroundScenario['client']['kind'], index: at(3) & 31 },
    pods,
    service: {
      type: type as PlaygroundScenario['service']['type'],
      port: view.getUint16(5),
      targetPort: view.getUint16(7),
      nodePort: view.getUint16(9),
      externalTrafficPolicy: at(4) & 4 ? 'Local' : 'Cluster',
      internalTrafficPolicy: at(4) & 8 ? 'Local' : 'Cluster',
      sessionAffinity: at(4) & 16 ? 'ClientIP' : 'None',
    },
    target: target as PlaygroundScenario['target'],
    family: at(4) & 128 ? 'IPv6' : 'IPv4',
    datapath: {
      mode: mode as PlaygroundScenario['datapath']['mode'],
      ipvsScheduler: scheduler as PlaygroundScenario['datapath']['ipvsScheduler'],
      ciliumLb: at(11) & 32 ? CILIUM_LBS[1] : CILIUM_LBS[0],
      ciliumNodePort: npm as PlaygroundScenario['datapath']['ciliumNodePort'],
    },
    seed: view.getUint32(12),
  };
  const problems = scenarioProblems(scenario);
  return problems.length > 0 ? fail({ reason: 'invalid', problems }) : { ok: true, scenario };
}

/** The fragment of a share link ("s=<code>"). */
export function shareFragment(s: PlaygroundScenario): string {
  return `s=${encodeScenario(s)}`;
}

/** The code in a location hash ("#s=…"), or null when the hash carries none. */
export function codeFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('s');
}
