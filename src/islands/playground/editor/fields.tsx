/** Labelled form fields of the cluster editor: the label wrapper, a number input, and a typed select. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** A label over one control, tied to it by `id`. */
export function Field({ label, children, id }: { label: string; children: ComponentChildren; id: string }) {
  return (
    <div class="pg-field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

/**
 * A labelled number input, committed on change (not on every keystroke). What the reader has
 * typed is kept as a draft until then: a re-render in between (a run finishing) would otherwise
 * put the store's value back into the box and lose the typing.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  onCommit,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (n: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft ?? value}
        data-testid={id}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => {
          setDraft(null);
          onCommit(Number(e.currentTarget.value));
        }}
        onBlur={() => setDraft(null)}
      />
    </Field>
  );
}

interface SelectProps<T extends string | number> {
  /** The choices in display order; a change yields one of these, never the DOM's string. */
  readonly options: readonly T[];
  readonly value: T;
  /** The text an option shows. */
  readonly text: (option: T) => string;
  readonly onSelect: (option: T) => void;
  /** Options shown but not selectable. */
  readonly isDisabled?: ((option: T) => boolean) | undefined;
  readonly id?: string | undefined;
  readonly ariaLabel?: string | undefined;
  readonly describedBy?: string | undefined;
  readonly testId: string;
}

/** A select over typed options (a string union or node/pod indices). */
export function Select<T extends string | number>({
  options,
  value,
  text,
  onSelect,
  isDisabled,
  id,
  ariaLabel,
  describedBy,
  testId,
}: SelectProps<T>) {
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(ev) => {
        // Each option's value is String(option), so the match is the typed choice: no cast.
        const chosen = options.find((o) => String(o) === ev.currentTarget.value);
        if (chosen !== undefined) onSelect(chosen);
      }}
      data-testid={testId}
      aria-describedby={describedBy}
    >
      {options.map((o) => (
        <option key={o} value={o} disabled={isDisabled?.(o)}>
          {text(o)}
        </option>
      ))}
    </select>
  );
}

/** A labelled Select whose id and test id are both `id`, as every editor field's are. */
export function SelectField<T extends string | number>({
  id,
  label,
  ...select
}: Omit<SelectProps<T>, 'id' | 'testId' | 'ariaLabel'> & { readonly id: string; readonly label: string }) {
  return (
    <Field id={id} label={label}>
      <Select id={id} testId={id} {...select} />
    </Field>
  );
}
