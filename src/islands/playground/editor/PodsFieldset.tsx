/** The editor's pods: each one's node (moved by arrows or a select) and state, removal, and adding a pod on a node. */
import type { PlaygroundStrings } from '../../../i18n/playground/index';
import {
  MAX_PODS,
  nodeNameOf,
  podNameOf,
  POD_STATES,
  type PlaygroundScenario,
  type PodState,
} from '../../../playground/scenario';
import { edit } from '../../../stores/playground';
import { fill } from '../../fill';
import { Text } from '../../Text';
import { Select } from './fields';

/** The pod list, then the add-a-pod form. */
export function PodsFieldset({ scenario: s, strings }: { scenario: PlaygroundScenario; strings: PlaygroundStrings }) {
  const e = strings.editor;
  const nodes = Array.from({ length: s.nodes }, (_, i) => i);
  const stateLabel: Record<PodState, string> = {
    ready: e.stateReady,
    notReady: e.stateNotReady,
    terminating: e.stateTerminating,
  };
  return (
    <fieldset class="pg-group">
      <legend>
        <Text>{e.pods}</Text> ({s.pods.length} / {MAX_PODS})
      </legend>
      {s.pods.length === 0 ? <p data-testid="pg-no-pods">{e.noPods}</p> : null}
      <ul class="pg-pods" data-testid="pg-pods">
        {s.pods.map((pod, i) => {
          const name = podNameOf(i);
          return (
            <li
              key={i}
              class={`pg-pod pg-pod--${pod.state}`}
              data-testid={`pg-pod-${name}`}
              data-node={nodeNameOf(pod.node)}
              data-state={pod.state}
            >
              <strong>{name}</strong>
              <button
                type="button"
                class="live-button live-button--small"
                aria-label={fill(e.moveLeft, { pod: name })}
                disabled={pod.node === 0}
                onClick={() => edit.movePod(i, pod.node - 1)}
                data-testid={`pg-move-left-${name}`}
              >
                ←
              </button>
              <Select
                ariaLabel={fill(e.podNode, { pod: name })}
                options={nodes}
                value={pod.node}
                text={nodeNameOf}
                onSelect={(node) => edit.movePod(i, node)}
                testId={`pg-pod-node-${name}`}
              />
              <button
                type="button"
                class="live-button live-button--small"
                aria-label={fill(e.moveRight, { pod: name })}
                disabled={pod.node === s.nodes - 1}
                onClick={() => edit.movePod(i, pod.node + 1)}
                data-testid={`pg-move-right-${name}`}
              >
                →
              </button>
              <Select
                ariaLabel={fill(e.podState, { pod: name })}
                options={POD_STATES}
                value={pod.state}
                text={(st) => stateLabel[st]}
                onSelect={(st) => edit.setPodState(i, st)}
                testId={`pg-pod-state-${name}`}
              />
              <button
                type="button"
                class="live-button live-button--small"
                aria-label={fill(e.removePod, { pod: name })}
                onClick={() => edit.removePod(i)}
                data-testid={`pg-remove-${name}`}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      <form
        class="pg-inline"
        onSubmit={(ev) => {
          ev.preventDefault();
          const select = ev.currentTarget.elements.namedItem('node');
          edit.addPod(select instanceof HTMLSelectElement ? Number(select.value) : 0);
        }}
      >
        <label for="pg-add-pod-node">{e.addPod}</label>
        {/* Uncontrolled: the form reads the chosen node when it is submitted. */}
        <select id="pg-add-pod-node" name="node" data-testid="pg-add-pod-node">
          {nodes.map((n) => (
            <option key={n} value={n}>
              {nodeNameOf(n)}
            </option>
          ))}
        </select>
        <button type="submit" class="live-button live-button--small" data-testid="pg-add-pod">
          +
        </button>
      </form>
      <p class="pg-hint">{e.dragHint}</p>
    </fieldset>
  );
}
