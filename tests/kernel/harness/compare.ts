import { chiSquareGoodnessOfFit } from '../../../src/engine/stats/chisquare';
import type { ProbeResult } from './kernelCluster';

/**
 * One outcome the engine predicts for a new connection, with its exact probability: a pod
 * answers and sees `source` as the peer address; the client gets no answer (dropped, or the
 * answer lost on its way back); the client is refused (REJECT's ICMP port unreachable, or a
 * RST from a stack with no listener); or something the kernel suite has no category for,
 * named by `label` (it can only match if the kernel does exactly that too, which it cannot).
 */
export type ExpectedOutcome =
  | { readonly kind: 'pod'; readonly pod: string; readonly source: string; readonly probability: number }
  | { readonly kind: 'no-answer' | 'refused'; readonly probability: number }
  | { readonly kind: 'other'; readonly label: string; readonly probability: number };

/** Category names shared by the engine side and the kernel side of a comparison. */
export const NO_ANSWER = 'no answer (dropped)';
export const REFUSED = 'refused (REJECT or RST)';

/** One row of the side-by-side comparison. */
export interface ComparisonRow {
  /** "pod-1 sees 192.168.10.12", "dropped", "rejected", or what the kernel did unexpectedly. */
  readonly label: string;
  readonly engineProbability: number;
  readonly kernelCount: number;
}

/** The verdict on one probe: the χ² fit and the exact source-address check. */
export interface Comparison {
  readonly rows: readonly ComparisonRow[];
  readonly total: number;
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  /** Significance level the fit is judged at. */
  readonly alpha: number;
  /** Pods whose seen source addresses differ from the engine's, with both sets. */
  readonly sourceMismatches: readonly string[];
  readonly agrees: boolean;
}

/**
 * The χ² level each comparison is judged at. The suite makes a few dozen random comparisons
 * per run; at 0.001 each, a correct engine failed about one run in thirty (CI saw it). At 1e-5
 * a correct engine fails about one run in three thousand, while an engine wrong by the margins
 * the lessons hinge on still fails every time: 1/2 against 1/3 over 400 connections gives
 * p ≈ 2e-11, and 70/30 against 50/50 gives p < 1e-9 (tests/kernel/compare.test.ts).
 */
export const DEFAULT_ALPHA = 1e-5;

function labelOf(o: ExpectedOutcome): string {
  switch (o.kind) {
    case 'pod':
      return `${o.pod} sees ${o.source}`;
    case 'no-answer':
      return NO_ANSWER;
    case 'refused':
      return REFUSED;
    default:
      return o.label;
  }
}

function kernelLabels(result: ProbeResult): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (label: string, n = 1): void => void counts.set(label, (counts.get(label) ?? 0) + n);
  for (const o of result.outcomes) {
    if (o.outcome === 'answered') add(`${o.pod} sees ${o.peer}`);
    else if (o.outcome === 'timeout') add(NO_ANSWER);
    else if (o.outcome === 'refused') add(REFUSED);
    else add(`${o.outcome}${o.error ? ` (${o.error})` : ''}`);
  }
  return counts;
}

/**
 * Compares what the kernel did with the engine's exact distribution. Each category is a
 * (pod, seen source) pair or a failure kind, so a wrong probability fails the χ² fit and a
 * wrong or missing masquerade puts connections in a category the engine gives probability
 * 0, which rejects it outright (p = 0).
 */
export function compareWithEngine(
  result: ProbeResult,
  expected: readonly ExpectedOutcome[],
  alpha = DEFAULT_ALPHA,
): Comparison {
  const engine = new Map<string, number>();
  for (const o of expected) engine.set(labelOf(o), (engine.get(labelOf(o)) ?? 0) + o.probability);
  const kernel = kernelLabels(result);
  const labels = [...new Set([...engine.keys(), ...kernel.keys()])];
  const rows: ComparisonRow[] = labels.map((label) => ({
    label,
    engineProbability: engine.get(label) ?? 0,
    kernelCount: kernel.get(label) ?? 0,
  }));
  const mass = rows.reduce((s, r) => s + r.engineProbability, 0);
  if (Math.abs(mass - 1) > 1e-9) throw new Error(`the engine's outcome probabilities sum to ${mass}, not 1`);
  // Normalise away float dust so the χ² helper's exact-sum check holds.
  const fit = chiSquareGoodnessOfFit(
    rows.map((r) => r.kernelCount),
    rows.map((r) => r.engineProbability / mass),
  );

  const sourceMismatches: string[] = [];
  const pods = new Set([...expected.flatMap((o) => (o.kind === 'pod' ? [o.pod] : [])), ...result.seenSources.keys()]);
  for (const pod of pods) {
    const predicted = new Set(
      expected.flatMap((o) => (o.kind === 'pod' && o.pod === pod && o.probability > 0 ? [o.source] : [])),
    );
    const seen = new Set(result.seenSources.get(pod)?.keys() ?? []);
    if (seen.size === 0) continue; // Not reached in this sample; the χ² fit judges whether that is plausible.
    const same = seen.size === predicted.size && [...seen].every((s) => predicted.has(s));
    if (!same) {
      sourceMismatches.push(
        `${pod}: kernel saw {${[...seen].join(', ')}}, engine predicts {${[...predicted].join(', ')}}`,
      );
    }
  }
  return {
    rows,
    total: result.outcomes.length,
    statistic: fit.statistic,
    degreesOfFreedom: fit.degreesOfFreedom,
    pValue: fit.pValue,
    alpha,
    sourceMismatches,
    agrees: fit.pValue > alpha && sourceMismatches.length === 0,
  };
}

/** The comparison as a side-by-side table, for test failures and the CLI. */
export function formatComparison(title: string, c: Comparison): string {
  const width = Math.max(34, ...c.rows.map((r) => r.label.length));
  const lines = [
    title,
    `  ${'outcome'.padEnd(width)}  ${'engine'.padStart(8)}  ${'expected'.padStart(8)}  ${'kernel'.padStart(6)}`,
  ];
  for (const r of c.rows) {
    lines.push(
      `  ${r.label.padEnd(width)}  ${(r.engineProbability * 100).toFixed(2).padStart(7)}%  ${(r.engineProbability * c.total).toFixed(1).padStart(8)}  ${String(r.kernelCount).padStart(6)}`,
    );
  }
  const p = c.pValue === 0 ? '0 (an outcome the engine calls impossible happened)' : c.pValue.toPrecision(3);
  lines.push(
    `  χ² = ${Number.isFinite(c.statistic) ? c.statistic.toFixed(2) : '∞'}, df = ${c.degreesOfFreedom}, p = ${p} (fails below ${c.alpha})`,
  );
  for (const m of c.sourceMismatches) lines.push(`  source mismatch: ${m}`);
  lines.push(`  verdict: ${c.agrees ? 'kernel and engine agree' : 'KERNEL AND ENGINE DISAGREE'}`);
  return lines.join('\n');
}
