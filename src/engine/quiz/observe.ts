/**
 * The observables a lesson's question can be about, measured from a run's tallies: the
 * share served by a pod, the source address the serving pod sees, what the client
 * experiences, and per-client stickiness. Each turns a claim into hits out of trials for the
 * grader; nothing here knows which lesson it serves.
 */
import { experienceOf, isPodEnd, type Tally } from '../lab/evidence';
import type { Claim, ObservableSpec, StickyGrouping } from '../lab/spec';
import type { ClaimTest, Evidence } from './grade';

function sum(tallies: readonly Tally[]): number {
  return tallies.reduce((n, t) => n + t.count, 0);
}

/** Per client and entry node: its connections, and how many reached its most-used pod. */
export interface StickyGroup {
  readonly client: string;
  readonly entry: string;
  readonly total: number;
  /** The pod it reached most often ("" when none was reached). */
  readonly pod: string;
  readonly top: number;
}

/**
 * The stickiness groups of a run, in order of first appearance: per client and entry node,
 * or (`per: 'client'`) per client over every entry node, with `entry` then "".
 */
export function stickyGroups(tallies: readonly Tally[], per: StickyGrouping = 'clientEntry'): StickyGroup[] {
  const groups = new Map<string, { client: string; entry: string; total: number; pods: Map<string, number> }>();
  for (const t of tallies) {
    const entry = per === 'client' ? '' : t.entry;
    const key = `${t.client}\u0000${entry}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { client: t.client, entry, total: 0, pods: new Map() }));
    g.total += t.count;
    if (isPodEnd(t.end)) g.pods.set(t.end, (g.pods.get(t.end) ?? 0) + t.count);
  }
  return [...groups.values()].map(({ client, entry, total, pods }) => {
    let pod = '';
    let top = 0;
    for (const [name, n] of pods) if (n > top) [pod, top] = [name, n];
    return { client, entry, total, pod, top };
  });
}

/** The connections a source claim is about: served ones, at the observable's pod if it names one. */
function servedAt(tallies: readonly Tally[], pod: string | undefined): Tally[] {
  return tallies.filter((t) => isPodEnd(t.end) && (pod === undefined || t.end === pod));
}

/** Connections the pod that opened them served itself. */
function backAtCaller(tallies: readonly Tally[]): Tally[] {
  return tallies.filter((t) => t.caller !== undefined && t.end === t.caller);
}

/**
 * The headline measure of an observable: the share of connections served by the pod, served
 * at all (clientExperience), seen from the most frequent source address, or sticking to
 * their most-used pod. What the results panel states above the verdict.
 */
export function measure(observable: ObservableSpec, tallies: readonly Tally[]): Evidence {
  switch (observable.kind) {
    case 'podShare':
      return { hits: sum(tallies.filter((t) => t.end === observable.pod)), trials: sum(tallies) };
    case 'clientExperience':
      return { hits: sum(tallies.filter((t) => experienceOf(t.end) === 'served')), trials: sum(tallies) };
    case 'sourceAddress': {
      const served = servedAt(tallies, observable.pod);
      const bySource = new Map<string, number>();
      for (const t of served) bySource.set(t.source, (bySource.get(t.source) ?? 0) + t.count);
      return { hits: Math.max(0, ...bySource.values()), trials: sum(served) };
    }
    case 'stickiness': {
      const groups = stickyGroups(tallies);
      return { hits: groups.reduce((n, g) => n + g.top, 0), trials: groups.reduce((n, g) => n + g.total, 0) };
    }
    case 'callerShare':
      return { hits: sum(backAtCaller(tallies)), trials: sum(tallies) };
  }
}

/**
 * How a claim is tested against a run (claims' placeholders already filled in); null when
 * the claim does not apply to the observable. Trials may be 0 (no evidence: not supported).
 */
export function claimTest(observable: ObservableSpec, claim: Claim, tallies: readonly Tally[]): ClaimTest | null {
  switch (claim.kind) {
    case 'share':
      if (observable.kind !== 'podShare' && observable.kind !== 'stickiness' && observable.kind !== 'callerShare')
        return null;
      return { ...measure(observable, tallies), value: claim.value };
    case 'experience': {
      if (observable.kind !== 'clientExperience') return null;
      const hits = sum(tallies.filter((t) => experienceOf(t.end) === claim.outcome));
      return { hits, trials: sum(tallies), value: claim.share ?? 1 };
    }
    case 'source': {
      if (observable.kind === 'callerShare') {
        const seen = backAtCaller(tallies).filter((t) => t.source === claim.address);
        return { hits: sum(seen), trials: sum(tallies), value: claim.share ?? 1 };
      }
      if (observable.kind !== 'sourceAddress') return null;
      const served = servedAt(tallies, observable.pod);
      return {
        hits: sum(served.filter((t) => t.source === claim.address)),
        trials: sum(served),
        value: claim.share ?? 1,
      };
    }
    case 'stuck': {
      if (observable.kind !== 'stickiness') return null;
      // A group is stuck when one pod served every one of its connections (none failed).
      const groups = stickyGroups(tallies, claim.per).filter((g) => g.total > 0);
      return { hits: groups.filter((g) => g.top === g.total).length, trials: groups.length, value: claim.share };
    }
    case 'none':
      return null;
  }
}
