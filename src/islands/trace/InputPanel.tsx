/**
 * The rules box: a text area (paste or type), a file picker and drop target, "load example",
 * "clear", the detected format with its line count, and the "remember" toggle.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import type { TraceStrings } from '../../i18n/trace/index.ts';
import { $dumpText, clearDump, loadExample, setDumpText } from '../../stores/traceInput.ts';
import { $remember, $rememberFailed, setRemember } from '../../stores/traceMemory.ts';
import { MAX_TEXT_MB, type FieldError } from '../../stores/traceValidate.ts';
import { detectFormat } from '../../workers/trace/formats.ts';
import { Code } from './Code.tsx';
import { count, fill } from './format.ts';

interface Props {
  readonly strings: TraceStrings['input'];
  readonly errors: TraceStrings['errors'];
  readonly locale: string;
  /** The bounce cluster's node 2 rules, in kube-proxy's iptables and nftables modes. */
  readonly examples: { readonly iptables: string; readonly nft: string };
  readonly error: FieldError | null;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

export function InputPanel({ strings, errors, locale, examples, error }: Props) {
  const text = useStore($dumpText);
  const remember = useStore($remember);
  const rememberFailed = useStore($rememberFailed);
  const area = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [dragging, setDragging] = useState(false);
  const format = useMemo(() => detectFormat(text), [text]);
  const lines = useMemo(() => lineCount(text), [text]);

  // The text area is not controlled (a 10 MB value re-read on every render would crawl):
  // it is written only when the dump changes from elsewhere (example, file, restore, clear).
  useEffect(() => {
    if (area.current && area.current.value !== text) area.current.value = text;
  }, [text]);

  const readFile = async (file: File) => {
    if (file.size > MAX_TEXT_MB * 1024 * 1024) {
      setNote(fill(strings.fileTooBig, { name: file.name, max: MAX_TEXT_MB }));
      return;
    }
    try {
      setDumpText(await file.text(), true);
      setNote(fill(strings.fileRead, { name: file.name }));
    } catch {
      setNote(fill(strings.fileFailed, { name: file.name }));
    }
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
            : '';
  const describedBy = ['trace-text-help', 'trace-text-format', error ? 'trace-text-error' : ''].filter(Boolean).join(' ');

  return (
    <section class="trace-panel" aria-labelledby="trace-input-heading">
      <h2 id="trace-input-heading">{strings.heading}</h2>
      <div class="trace-toolbar">
        <button
          type="button"
          class="trace-button"
          onClick={() => (loadExample(examples.iptables), setNote(strings.exampleNote))}
          data-testid="trace-example"
        >
          {strings.example}
        </button>
        <button
          type="button"
          class="trace-button"
          onClick={() => (loadExample(examples.nft), setNote(strings.exampleNftNote))}
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
          onInput={(e) =>
            setDumpText(
              e.currentTarget.value,
              (e as InputEvent).inputType === 'insertFromPaste' || (e as InputEvent).inputType === 'insertFromDrop',
            )
          }
        />
        {dragging && (
          <p class="trace-drop__hint" aria-hidden="true">
            {strings.dropHere}
          </p>
        )}
      </div>
      {error && (
        <p id="trace-text-error" class="trace-error" data-testid="trace-text-error">
          {fill(errors[error.code], error.values)}
        </p>
      )}
      <p id="trace-text-format" class={`trace-format trace-format--${format}`} data-testid="trace-format" data-format={format}>
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
