import { z } from 'astro/zod';
import type { Claim, ControlSpec, LabSpec, ObservableSpec, TrafficSpec } from '../engine/lab/spec';
import { claimKindsOf, placeholderNames } from '../engine/lab';

/**
 * The `lab` block of a lesson's frontmatter (docs/lessons.md is the contract): which scenario
 * file, what traffic, which controls, which observable. Checks here need only the
 * frontmatter; whether the names it uses exist in the scenario is checked when the page
 * loads the scenario (src/lessons/lab.ts), with the lesson file and the field named.
 */

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** A Kubernetes object name (DNS label style). */
const name = z.string().regex(NAME, 'must be a Kubernetes name like "node-2" (lower case, digits, dashes)');

/** Text that may carry `{placeholders}`; only known names are allowed. */
export const placeholderText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((text, ctx) => {
    for (const [, found] of text.matchAll(PLACEHOLDER)) {
      if (!(placeholderNames as readonly string[]).includes(found ?? '')) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `unknown placeholder {${found}}; known: ${placeholderNames.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
  });

const clientSchema = z.union([
  z.object({ name, ip: z.string().regex(IPV4, 'must be an IPv4 address like 192.168.10.100') }).strict(),
  z.object({ name, pod: name, namespace: name.optional() }).strict(),
]);

const connectionSchema = z
  .object({
    from: name,
    to: z.enum(['nodePort', 'clusterIP']),
    node: name.optional(),
    protocol: z.enum(['tcp', 'icmp'], { message: 'protocol must be tcp or icmp (a ping)' }).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.protocol === 'icmp' && c.to === 'nodePort') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['to'],
        message: 'a ping (protocol icmp) has no port, so it cannot go to a node port; use to: clusterIP',
      });
    }
    if (c.to === 'nodePort' && c.node === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['node'],
        message: 'a nodePort connection needs the node it enters by',
      });
    }
    if (c.to === 'clusterIP' && c.node !== undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['node'],
        message: 'a clusterIP connection has no entry node (leave node out)',
      });
    }
  });

const trafficSchema = z
  .object({
    service: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "namespace/name", e.g. default/web'),
    port: name.optional(),
    clients: z.array(clientSchema).min(1, 'name at least one client'),
    connections: z
      .array(connectionSchema)
      .min(1, 'give at least one connection')
      .max(64, 'at most 64 connections per round'),
    interval: z.number().positive('must be more than 0 seconds').max(86_400).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const names = t.clients.map((c) => c.name);
    names.forEach((n, i) => {
      if (names.indexOf(n) !== i)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['clients', i, 'name'],
          message: `client "${n}" is named twice`,
        });
    });
    const protocols = new Set(t.connections.map((c) => c.protocol ?? 'tcp'));
    if (protocols.size > 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['connections'],
        message: 'every connection of a round uses one protocol: all tcp or all icmp',
      });
    }
    t.connections.forEach((c, i) => {
      if (!names.includes(c.from)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['connections', i, 'from'],
          message: `no client named "${c.from}" (clients: ${names.join(', ')})`,
        });
      }
    });
  });

const controlSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('externalTrafficPolicy') }).strict(),
  z.object({ kind: z.literal('internalTrafficPolicy') }).strict(),
  z.object({ kind: z.literal('sessionAffinity') }).strict(),
  z
    .object({ kind: z.literal('sessionAffinityTimeout'), values: z.array(z.number().int().min(1).max(86_400)).min(2) })
    .strict(),
  z.object({ kind: z.literal('entryNode'), values: z.array(name).min(2).optional() }).strict(),
  z.object({ kind: z.literal('client'), values: z.array(name).min(2).optional() }).strict(),
  z
    .object({
      kind: z.literal('datapath'),
      values: z
        .array(z.enum(['iptables', 'nftables', 'ipvs', 'cilium']))
        .min(2)
        .optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('endpointReadiness'),
      pod: name,
      values: z
        .array(z.enum(['ready', 'notReady', 'terminating']))
        .min(2)
        .optional(),
    })
    .strict(),
]);

const observableSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('podShare'), pod: name }).strict(),
  z.object({ kind: z.literal('sourceAddress'), pod: name.optional() }).strict(),
  z.object({ kind: z.literal('clientExperience') }).strict(),
  z.object({ kind: z.literal('stickiness') }).strict(),
  z.object({ kind: z.literal('callerShare') }).strict(),
]);

/** A share of connections: 0 (never) to 1 (always). */
const share = z.number().min(0, 'a share is at least 0').max(1, 'a share is at most 1 (always)');

/**
 * What an option claims about the lesson's observable. The quiz grades by testing each claim
 * against a run, so this is the option's meaning, not an answer key.
 */
export const claimSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share'), value: share }).strict(),
  z
    .object({
      kind: z.literal('source'),
      address: z
        .string()
        .refine(
          (a) => IPV4.test(a) || /^\{[A-Za-z]+\}$/.test(a),
          'must be an IPv4 address or one placeholder like {clientIP}',
        ),
      share: share.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('experience'),
      outcome: z.enum(['served', 'refused', 'timedOut']),
      share: share.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('stuck'), per: z.enum(['clientEntry', 'client']), share }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

/** The `lab` block: scenario, traffic, controls and observable. */
export const labSchema = z
  .object({
    scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'the slug of content/scenarios/<slug>.yaml, e.g. "bounce"'),
    traffic: trafficSchema,
    controls: z.array(controlSchema).max(6, 'at most six controls'),
    observable: observableSchema,
  })
  .strict()
  .superRefine((lab, ctx) => {
    const kinds = lab.controls.map((c) => (c.kind === 'endpointReadiness' ? `${c.kind}:${c.pod}` : c.kind));
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['controls', i, 'kind'],
          message: `control ${k} is given twice`,
        });
    });
    lab.controls.forEach((c, i) => {
      if (c.kind === 'entryNode' && !lab.traffic.connections.some((x) => x.to === 'nodePort')) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['controls', i, 'kind'],
          message: 'entryNode needs a nodePort connection in traffic.connections',
        });
      }
      if (c.kind === 'client' && c.values?.some((v) => !lab.traffic.clients.some((cl) => cl.name === v))) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['controls', i, 'values'],
          message: 'every value must name a client of traffic.clients',
        });
      }
    });
  });

/** Checks that every option's claim fits the observable (called by the lesson schema). */
export function checkClaims(
  observable: ObservableSpec,
  options: readonly { readonly claim: Claim }[],
  ctx: z.RefinementCtx,
): void {
  const allowed = claimKindsOf[observable.kind];
  options.forEach((o, i) => {
    if (o.claim.kind !== 'none' && !allowed.includes(o.claim.kind)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['options', i, 'claim', 'kind'],
        message: `observable ${observable.kind} takes claims of kind ${allowed.map((k) => `"${k}"`).join(', ')} or "none", found "${o.claim.kind}"`,
      });
    }
  });
}

// The schema must produce the engine's types exactly (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const labMatches: z.infer<typeof labSchema>['controls'][number] extends ControlSpec ? true : false = true;
const trafficMatches: z.infer<typeof trafficSchema> extends TrafficSpec ? true : false = true;
const claimMatches: Same<z.infer<typeof claimSchema>, Claim> = true;
const specMatches: z.infer<typeof labSchema> extends LabSpec ? true : false = true;
void [labMatches, trafficMatches, claimMatches, specMatches];
