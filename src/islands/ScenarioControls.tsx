/** The scenario controls: one radio group per control the lesson offers (engine/lab/controls.ts). */
import type { Control } from '../engine/lab/controls';
import { chooseSetting } from '../stores/controls';
import { $scenario } from '../stores/scenario';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { useClientStore } from './useClientStore';

interface Props {
  /** The lesson's controls (from its LabConfig, as props so the server renders them). */
  readonly controls: readonly Control[];
  readonly strings: LiveStrings['controls'];
}

/** The label of one value of a control. */
export function valueLabel(control: Control, value: string, strings: LiveStrings['controls']): string {
  switch (control.kind) {
    case 'externalTrafficPolicy':
    case 'internalTrafficPolicy':
      return value === 'Cluster' ? strings.policyCluster : value === 'Local' ? strings.policyLocal : value;
    case 'sessionAffinityTimeout':
      return fill(strings.seconds, { n: value });
    case 'endpointReadiness':
      return value === 'ready' ? strings.ready : value === 'notReady' ? strings.notReady : strings.terminating;
    case 'datapath':
      return value === 'ipvs' ? strings.datapathIpvs : value === 'cilium' ? strings.datapathCilium : value;
    default:
      return value;
  }
}

/** The name of a control. */
export function controlLabel(control: Control, strings: LiveStrings['controls']): string {
  return fill(strings[control.kind], { pod: control.pod ?? '' });
}

/** Whether a control's name is an API field (shown as code). */
const isField = (c: Control): boolean =>
  c.kind !== 'entryNode' &&
  c.kind !== 'client' &&
  c.kind !== 'datapath' &&
  c.kind !== 'sessionAffinityTimeout' &&
  c.kind !== 'endpointReadiness';

export default function ScenarioControls({ controls, strings }: Props) {
  const defaults = Object.fromEntries(controls.map((c) => [c.id, c.default]));
  const scenario = useClientStore($scenario, defaults);
  if (controls.length === 0) return null;
  return (
    <fieldset class="live-controls" data-testid="scenario-controls">
      <legend>{strings.legend}</legend>
      <div class="live-controls__groups">
        {controls.map((control) => (
          <fieldset class="live-choice" key={control.id} data-control={control.id}>
            <legend>
              {isField(control) ? <code>{controlLabel(control, strings)}</code> : controlLabel(control, strings)}
            </legend>
            {control.values.map((value) => (
              <label key={value} class="live-choice__option">
                <input
                  type="radio"
                  name={`live-${control.id}`}
                  value={value}
                  checked={(scenario[control.id] ?? control.default) === value}
                  onChange={() => chooseSetting(control.id, value)}
                />
                <span>{valueLabel(control, value, strings)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <p class="live-controls__note">{strings.note}</p>
    </fieldset>
  );
}
