/** The editor's nodes: how many, with buttons to add one and remove the last. */
import type { PlaygroundStrings } from '../../../i18n/playground/index';
import { MAX_NODES, type PlaygroundScenario } from '../../../playground/scenario';
import { edit } from '../../../stores/playground';

/** The node count with its add and remove buttons. */
export function NodesFieldset({ scenario: s, strings }: { scenario: PlaygroundScenario; strings: PlaygroundStrings }) {
  const e = strings.editor;
  return (
    <fieldset class="pg-group">
      <legend>{e.nodes}</legend>
      <p class="pg-inline">
        <output data-testid="pg-node-count">{s.nodes}</output> / {MAX_NODES}
        <button type="button" class="live-button live-button--small" onClick={edit.addNode} data-testid="pg-add-node">
          {e.addNode}
        </button>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={edit.removeNode}
          data-testid="pg-remove-node"
        >
          {e.removeNode}
        </button>
      </p>
    </fieldset>
  );
}
