/** The cluster editor: nodes, pods (move, state, remove), the Service, the connection, the datapath and the seed. */
import type { ComponentChildren } from 'preact';
import type { PlaygroundStrings } from '../../i18n/playground/index.ts';
import { CLUSTER_IP, LB_IP } from '../../playground/addressing.ts';
import {
  CILIUM_LBS,
  CILIUM_NODEPORT_MODES,
  DATAPATHS,
  DEFAULT_SCENARIO,
  IPVS_SCHEDULER_NAMES,
  MAX_NODES,
  MAX_PODS,
  nodeNameOf,
  podNameOf,
  POD_STATES,
  SERVICE_TYPES,
  targetsOf,
  type ClientKind,
  type PlaygroundScenario,
  type PodState,
} from '../../playground/scenario.ts';
import { edit, replaceScenario } from '../../stores/playground.ts';
import { fill } from '../fill.ts';
import { Text } from '../Text.tsx';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly strings: PlaygroundStrings;
}

function Field({ label, children, id }: { label: string; children: ComponentChildren; id: string }) {
  return (
    <div class="pg-field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

function NumberField({ id, label, value, min, max, onCommit }: { id: string; label: string; value: number; min: number; max: number; onCommit: (n: number) => void }) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value}
        data-testid={id}
        onChange={(e) => onCommit(Number(e.currentTarget.value))}
      />
    </Field>
  );
}

