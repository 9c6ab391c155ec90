/**
 * The packet: source, destination address and port, protocol, the node's LOCAL addresses
 * (with "guess from the rules") and the size of the sampled run. Each field shows its own
 * message when it is wrong, tied to it with aria-describedby.
 */
import type { ComponentChildren } from 'preact';
import { useStore } from '@nanostores/preact';
import type { TraceStrings } from '../../i18n/trace/index';
import {
  $dumpText,
  $guessNote,
  $packet,
  guessAgain,
  sentFromNode,
  setPacketField,
  setSentFromNode,
} from '../../stores/traceInput';
import { $dumpInfo } from '../../stores/traceInspect';
import { RUN_COUNTS, type FieldError, type TraceField } from '../../stores/traceValidate';
import type { TraceProtocol } from '../../workers/trace/protocol';
import { Code } from './Code';
import { fill } from '../fill';
import { count } from '../numbers';

interface Props {
  readonly strings: TraceStrings['packet'];
  readonly errors: TraceStrings['errors'];
  readonly locale: string;
  readonly fieldErrors: Partial<Record<TraceField, FieldError>>;
}

interface FieldProps {
  readonly id: TraceField;
  readonly label: string;
  readonly value: string;
  readonly help?: string;
  readonly error: FieldError | undefined;
  readonly errors: TraceStrings['errors'];
  readonly onInput: (value: string) => void;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly wide?: boolean;
  readonly disabled?: boolean;
  readonly children?: ComponentChildren;
}

function Field({ id, label, value, help, error, errors, onInput, inputMode, wide, disabled, children }: FieldProps) {
  const describedBy = [help ? `trace-${id}-help` : '', error ? `trace-${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`trace-field${wide ? ' trace-field--wide' : ''}`}>
      <label for={`trace-${id}`}>{label}</label>
      <input
        id={`trace-${id}`}
        type="text"
        value={value}
        spellcheck={false}
        autocomplete="off"
        inputMode={inputMode ?? 'decimal'}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={`trace-${id}`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {help && (
        <p id={`trace-${id}-help`} class="trace-help">
          <Code text={help} />
        </p>
      )}
      {error && (
        <p id={`trace-${id}-error`} class="trace-error" data-testid={`trace-${id}-error`}>
          {fill(errors[error.code], error.values)}
        </p>
      )}
      {children}
    </div>
  );
}

export function PacketPanel({ strings, errors, locale, fieldErrors }: Props) {
  const packet = useStore($packet);
  const guess = useStore($guessNote);
  const inspected = useStore($dumpInfo);
  const text = useStore($dumpText);
  return (
    <fieldset class="trace-panel trace-packet">
      <legend>
        <h2>{strings.heading}</h2>
      </legend>
      <div class="trace-fields">
        {/* Said explicitly as well as implied by the address: ticking it fills in the node's own. */}
        <div class="trace-field trace-field--wide">
          <label class="trace-check">
            <input
              type="checkbox"
              checked={sentFromNode(packet)}
              aria-describedby="trace-from-node-help"
              data-testid="trace-from-node"
              onChange={(e) => setSentFromNode(e.currentTarget.checked)}
            />
            {strings.fromNode}
          </label>
          <p id="trace-from-node-help" class="trace-help">
            <Code text={strings.fromNodeHelp} />
          </p>
        </div>
        <Field
          id="src"
          label={strings.src}
          help={strings.srcHelp}
          value={packet.src}
          error={fieldErrors.src}
          errors={errors}
          onInput={(v) => setPacketField('src', v)}
        />
        <Field
          id="dst"
          label={strings.dst}
          value={packet.dst}
          error={fieldErrors.dst}
          errors={errors}
          onInput={(v) => setPacketField('dst', v)}
        />
        <Field
          id="port"
          label={strings.port}
          value={packet.port}
          disabled={packet.protocol === 'icmp' && packet.port === ''}
          error={fieldErrors.port}
          errors={errors}
          inputMode="numeric"
          onInput={(v) => setPacketField('port', v)}
        />
        <div class="trace-field">
          <label for="trace-protocol">{strings.protocol}</label>
          <select
            id="trace-protocol"
            value={packet.protocol}
            data-testid="trace-protocol"
            onChange={(e) => {
              const protocol = e.currentTarget.value as TraceProtocol;
              // A ping has no port: clear it rather than leave a value the trace would ignore.
              if (protocol === 'icmp') setPacketField('port', '');
              setPacketField('protocol', protocol);
            }}
          >
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="sctp">SCTP</option>
            <option value="icmp">{strings.icmp}</option>
          </select>
        </div>
        <Field
          id="local"
          label={strings.local}
          help={strings.localHelp}
          value={packet.local}
          error={fieldErrors.local}
          errors={errors}
          inputMode="text"
          wide
          onInput={(v) => setPacketField('local', v)}
        >
          <div class="trace-guess">
            <button
              type="button"
              class="trace-button trace-button--small"
              disabled={!/\S/.test(text) || inspected?.text !== text}
              onClick={guessAgain}
              data-testid="trace-guess"
            >
              {strings.guess}
            </button>
            <span role="status" class="trace-help" data-testid="trace-guess-note">
              {guess
                ? guess.found.length > 0
                  ? fill(strings.guessed, { ips: guess.found.join(', ') })
                  : strings.guessedNone
                : ''}
            </span>
          </div>
        </Field>
        <div class="trace-field">
          <label for="trace-runcount">{strings.runCount}</label>
          <select
            id="trace-runcount"
            value={String(packet.runCount)}
            data-testid="trace-runcount"
            onChange={(e) => setPacketField('runCount', Number(e.currentTarget.value))}
          >
            {RUN_COUNTS.map((n) => (
              <option key={n} value={String(n)}>
                {fill(strings.runOption, { n: count(locale, n) })}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
