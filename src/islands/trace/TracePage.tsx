/**
 * The trace page's island: the rules, the packet, the trace button (with progress and cancel)
 * and the results. State lives in nanostores (src/stores/trace*.ts); the work runs in a Web
 * Worker. Strings come as props, resolved on the server.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { TraceStrings } from '../../i18n/trace/index';
import { $dumpText, $packet } from '../../stores/traceInput';
import { $dumpInfo } from '../../stores/traceInspect';
import { restoreMemory, watchMemory } from '../../stores/traceMemory';
import { $traceResult, $traceState, cancelTrace, startTrace } from '../../stores/traceRun';
import { validateTrace, type FieldError, type TraceField } from '../../stores/traceValidate';
import { InputPanel } from './InputPanel';
import { PacketPanel } from './PacketPanel';
import { Progress } from './Progress';
import { Results } from './Results';

interface Props {
  readonly strings: TraceStrings;
  readonly locale: string;
  /** The bounce cluster's node 2 rules (iptables and nftables modes), generated at build time. */
  readonly examples: { readonly iptables: string; readonly nft: string };
}

export default function TracePage({ strings, locale, examples }: Props) {
  const text = useStore($dumpText);
  const packet = useStore($packet);
  const state = useStore($traceState);
  const result = useStore($traceResult);
  const [errors, setErrors] = useState<Partial<Record<TraceField, FieldError>>>({});
  const [tried, setTried] = useState(false);
  const [seed, setSeed] = useState(1);

  useEffect(() => {
    restoreMemory();
    return watchMemory();
  }, []);

  // Once the reader has tried to trace, messages follow their edits.
  const fields = { text, ...packet };
  useEffect(() => {
    if (tried) setErrors(validateTrace(fields, seed).errors);
  }, [text, packet, tried]);

  const trace = (nextSeed: number) => {
    setTried(true);
    const { errors: found, request } = validateTrace(fields, nextSeed);
    setErrors(found);
    if (!request) {
      const first = (['text', 'src', 'dst', 'port', 'local'] as const).find((f) => found[f]);
      if (first) document.getElementById(`trace-${first}`)?.focus();
      return;
    }
    setSeed(nextSeed);
    const inspected = $dumpInfo.get();
    startTrace(request, inspected && inspected.text === request.text ? inspected.info.lines : undefined);
  };

  const running = state.kind === 'running';
  const last = result?.request;
  // The results no longer answer the fields when any part of the request would differ.
  const now = last ? validateTrace(fields, last.seed).request : null;
  const stale =
    !!last &&
    (!now ||
      now.text !== last.text ||
      now.runCount !== last.runCount ||
      now.localIPs.join() !== last.localIPs.join() ||
      (['src', 'dst', 'port', 'protocol'] as const).some((k) => now.packet[k] !== last.packet[k]));
  // null when exact mode was refused or stopped: the status must not claim "0 outcomes".
  const outcomes =
    result?.report.kind === 'traced' && result.report.exact?.kind === 'ok'
      ? result.report.exact.outcomes.length
      : result?.report.kind === 'traced'
        ? null
        : 0;
  const invalid = Object.keys(errors).length > 0;

  return (
    <div class="trace" data-testid="trace-page">
      <form
        class="trace-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          trace(seed);
        }}
      >
        <InputPanel
          strings={strings.input}
          errors={strings.errors}
          locale={locale}
          examples={examples}
          error={errors.text ?? null}
          dumpStrings={strings.dump}
        />
        <PacketPanel strings={strings.packet} errors={strings.errors} locale={locale} fieldErrors={errors} />
        <div class="trace-actions">
          <button
            type="submit"
            class="trace-button trace-button--primary"
            disabled={running}
            data-testid="trace-submit"
          >
            {strings.packet.trace}
          </button>
          {running && (
            <button type="button" class="trace-button" onClick={cancelTrace} data-testid="trace-cancel">
              {strings.packet.cancel}
            </button>
          )}
          {invalid && (
            <p class="trace-error" data-testid="trace-invalid">
              {strings.packet.invalid}
            </p>
          )}
        </div>
        <Progress state={state} outcomes={outcomes} strings={strings.progress} locale={locale} />
      </form>
      <section class="trace-panel" aria-labelledby="trace-results-heading">
        <h2 id="trace-results-heading">{strings.results.heading}</h2>
        {!result && <p data-testid="trace-none">{strings.results.none}</p>}
        {result && (
          <Results
            result={result}
            strings={strings}
            locale={locale}
            stale={stale}
            onAnother={running ? null : () => trace(seed + 1)}
          />
        )}
      </section>
    </div>
  );
}
