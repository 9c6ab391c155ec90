/** The rows of the trace table: rules as cells, events as one sentence across the row. */
import type { TraceRow } from '../stores/lab/types.ts';
import type { LiveStrings } from '../i18n/live/index.ts';
import { fill } from './fill.ts';

interface Props {
  readonly rows: readonly TraceRow[];
  readonly strings: LiveStrings['trace'];
  readonly path: LiveStrings['path'];
}

function RuleCells({ row, strings }: { row: Extract<TraceRow, { kind: 'rule' }>; strings: LiveStrings['trace'] }) {
  const text = row.rule === 0 ? (row.text === 'return' ? strings.returned : strings.policy) : row.text;
  return (
    <>
      <td>{row.node}</td>
      <td>
        {row.hook} / {row.table} / <code>{row.chain}</code>
      </td>
      <td>
        <code class="live-trace__rule">{text}</code>
      </td>
      <td class={row.matched ? 'live-trace__yes' : 'live-trace__no'}>
        <span aria-hidden="true">{row.matched ? '✓ ' : '· '}</span>
        {row.matched ? strings.yes : strings.no}
      </td>
      <td>
        <code>{row.action}</code>
      </td>
    </>
  );
}

export function TraceRows({ rows, strings, path }: Props) {
  return (
    <>
      {rows.map((row, i) => (
        <tr key={i} class={row.kind === 'event' ? 'live-trace__event' : row.matched ? 'live-trace__matched' : ''}>
          <td>{i + 1}</td>
          {row.kind === 'event' ? (
            <td colSpan={5}>{fill(path[row.say.key], row.say.values)}</td>
          ) : (
            <RuleCells row={row} strings={strings} />
          )}
        </tr>
      ))}
    </>
  );
}
