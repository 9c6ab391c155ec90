/**
 * The rules of one node, shared by the lesson (RulesView binds it to the lesson's stores) and
 * the playground (bound to its own): a node selector, a copy button, a note, and the listing
 * with the sample connection's walk highlighted. Everything arrives as props; the listing
 * (RulesListing) loads with the engine, since there is nothing to list before it.
 */
import { useState } from 'preact/hooks';
import type { NodeCounters } from '../stores/model';
import type { RulesLine, TraceRow } from '../stores/lab/types';
import type { LiveStrings } from '../i18n/live/index';
import { copyText } from './copyText';
import { fill } from './fill';
import { Text } from './Text';
import { useLazy } from './useLazy';

interface Props {
  readonly nodes: readonly string[];
  readonly node: string;
  readonly onNode: (node: string) => void;
  /** The node's lines; empty while they load or when they failed. */
  readonly lines: readonly RulesLine[];
  /** Why there are no lines, or "" (still loading, or there are lines). */
  readonly failure: string;
  readonly counters: NodeCounters | null;
  /** The sample connection's rows, for the highlight. */
  readonly rows: readonly TraceRow[] | null;
  readonly lead: string;
  /** Under the toolbar: what the pkts counters hold, how to read the listing. */
  readonly note: string;
  /** The title of the full listing. */
  readonly dump: string;
  readonly strings: LiveStrings['rules'];
  readonly locale: string;
  /** The heading's level: 4 inside the lesson's lab, 2 as a section of the playground. */
  readonly level: 2 | 4;
  /** False where no run counts packets per rule (the playground): no pkts column. */
  readonly counted: boolean;
  /** The datapath whose dump this is, for the playground (data-mode). */
  readonly mode?: string;
}

const loadListing = () => import('./RulesListing').then((m) => m.RulesListing);

export function RulesPanel(p: Props) {
  const { strings, lines, node } = p;
  const [copied, setCopied] = useState('');
  const Listing = useLazy(lines.length > 0, loadListing);
  const Heading = p.level === 2 ? 'h2' : 'h4';

  const copy = async () => {
    const ok = await copyText(lines.map((l) => l.text).join('\n') + '\n');
    setCopied(ok ? strings.copied : strings.copyFailed);
  };

  return (
    <section
      class={`live-rules${p.counted ? '' : ' live-rules--uncounted'}${p.level === 2 ? ' pg-section' : ''}`}
      aria-labelledby="live-rules-heading"
      data-testid="rules-view"
      data-node={node}
      data-mode={p.mode}
    >
      <Heading id="live-rules-heading">{strings.heading}</Heading>
      <p>
        <Text>{p.lead}</Text>
      </p>
      <div class="live-toolbar">
        <label>
          <span>{strings.node}</span>
          <select value={node} onChange={(e) => p.onNode(e.currentTarget.value)} data-testid="rules-node">
            {p.nodes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => void copy()}
          disabled={lines.length === 0}
          data-testid="rules-copy"
        >
          {strings.copy}
        </button>
        <span role="status" class="live-toolbar__status">
          {copied}
        </span>
      </div>
      {p.note && (
        <p class="live-rules__note" data-testid="rules-counters-note">
          {p.note}
        </p>
      )}
      <div class="live-rules__frame">
        <div class="live-rules__head" aria-hidden="true">
          <span class="live-rules__pkts">{strings.pkts}</span>
        </div>
        {Listing && lines.length > 0 ? (
          <Listing
            lines={lines}
            node={node}
            counters={p.counters}
            rows={p.rows}
            dump={p.dump}
            strings={strings}
            locale={p.locale}
          />
        ) : (
          <p class="live-rules__placeholder">
            {p.failure ? fill(strings.failed, { message: p.failure }) : strings.loading}
          </p>
        )}
      </div>
    </section>
  );
}
