/** The cluster editor: nodes, pods (move, state, remove), the Service, the connection, the datapath and the seed. */
import type { PlaygroundStrings } from '../../i18n/playground/index';
import { DEFAULT_SCENARIO, type PlaygroundScenario } from '../../playground/scenario';
import { replaceScenario } from '../../stores/playground';
import { ConnectionFieldset } from './editor/ConnectionFieldset';
import { DatapathFieldset } from './editor/DatapathFieldset';
import { NodesFieldset } from './editor/NodesFieldset';
import { PodsFieldset } from './editor/PodsFieldset';
import { ServiceFieldset } from './editor/ServiceFieldset';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly strings: PlaygroundStrings;
}

/** Every fieldset of the editor over one scenario, then the reset button. */
export function Editor({ scenario, strings }: Props) {
  return (
    <div class="pg-editor" data-testid="pg-editor">
      <NodesFieldset scenario={scenario} strings={strings} />
      <PodsFieldset scenario={scenario} strings={strings} />
      <ServiceFieldset scenario={scenario} strings={strings} />
      <ConnectionFieldset scenario={scenario} strings={strings} />
      <DatapathFieldset scenario={scenario} strings={strings} />
      <p>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => replaceScenario(DEFAULT_SCENARIO)}
          data-testid="pg-reset"
        >
          {strings.editor.reset}
        </button>
      </p>
    </div>
  );
}
