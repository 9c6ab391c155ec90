/** The editor's datapath: which one, its own options (IPVS scheduler, Cilium balancing and NodePort mode), and the seed. */
import type { PlaygroundStrings } from '../../../i18n/playground/index';
import {
  CILIUM_LBS,
  CILIUM_NODEPORT_MODES,
  DATAPATHS,
  IPV6_DATAPATHS,
  IPVS_SCHEDULER_NAMES,
  type PlaygroundScenario,
} from '../../../playground/scenario';
import { edit } from '../../../stores/playground';
import { NumberField, SelectField } from './fields';

/** The datapath radios, the chosen one's options, the seed, and the chosen one's notes. */
export function DatapathFieldset({
  scenario: s,
  strings,
}: {
  scenario: PlaygroundScenario;
  strings: PlaygroundStrings;
}) {
  const e = strings.editor;
  const d = s.datapath;
  return (
    <fieldset class="pg-group">
      <legend>{e.datapath}</legend>
      <div class="pg-choices" role="radiogroup" aria-label={e.datapath}>
        {DATAPATHS.map((mode) => (
          <label key={mode} class="pg-choice">
            <input
              type="radio"
              name="pg-datapath"
              value={mode}
              checked={d.mode === mode}
              onChange={() => edit.setDatapath({ mode })}
              data-testid={`pg-datapath-${mode}`}
            />
            <span>{strings.datapaths[mode]}</span>
          </label>
        ))}
      </div>
      <div class="pg-grid">
        {d.mode === 'ipvs' && (
          <SelectField
            id="pg-scheduler"
            label={e.scheduler}
            options={IPVS_SCHEDULER_NAMES}
            value={d.ipvsScheduler}
            text={(n) => n}
            onSelect={(ipvsScheduler) => edit.setDatapath({ ipvsScheduler })}
          />
        )}
        {d.mode === 'cilium' && (
          <>
            <SelectField
              id="pg-cilium-lb"
              label={e.ciliumLb}
              options={CILIUM_LBS}
              value={d.ciliumLb}
              text={(n) => (n === 'maglev' ? 'Maglev' : e.ciliumRandom)}
              onSelect={(ciliumLb) => edit.setDatapath({ ciliumLb })}
            />
            <SelectField
              id="pg-cilium-mode"
              label={e.ciliumMode}
              options={CILIUM_NODEPORT_MODES}
              value={d.ciliumNodePort}
              text={(n) => n.toUpperCase()}
              onSelect={(ciliumNodePort) => edit.setDatapath({ ciliumNodePort })}
            />
          </>
        )}
        <NumberField id="pg-seed" label={e.seed} value={s.seed} min={0} max={4294967295} onCommit={edit.setSeed} />
      </div>
      {d.mode === 'ipvs' && (
        <p class="pg-hint" data-testid="pg-ipvs-deprecated">
          {e.ipvsDeprecated}
        </p>
      )}
      {d.mode === 'cilium' && <p class="pg-hint">{e.ciliumNote}</p>}
      {s.family === 'IPv6' && !IPV6_DATAPATHS.includes(d.mode) && (
        <p class="pg-hint" role="note" data-testid="pg-ipv4-only">
          {e.ipv4OnlyDatapath}
        </p>
      )}
    </fieldset>
  );
}