export function Editor({ scenario: s, strings }: Props) {
  const e = strings.editor;
  const nodes = Array.from({ length: s.nodes }, (_, i) => i);
  const stateLabel: Record<PodState, string> = { ready: e.stateReady, notReady: e.stateNotReady, terminating: e.stateTerminating };
  const clientLabel: Record<ClientKind, string> = { external: e.clientExternal, pod: e.clientPod, node: e.clientNode };
  const targetLabel = {
    clusterIP: fill(e.targetClusterIP, { ip: CLUSTER_IP, port: s.service.port }),
    nodePort: e.targetNodePort,
    loadBalancer: fill(e.targetLoadBalancer, { ip: LB_IP, port: s.service.port }),
  };
  const nodeOptions = nodes.map((n) => (
    <option key={n} value={n}>
      {nodeNameOf(n)}
    </option>
  ));
  const d = s.datapath;
  return (
    <div class="pg-editor" data-testid="pg-editor">
      <fieldset class="pg-group">
        <legend>{e.nodes}</legend>
        <p class="pg-inline">
          <output data-testid="pg-node-count">{s.nodes}</output> / {MAX_NODES}
          <button type="button" class="live-button live-button--small" onClick={edit.addNode} data-testid="pg-add-node">
            {e.addNode}
          </button>
          <button type="button" class="live-button live-button--small" onClick={edit.removeNode} data-testid="pg-remove-node">
            {e.removeNode}
          </button>
        </p>
      </fieldset>

      <fieldset class="pg-group">
        <legend>
          <Text>{e.pods}</Text> ({s.pods.length} / {MAX_PODS})
        </legend>
        {s.pods.length === 0 ? <p data-testid="pg-no-pods">{e.noPods}</p> : null}
        <ul class="pg-pods" data-testid="pg-pods">
          {s.pods.map((pod, i) => {
            const name = podNameOf(i);
            return (
              <li key={i} class={`pg-pod pg-pod--${pod.state}`} data-testid={`pg-pod-${name}`} data-node={nodeNameOf(pod.node)} data-state={pod.state}>
                <strong>{name}</strong>
                <button type="button" class="live-button live-button--small" aria-label={fill(e.moveLeft, { pod: name })} disabled={pod.node === 0} onClick={() => edit.movePod(i, pod.node - 1)} data-testid={`pg-move-left-${name}`}>
                  ←
                </button>
                <select aria-label={fill(e.podNode, { pod: name })} value={pod.node} onChange={(ev) => edit.movePod(i, Number(ev.currentTarget.value))} data-testid={`pg-pod-node-${name}`}>
                  {nodeOptions}
                </select>
                <button type="button" class="live-button live-button--small" aria-label={fill(e.moveRight, { pod: name })} disabled={pod.node === s.nodes - 1} onClick={() => edit.movePod(i, pod.node + 1)} data-testid={`pg-move-right-${name}`}>
                  →
                </button>
                <select aria-label={fill(e.podState, { pod: name })} value={pod.state} onChange={(ev) => edit.setPodState(i, ev.currentTarget.value as PodState)} data-testid={`pg-pod-state-${name}`}>
                  {POD_STATES.map((st) => (
                    <option key={st} value={st}>
                      {stateLabel[st]}
                    </option>
                  ))}
                </select>
                <button type="button" class="live-button live-button--small" aria-label={fill(e.removePod, { pod: name })} onClick={() => edit.removePod(i)} data-testid={`pg-remove-${name}`}>
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
          <select id="pg-add-pod-node" name="node" data-testid="pg-add-pod-node">
            {nodeOptions}
          </select>
          <button type="submit" class="live-button live-button--small" data-testid="pg-add-pod">
            +
          </button>
        </form>
        <p class="pg-hint">{e.dragHint}</p>
      </fieldset>

      <fieldset class="pg-group">
        <legend>{e.service}</legend>
        <div class="pg-grid">
          <Field id="pg-type" label={e.type}>
            <select id="pg-type" value={s.service.type} onChange={(ev) => edit.setService({ type: ev.currentTarget.value as PlaygroundScenario['service']['type'] })} data-testid="pg-type">
              {SERVICE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          <NumberField id="pg-port" label={e.port} value={s.service.port} min={1} max={65535} onCommit={(port) => edit.setService({ port })} />
          <NumberField id="pg-target-port" label={e.targetPort} value={s.service.targetPort} min={1} max={65535} onCommit={(targetPort) => edit.setService({ targetPort })} />
          {s.service.type !== 'ClusterIP' && (
            <NumberField id="pg-node-port" label={e.nodePort} value={s.service.nodePort} min={30000} max={32767} onCommit={(nodePort) => edit.setService({ nodePort })} />
          )}
          <Field id="pg-etp" label={e.etp}>
            <select id="pg-etp" value={s.service.externalTrafficPolicy} onChange={(ev) => edit.setService({ externalTrafficPolicy: ev.currentTarget.value as 'Cluster' | 'Local' })} data-testid="pg-etp">
              <option value="Cluster">Cluster</option>
              <option value="Local">Local</option>
            </select>
          </Field>
          <Field id="pg-itp" label={e.itp}>
            <select id="pg-itp" value={s.service.internalTrafficPolicy} onChange={(ev) => edit.setService({ internalTrafficPolicy: ev.currentTarget.value as 'Cluster' | 'Local' })} data-testid="pg-itp">
              <option value="Cluster">Cluster</option>
              <option value="Local">Local</option>
            </select>
          </Field>
          <Field id="pg-affinity" label={e.affinity}>
            <select id="pg-affinity" value={s.service.sessionAffinity} onChange={(ev) => edit.setService({ sessionAffinity: ev.currentTarget.value as 'None' | 'ClientIP' })} data-testid="pg-affinity">
              <option value="None">None</option>
              <option value="ClientIP">ClientIP</option>
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset class="pg-group">
        <legend>{e.connection}</legend>
        <div class="pg-grid">
          <Field id="pg-client" label={e.client}>
            <select id="pg-client" value={s.client.kind} onChange={(ev) => edit.setClient({ kind: ev.currentTarget.value as ClientKind, index: 0 })} data-testid="pg-client">
              {(['external', 'pod', 'node'] as const).map((k) => (
                <option key={k} value={k} disabled={k === 'pod' && s.pods.length === 0}>
                  {clientLabel[k]}
                </option>
              ))}
            </select>
          </Field>
          {s.client.kind !== 'external' && (
            <Field id="pg-client-which" label={e.clientWhich}>
              <select id="pg-client-which" value={s.client.index} onChange={(ev) => edit.setClient({ kind: s.client.kind, index: Number(ev.currentTarget.value) })} data-testid="pg-client-which">
                {s.client.kind === 'pod'
                  ? s.pods.map((_, i) => (
                      <option key={i} value={i}>
                        {podNameOf(i)}
                      </option>
                    ))
                  : nodeOptions}
              </select>
            </Field>
          )}
          <Field id="pg-target" label={e.target}>
            <select id="pg-target" value={s.target} onChange={(ev) => edit.setTarget(ev.currentTarget.value as PlaygroundScenario['target'])} data-testid="pg-target">
              {targetsOf(s.service.type).map((t) => (
                <option key={t} value={t}>
                  {targetLabel[t]}
                </option>
              ))}
            </select>
          </Field>
          <Field id="pg-entry" label={e.entry}>
            <select id="pg-entry" value={s.entry} onChange={(ev) => edit.setEntry(Number(ev.currentTarget.value))} data-testid="pg-entry" aria-describedby="pg-entry-help">
              {nodeOptions}
            </select>
          </Field>
        </div>
        <p class="pg-hint" id="pg-entry-help">
          {e.entryHelp}
        </p>
      </fieldset>

      <fieldset class="pg-group">
        <legend>{e.datapath}</legend>
        <div class="pg-choices" role="radiogroup" aria-label={e.datapath}>
          {DATAPATHS.map((mode) => (
            <label key={mode} class="pg-choice">
              <input type="radio" name="pg-datapath" value={mode} checked={d.mode === mode} onChange={() => edit.setDatapath({ mode })} data-testid={`pg-datapath-${mode}`} />
              <span>{strings.datapaths[mode]}</span>
            </label>
          ))}
        </div>
        <div class="pg-grid">
          {d.mode === 'ipvs' && (
            <Field id="pg-scheduler" label={e.scheduler}>
              <select id="pg-scheduler" value={d.ipvsScheduler} onChange={(ev) => edit.setDatapath({ ipvsScheduler: ev.currentTarget.value as PlaygroundScenario['datapath']['ipvsScheduler'] })} data-testid="pg-scheduler">
                {IPVS_SCHEDULER_NAMES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {d.mode === 'cilium' && (
            <>
              <Field id="pg-cilium-lb" label={e.ciliumLb}>
                <select id="pg-cilium-lb" value={d.ciliumLb} onChange={(ev) => edit.setDatapath({ ciliumLb: ev.currentTarget.value as PlaygroundScenario['datapath']['ciliumLb'] })} data-testid="pg-cilium-lb">
                  {CILIUM_LBS.map((n) => (
                    <option key={n} value={n}>
                      {n === 'maglev' ? 'Maglev' : e.ciliumRandom}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="pg-cilium-mode" label={e.ciliumMode}>
                <select id="pg-cilium-mode" value={d.ciliumNodePort} onChange={(ev) => edit.setDatapath({ ciliumNodePort: ev.currentTarget.value as PlaygroundScenario['datapath']['ciliumNodePort'] })} data-testid="pg-cilium-mode">
                  {CILIUM_NODEPORT_MODES.map((n) => (
                    <option key={n} value={n}>
                      {n.toUpperCase()}
                    </option>
                  ))}
                </select>
              </Field>
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
      </fieldset>
      <p>
        <button type="button" class="live-button live-button--small" onClick={() => replaceScenario(DEFAULT_SCENARIO)} data-testid="pg-reset">
          {e.reset}
        </button>
      </p>
    </div>
  );
}
