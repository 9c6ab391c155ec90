/**
 * The rules box: a text area (paste or type), a file picker and drop target, "load example",
 * "clear", the detected format with its line count, and the "remember" toggle.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { TraceStrings } from '../../i18n/trace/index';
import {
  $dumpDetached,
  $dumpText,
  clearDump,
  loadExample,
  setDumpText,
  type TraceExample,
} from '../../stores/traceInput';
import { $dumpInfo } from '../../stores/traceInspect';
import { $remember, $rememberFailed, setRemember } from '../../stores/traceMemory';
import type { FieldError } from '../../stores/traceValidate';
import { escapeText } from '../../text/inert';
import { formatSize, MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../../text/limits';
import { readText } from '../../stores/readText';
import { Code } from './Code';
import { DumpView } from './DumpView';
import { fill } from '../fill';
import { count } from '../numbers';

interface Props {
  readonly strings: TraceStrings['input'];
  readonly errors: TraceStrings['errors'];
  readonly locale: string;
  /** A node's rules in kube-proxy's iptables and nftables modes, and the packet that goes with them. */
  readonly examples: TraceExample;
  readonly error: FieldError | null;
  /** Strings of the windowed rules view (shown for detached rules). */
  readonly dumpStrings: TraceStrings['dump'];
}

/**
 * Pasted or loaded text longer than this (in characters) is kept outside the text area: a
 * text area holding megabytes makes every keystroke, layout and paste slow.
 */
export const DETACH_CHARS = 256 * 1024;
/** Largest detached text the reader may move into the text area to edit. */
const EDITABLE_CHARS = 2 * 1024 * 1024;

const NO_MARKS: ReadonlyMap<number, 'matched' | 'checked'> = new Map();
const NO_PROBLEMS: ReadonlySet<number> = new Set();

