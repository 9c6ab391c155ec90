/** The editor's connection: who the client is, which address it targets, and the node its packets enter. */
import { joinHostPort } from '../../../engine/rules';
import type { PlaygroundStrings } from '../../../i18n/playground/index';
import { addressesOf } from '../../../playground/addressing';
import {
  CLIENT_KINDS,
  IP_FAMILIES,
  nodeNameOf,
  podNameOf,
  targetsOf,
  type ClientKind,
  type PlaygroundScenario,
} from '../../../playground/scenario';
import { edit } from '../../../stores/playground';
import { fill } from '../../fill';
import { SelectField } from './fields';

/** The client (and which pod or node), the target, the entry node and the IP family. */
export function ConnectionFieldset({
  scenario: s,
  strings,
}: {
  scenario: PlaygroundScenario;
  strings: PlaygroundStrings;
}) {
  const e = strings.editor;
  const nodes = Array.from({ length: s.nodes }, (_, i) => i);
  const at = addressesOf(s);
  const clientLabel: Record<ClientKind, string> = {
    external: fill(e.clientExternal, { ip: at.client }),
    pod: e.clientPod,
    node: e.clientNode,
  };
  const targetLabel = {
    clusterIP: fill(e.targetClusterIP, { address: joinHostPort(at.clusterIP, s.service.port) }),
    nodePort: e.targetNodePort,
    loadBalancer: fill(e.targetLoadBalancer, { address: joinHostPort(at.lb, s.service.port) }),
  };
  const familyLabel = { IPv4: e.familyIPv4, IPv6: e.familyIPv6 };
  return (
    <fieldset class="pg-group">
      <legend>{e.connection}</legend>
      <div class="pg-grid">
        <SelectField
          id="pg-client"
          label={e.client}
          options={CLIENT_KINDS}
          value={s.client.kind}
          text={(k) => clientLabel[k]}
          isDisabled={(k) => k === 'pod' && s.pods.length === 0}
          onSelect={(kind) => edit.setClient({ kind, index: 0 })}
        />
        {s.client.kind !== 'external' && (
          <SelectField
            id="pg-client-which"
            label={e.clientWhich}
            options={s.client.kind === 'pod' ? s.pods.map((_, i) => i) : nodes}
            value={s.client.index}
            text={s.client.kind === 'pod' ? podNameOf : nodeNameOf}
            onSelect={(index) => edit.setClient({ kind: s.client.kind, index })}
          />
        )}
        <SelectField
          id="pg-target"
          label={e.target}
          options={targetsOf(s.service.type)}
          value={s.target}
          text={(t) => targetLabel[t]}
          onSelect={edit.setTarget}
        />
        <SelectField
          id="pg-entry"
          label={e.entry}
          options={nodes}
          value={s.entry}
          text={nodeNameOf}
          onSelect={edit.setEntry}
          describedBy="pg-entry-help"
        />
        <SelectField
          id="pg-family"
          label={e.family}
          options={IP_FAMILIES}
          value={s.family}
          text={(f) => familyLabel[f]}
          onSelect={edit.setFamily}
          describedBy="pg-family-help"
        />
      </div>
      <p class="pg-hint" id="pg-entry-help">
        {e.entryHelp}
      </p>
      <p class="pg-hint" id="pg-family-help">
        {e.familyHelp}
      </p>
    </fieldset>
  );
}
