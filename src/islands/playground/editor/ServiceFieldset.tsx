/** The editor's Service: type, ports, traffic policies and session affinity. */
import type { PlaygroundStrings } from '../../../i18n/playground/index';
import { SERVICE_TYPES, type PlaygroundScenario, type PlaygroundService } from '../../../playground/scenario';
import { edit } from '../../../stores/playground';
import { NumberField, SelectField } from './fields';

const POLICIES: readonly PlaygroundService['externalTrafficPolicy'][] = ['Cluster', 'Local'];
const AFFINITIES: readonly PlaygroundService['sessionAffinity'][] = ['None', 'ClientIP'];
/** Kubernetes' own spellings are the options' text too. */
const asIs = (v: string): string => v;

/** The Service's fields (the node port only for types that have one). */
export function ServiceFieldset({
  scenario: s,
  strings,
}: {
  scenario: PlaygroundScenario;
  strings: PlaygroundStrings;
}) {
  const e = strings.editor;
  return (
    <fieldset class="pg-group">
      <legend>{e.service}</legend>
      <div class="pg-grid">
        <SelectField
          id="pg-type"
          label={e.type}
          options={SERVICE_TYPES}
          value={s.service.type}
          text={asIs}
          onSelect={(type) => edit.setService({ type })}
        />
        <NumberField
          id="pg-port"
          label={e.port}
          value={s.service.port}
          min={1}
          max={65535}
          onCommit={(port) => edit.setService({ port })}
        />
        <NumberField
          id="pg-target-port"
          label={e.targetPort}
          value={s.service.targetPort}
          min={1}
          max={65535}
          onCommit={(targetPort) => edit.setService({ targetPort })}
        />
        {s.service.type !== 'ClusterIP' && (
          <NumberField
            id="pg-node-port"
            label={e.nodePort}
            value={s.service.nodePort}
            min={30000}
            max={32767}
            onCommit={(nodePort) => edit.setService({ nodePort })}
          />
        )}
        <SelectField
          id="pg-etp"
          label={e.etp}
          options={POLICIES}
          value={s.service.externalTrafficPolicy}
          text={asIs}
          onSelect={(externalTrafficPolicy) => edit.setService({ externalTrafficPolicy })}
        />
        <SelectField
          id="pg-itp"
          label={e.itp}
          options={POLICIES}
          value={s.service.internalTrafficPolicy}
          text={asIs}
          onSelect={(internalTrafficPolicy) => edit.setService({ internalTrafficPolicy })}
        />
        <SelectField
          id="pg-affinity"
          label={e.affinity}
          options={AFFINITIES}
          value={s.service.sessionAffinity}
          text={asIs}
          onSelect={(sessionAffinity) => edit.setService({ sessionAffinity })}
        />
      </div>
    </fieldset>
  );
}
