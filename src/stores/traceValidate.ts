/**
 * Checks the trace page's fields and turns them into a worker request. Each problem names its
 * field and carries a message code plus the values the message needs, so the page can say in
 * either language exactly which field is wrong and why.
 */
import { parseAddress, type Address } from '../engine/rules';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../text/limits';
import type { TraceProtocol, TraceRequest } from '../workers/trace/protocol';

/** The form as typed. */
export interface TraceFields {
  readonly text: string;
  readonly src: string;
  readonly dst: string;
  readonly port: string;
  readonly protocol: TraceProtocol;
  readonly local: string;
  readonly runCount: number;
}

/** A field of the form. */
export type TraceField = 'text' | 'src' | 'dst' | 'port' | 'local';

/** Message codes (keys of the `errors` string group). */
export type FieldErrorCode =
  | 'textEmpty'
  | 'textTooBig'
  | 'required'
  | 'notIP'
  | 'mixedFamily'
  | 'port'
  | 'icmpPort'
  | 'localEmpty'
  | 'localBad'
  | 'localLoopbackOnly'
  | 'localTooMany';

/** One field's problem. */
export interface FieldError {
  readonly code: FieldErrorCode;
  readonly values: Readonly<Record<string, string | number>>;
}

/** Largest dump accepted: the input limit shared with the CLI (a string's length counts UTF-16 units, never more than its UTF-8 bytes). */
const MAX_TEXT = MAX_INPUT_BYTES;
/** Most LOCAL addresses accepted. */
export const MAX_LOCAL = 64;
/** Run sizes offered. */
export const RUN_COUNTS = [1_000, 10_000, 100_000] as const;

/** Splits the LOCAL field on commas and whitespace, dropping empty entries and repeats. */
export function splitAddresses(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((w) => w !== ''))];
}

/** 127.0.0.0/8 and ::1: the node's loopback, always its own. */
const isLoopback = (v: Address): boolean => (typeof v === 'number' ? v >>> 24 === 127 : v === 1n);

function address(value: string, example: string): FieldError | null {
  const v = value.trim();
  if (v === '') return { code: 'required', values: { example } };
  if (parseAddress(v) === null) return { code: 'notIP', values: { value: shorten(v) } };
  return null;
}

const familyOf = (text: string): 4 | 6 => (text.includes(':') ? 6 : 4);

/** Long or odd input is echoed back shortened, so a message never gets huge. */
function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The field's problems (empty when all is well) and, when there are none, the request. */
export function validateTrace(
  fields: TraceFields,
  seed: number,
): { errors: Partial<Record<TraceField, FieldError>>; request: TraceRequest | null } {
  const errors: Partial<Record<TraceField, FieldError>> = {};
  // A regex test stops at the first visible character; trim() would copy a 10 MB dump.
  if (!/\S/.test(fields.text)) errors.text = { code: 'textEmpty', values: {} };
  else if (fields.text.length > MAX_TEXT) errors.text = { code: 'textTooBig', values: { max: MAX_INPUT_TEXT } };
  // The examples are documentation addresses (RFC 5737): the page serves any dump, not one lesson.
  const src = address(fields.src, '198.51.100.10');
  if (src) errors.src = src;
  const dst = address(fields.dst, '203.0.113.20');
  if (dst) errors.dst = dst;
  // One connection, one family (a ping to an IPv6 address is an ICMPv6 echo request).
  const srcFamily = familyOf(fields.src);
  const dstFamily = familyOf(fields.dst);
  if (!src && !dst && srcFamily !== dstFamily) errors.src = { code: 'mixedFamily', values: { srcFamily, dstFamily } };
  const portText = fields.port.trim();
  const ping = fields.protocol === 'icmp';
  const port = ping ? null : /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  // A ping (ICMP echo) has no port: one typed in would be silently ignored, so say so.
  if (ping && portText !== '') errors.port = { code: 'icmpPort', values: {} };
  else if (port !== null && !(port >= 1 && port <= 65535)) errors.port = { code: 'port', values: {} };
  const local = splitAddresses(fields.local);
  const bad = local.find((ip) => parseAddress(ip) === null);
  if (local.length === 0) errors.local = { code: 'localEmpty', values: {} };
  else if (bad !== undefined) errors.local = { code: 'localBad', values: { value: shorten(bad) } };
  else if (local.length > MAX_LOCAL) errors.local = { code: 'localTooMany', values: { max: MAX_LOCAL } };
  else if (local.every((ip) => isLoopback(parseAddress(ip) as Address)))
    errors.local = { code: 'localLoopbackOnly', values: {} };
  if (Object.keys(errors).length > 0) return { errors, request: null };
  // The engine's node always has 127.0.0.1/8 and ::1 on lo; the rest go on eth0, the first of
  // each family as the node's primary address. Loopback entries are shown but need not be sent.
  const ordered = local.filter((ip) => !isLoopback(parseAddress(ip) as Address));
  const runCount = (RUN_COUNTS as readonly number[]).includes(fields.runCount) ? fields.runCount : 10_000;
  return {
    errors,
    request: {
      text: fields.text,
      packet: { src: fields.src.trim(), dst: fields.dst.trim(), port, protocol: fields.protocol },
      localIPs: ordered,
      runCount,
      seed,
    },
  };
}
