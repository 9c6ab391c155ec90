/**
 * Hints, one at a time. The server renders every hint in its own <details>, which is what a
 * reader without JavaScript gets. Once hydrated, hints are revealed in order with one button,
 * and the count is kept with the reader's progress; after the reader has answered, the
 * remaining hints open together. Inline `code` in a hint is shown as code. When the island
 * takes over while the reader's focus is inside it, focus moves to its button, never to
 * the page's <body>.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { emptyProgress } from '../../stores/progress/data';
import { $progress, progressOf, recordHints } from '../../stores/progress/progress';
import { fill } from '../fill';
import { Text } from '../Text';

/** The island's words; `{n}` and `{total}` are filled here. */
export interface HintStrings {
  /** "Hint {n}": the <details> summary. */
  readonly hint: string;
  /** "Hint {n} of {total}": a revealed hint's label. */
  readonly shown: string;
  /** "Show hint {n} of {total}". */
  readonly next: string;
  /** "Show the remaining hints" (after answering). */
  readonly all: string;
  readonly lead: string;
}

interface Props {
  readonly slug: string;
  readonly hints: readonly string[];
  readonly strings: HintStrings;
}

export default function StudyHints({ slug, hints, strings }: Props) {
  const [enhanced, setEnhanced] = useState(false);
  const progress = useStore($progress, { ssr: () => emptyProgress });
  const focusNext = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  const total = hints.length;

  useEffect(() => {
    // The server's <details> are replaced: keep a keyboard reader's place.
    hadFocus.current = root.current?.contains(document.activeElement) ?? false;
    setEnhanced(true);
  }, [slug]);

  useEffect(() => {
    if (enhanced && hadFocus.current) {
      hadFocus.current = false;
      const target = root.current?.querySelector<HTMLElement>('button, li[tabindex]');
      target?.focus();
    }
    // Move focus to the first hint just revealed, so keyboard and screen-reader users land on it.
    if (focusNext.current === null) return;
    const item = list.current?.children[focusNext.current];
    focusNext.current = null;
    if (item instanceof HTMLElement) item.focus();
  });

  if (!enhanced) {
    // Both shapes, so the swap at hydration moves nothing: with JavaScript the CSS shows the
    // placeholder, which has the enhanced first state's size (lead + button); without it,
    // only the disclosures show. Swapping three disclosures for a button used to shrink the
    // section and jump whatever the reader was looking at below it.
    return (
      <div class="hints__ssr" ref={root}>
        <div class="hints__all">
          {hints.map((hint, i) => (
            <details class="hint" key={i}>
              <summary>{fill(strings.hint, { n: i + 1, total })}</summary>
              <p>
                <Text>{hint}</Text>
              </p>
            </details>
          ))}
        </div>
        <div class="hints__steps hints__placeholder" aria-hidden="true">
          <p class="hints__lead">{strings.lead}</p>
          <button type="button" class="hints__next" disabled tabIndex={-1}>
            {fill(strings.next, { n: 1, total })}
          </button>
        </div>
      </div>
    );
  }

  const entry = progressOf(progress, slug);
  const shown = Math.min(entry.hints, total);
  const answered = entry.first !== null;
  const reveal = () => {
    focusNext.current = shown;
    recordHints(slug, answered ? total : shown + 1);
  };

  return (
    <div class="hints__steps" data-testid="hint-steps" ref={root}>
      {shown === 0 && <p class="hints__lead">{strings.lead}</p>}
      <ol class="hints__list" ref={list}>
        {hints.slice(0, shown).map((hint, i) => (
          <li class="hint hint--shown" key={i} tabIndex={-1} data-testid="hint">
            <strong class="hint__label">{fill(strings.shown, { n: i + 1, total })}</strong>
            <p>
              <Text>{hint}</Text>
            </p>
          </li>
        ))}
      </ol>
      {shown < total && (
        <button type="button" class="hints__next" data-testid="next-hint" onClick={reveal}>
          {answered ? strings.all : fill(strings.next, { n: shown + 1, total })}
        </button>
      )}
    </div>
  );
}
