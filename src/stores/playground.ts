/**
 * The playground's state: the scenario being edited (kept in the URL fragment, so the address
 * bar is always a share link), the notice about the last refused edit or a rejected link,
 * and the engine's answers for the scenario, computed lazily in a separate chunk.
 */
import { atom } from 'nanostores';
import { codeFromHash, decodeScenario, shareFragment, type DecodeError } from '../playground/codec';
import * as edits from '../playground/edit';
import type { EditResult } from '../playground/edit';
import { DEFAULT_SCENARIO, RUN_SIZE, type PlaygroundScenario } from '../playground/scenario';
import type { ScenarioProblem } from '../playground/validate';
import { fromPlayground } from './playgroundEngine';

export { RUN_SIZE } from '../playground/scenario';

/** Something the page should tell the reader. */
export type PlaygroundNotice =
  | { readonly kind: 'problem'; readonly problem: ScenarioProblem }
  | { readonly kind: 'link'; readonly error: DecodeError }
  | { readonly kind: 'info'; readonly text: string };

/** The scenario on screen. */
export const $pgScenario = atom<PlaygroundScenario>(DEFAULT_SCENARIO);
/** The current notice, or null. */
export const $pgNotice = atom<PlaygroundNotice | null>(null);

/** Applies an edit: shows the new scenario, or keeps the old one and says why. */
export function applyEdit(edit: (s: PlaygroundScenario) => EditResult): void {
  const result = edit($pgScenario.get());
  $pgNotice.set(result.problem ? { kind: 'problem', problem: result.problem } : null);
  if (result.scenario !== $pgScenario.get()) $pgScenario.set(result.scenario);
}

/** The editor's operations, bound to the store. */
export const edit = {
  addNode: () => applyEdit(edits.addNode),
  removeNode: () => applyEdit(edits.removeNode),
  addPod: (node: number) => applyEdit((s) => edits.addPod(s, node)),
  removePod: (i: number) => applyEdit((s) => edits.removePod(s, i)),
  movePod: (i: number, node: number) => applyEdit((s) => edits.movePod(s, i, node)),
  setPodState: (i: number, state: Parameters<typeof edits.setPodState>[2]) =>
    applyEdit((s) => edits.setPodState(s, i, state)),
  setService: (patch: Parameters<typeof edits.setService>[1]) => applyEdit((s) => edits.setService(s, patch)),
  setClient: (client: Parameters<typeof edits.setClient>[1]) => applyEdit((s) => edits.setClient(s, client)),
  setEntry: (entry: number) => applyEdit((s) => edits.setEntry(s, entry)),
  setTarget: (target: Parameters<typeof edits.setTarget>[1]) => applyEdit((s) => edits.setTarget(s, target)),
  setFamily: (family: Parameters<typeof edits.setFamily>[1]) => applyEdit((s) => edits.setFamily(s, family)),
  setDatapath: (patch: Parameters<typeof edits.setDatapath>[1]) => applyEdit((s) => edits.setDatapath(s, patch)),
  setSeed: (seed: number) => applyEdit((s) => edits.setSeed(s, seed)),
};

/** Replaces the whole scenario (an import, a reset). */
export function replaceScenario(s: PlaygroundScenario, notice: PlaygroundNotice | null = null): void {
  $pgScenario.set(s);
  $pgNotice.set(notice);
}

/** Reads a share link's fragment: its scenario, or the default with a notice when it is damaged. */
export function loadFromHash(hash: string): void {
  const code = codeFromHash(hash);
  if (code === null) return;
  const decoded = decodeScenario(code);
  if (decoded.ok) replaceScenario(decoded.scenario);
  else replaceScenario(DEFAULT_SCENARIO, { kind: 'link', error: decoded.error });
}

/** Keeps the address bar's fragment equal to the scenario's share code (no history entries). */
export function syncHash(): () => void {
  return $pgScenario.subscribe((s) => {
    const hash = `#${shareFragment(s)}`;
    if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
  });
}

/** The node (index) whose rules are shown; follows the entry node until the reader picks one. */
export const $pgRulesNode = atom(DEFAULT_SCENARIO.entry);
$pgScenario.listen((s, previous) => {
  if (s.entry !== previous?.entry || $pgRulesNode.get() >= s.nodes) $pgRulesNode.set(s.entry);
});

/** Which sample connection the trace shows. */
export const $pgSample = atom(0);
$pgScenario.listen(() => $pgSample.set(0));

/** The run of the scenario through its datapath. */
export const $pgRun = fromPlayground([$pgScenario], (e, s) => ({ scenario: s, report: e.runScenario(s, RUN_SIZE) }));
/** The selected node's rules or tables. */
export const $pgRules = fromPlayground([$pgScenario, $pgRulesNode], (e, s, node) => e.rulesOf(s, `node-${node + 1}`));
/** The sample connection. */
export const $pgStory = fromPlayground([$pgScenario, $pgSample], (e, s, sample) => e.sampleOf(s, sample));
/** The scenario through every datapath. */
export const $pgCompare = fromPlayground([$pgScenario], (e, s) => e.compareScenario(s, RUN_SIZE));
