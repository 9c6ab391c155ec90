/** The scenario controls: externalTrafficPolicy and the node that receives the requests. */
import { chooseNode, choosePolicy } from '../stores/controls.ts';
import { defaultScenario, nodeNumbers, policies } from '../stores/model.ts';
import { $scenario } from '../stores/scenario.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { fill } from './fill.ts';
import { useClientStore } from './useClientStore.ts';

interface Props {
  readonly strings: LiveStrings['controls'];
}

export default function ScenarioControls({ strings }: Props) {
  const scenario = useClientStore($scenario, defaultScenario);
  const policyLabel = { Cluster: strings.policyCluster, Local: strings.policyLocal } as const;
  return (
    <fieldset class="live-controls" data-testid="scenario-controls">
      <legend>{strings.legend}</legend>
      <div class="live-controls__groups">
        <fieldset class="live-choice">
          <legend>
            <code>{strings.policy}</code>
          </legend>
          {policies.map((policy) => (
            <label key={policy} class="live-choice__option">
              <input
                type="radio"
                name="live-policy"
                value={policy}
                checked={scenario.policy === policy}
                onChange={() => choosePolicy(policy)}
              />
              <span>{policyLabel[policy]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="live-choice">
          <legend>{strings.node}</legend>
          {nodeNumbers.map((node) => (
            <label key={node} class="live-choice__option">
              <input
                type="radio"
                name="live-node"
                value={node}
                checked={scenario.node === node}
                onChange={() => chooseNode(node)}
              />
              <span>{fill(strings.nodeOption, { n: node })}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p class="live-controls__note">{strings.note}</p>
    </fieldset>
  );
}