export function InputPanel({ strings, errors, locale, examples, error, dumpStrings }: Props) {
  const text = useStore($dumpText);
  const remember = useStore($remember);
  const rememberFailed = useStore($rememberFailed);
  const area = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [dragging, setDragging] = useState(false);
  const [showing, setShowing] = useState(false);
  const detached = useStore($dumpDetached);
  const inspected = useStore($dumpInfo);
  // Format and size come from the worker (inspectText): nothing here scans the text.
  const info = inspected && inspected.text === text ? inspected.info : null;
  const format = text === '' ? 'empty' : (info?.format ?? 'pending');
  const lines = info?.lines ?? 0;

  // The text area is not controlled (a 10 MB value re-read on every render would crawl):
  // it is written only when the dump changes from elsewhere (example, file, restore, clear),
  // and it stays empty while the rules are detached.
  useEffect(() => {
    const shown = detached ? '' : text;
    if (area.current && area.current.value !== shown) area.current.value = shown;
    if (!detached) setShowing(false);
  }, [text, detached]);

  // File names are the reader's, but still shown escaped (no bidi tricks in our notices).
  const name = (file: File) => escapeText(file.name, 200);
  const readFile = async (file: File) => {
    if (file.size > MAX_INPUT_BYTES) {
      setNote(fill(strings.fileTooBig, { name: name(file), max: MAX_INPUT_TEXT }));
      return;
    }
    try {
      const loaded = await readText(file);
      setDumpText(loaded, true, loaded.length > DETACH_CHARS, file);
      setNote(fill(strings.fileRead, { name: name(file) }));
    } catch {
      setNote(fill(strings.fileFailed, { name: name(file) }));
    }
  };
  const onPaste = (event: ClipboardEvent) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    if (pasted.length <= DETACH_CHARS) return;
    // A large paste replaces the rules without ever entering the text area.
    event.preventDefault();
    if (pasted.length > MAX_INPUT_BYTES) {
      setNote(fill(strings.pasteTooBig, { max: MAX_INPUT_TEXT }));
      return;
    }
    setDumpText(pasted, true, true);
    setNote(fill(strings.pasteLoaded, { size: formatSize(pasted.length) }));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  };
  const formatNote =
    format === 'nft'
      ? strings.formatNft
      : format === 'iptables-list'
        ? strings.formatList
        : format === 'unknown'
          ? strings.formatUnknown
          : format === 'iptables-save'
            ? strings.formatSave
            : format === 'pending'
              ? strings.reading
              : '';
  const describedBy = ['trace-text-help', 'trace-text-format', error ? 'trace-text-error' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <section class="trace-panel" aria-labelledby="trace-input-heading">
      <h2 id="trace-input-heading">{strings.heading}</h2>
      <div class="trace-toolbar">
        <button
          type="button"
          class="trace-button"
          onClick={() => (loadExample(examples.iptables, examples.packet), setNote(strings.exampleNote))}
          data-testid="trace-example"
        >
          {strings.example}
        </button>
        <button
          type="button"
          class="trace-button"
          onClick={() => (loadExample(examples.nft, examples.packet), setNote(strings.exampleNftNote))}
          data-testid="trace-example-nft"
        >
          {strings.exampleNft}
        </button>
        <label class="trace-button trace-file">
          <input
            type="file"
            class="trace-file__input"
            accept=".txt,.rules,.save,.log,text/plain"
            data-testid="trace-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
          {strings.file}
        </label>
        <button
          type="button"
          class="trace-button trace-button--quiet"
          onClick={() => (clearDump(), setNote(''))}
          disabled={text === ''}
        >
          {strings.clear}
        </button>
      </div>
      <div
        class={`trace-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label for="trace-text" class="trace-label">
          {strings.label}
        </label>
        <p id="trace-text-help" class="trace-help">
          <Code text={strings.help} />
        </p>
        <textarea
          id="trace-text"
          ref={area}
          class="trace-text"
          rows={14}
          spellcheck={false}
          autocomplete="off"
          wrap="off"
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          data-testid="trace-text"
          hidden={detached}
          onPaste={onPaste}
          onInput={(e) =>
            setDumpText(
              e.currentTarget.value,
              (e as InputEvent).inputType === 'insertFromPaste' || (e as InputEvent).inputType === 'insertFromDrop',
            )
          }
        />
        {detached && (
          <div class="trace-loaded" data-testid="trace-loaded">
            <p role="status">
              {info
                ? fill(strings.loaded, { lines: count(locale, info.lines), size: formatSize(info.bytes) })
                : strings.reading}
            </p>
            <div class="trace-toolbar">
              <button
                type="button"
                class="trace-button"
                onClick={() => setShowing(!showing)}
                aria-expanded={showing}
                data-testid="trace-loaded-show"
              >
                {showing ? strings.hide : strings.show}
              </button>
              <button
                type="button"
                class="trace-button trace-button--quiet"
                disabled={text.length > EDITABLE_CHARS}
                title={text.length > EDITABLE_CHARS ? strings.editTooBig : undefined}
                onClick={() => setDumpText(text, false, false)}
              >
                {strings.edit}
              </button>
            </div>
          </div>
        )}
        {dragging && (
          <p class="trace-drop__hint" aria-hidden="true">
            {strings.dropHere}
          </p>
        )}
      </div>
      {detached && showing && (
        <DumpView
          text={text}
          starts={info?.lineStarts ?? null}
          marks={NO_MARKS}
          problems={NO_PROBLEMS}
          strings={dumpStrings}
          locale={locale}
        />
      )}
      {error && (
        <p id="trace-text-error" class="trace-error" data-testid="trace-text-error">
          {fill(errors[error.code], error.values)}
        </p>
      )}
      <p
        id="trace-text-format"
        class={`trace-format trace-format--${format}`}
        data-testid="trace-format"
        data-format={format}
      >
        {lines > 0 && <span class="trace-format__lines">{fill(strings.lines, { lines: count(locale, lines) })}</span>}{' '}
        <Code text={formatNote} />
      </p>
      <p class="trace-note" role="status" data-testid="trace-input-note">
        <Code text={note} />
      </p>
      <div class="trace-remember">
        <label>
          <input
            type="checkbox"
            checked={remember}
            onChange={(e) => setRemember(e.currentTarget.checked)}
            aria-describedby="trace-remember-help"
            data-testid="trace-remember"
          />{' '}
          {strings.remember}
        </label>
        <p id="trace-remember-help" class="trace-help">
          {strings.rememberHelp}
        </p>
        {rememberFailed && (
          <p class="trace-error" role="status">
            {fill(strings.rememberFailed, { size: rememberFailed })}
          </p>
        )}
      </div>
    </section>
  );
}
