/** The scenario the reader has set with the controls (or a deep link). */
import { atom } from 'nanostores';
import { defaultScenario, type NodeNumber, type Policy, type RunSize, type Scenario } from './model.ts';

/** externalTrafficPolicy and receiving node; the lesson's own question by default. */
export const $scenario = atom<Scenario>(defaultScenario);

/** How many connections the next run sends. */
export const $runSize = atom<RunSize>(1_000);

/** Sets the policy; a no-op when unchanged so listeners do not re-run for nothing. */
export function setPolicy(policy: Policy): void {
  const current = $scenario.get();
  if (current.policy !== policy) $scenario.set({ ...current, policy });
}

/** Sets the receiving node. */
export function setNode(node: NodeNumber): void {
  const current = $scenario.get();
  if (current.node !== node) $scenario.set({ ...current, node });
}

/** Sets the run size for the next run. */
export function setRunSize(size: RunSize): void {
  $runSize.set(size);
}
