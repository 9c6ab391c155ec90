/** A button that shows a line of the traced rules ("line 42"); plain text when there is no line. */
import { showDumpLine } from '../../stores/traceView';
import { fill } from '../fill';

interface Props {
  readonly line: number;
  /** "line {n}" */
  readonly label: string;
  /** Accessible name: "Show line {n} in the rules". */
  readonly title: string;
}

export function LineLink({ line, label, title }: Props) {
  if (line <= 0) return <span class="trace-lineno">—</span>;
  return (
    <button
      type="button"
      class="trace-linelink"
      aria-label={fill(title, { n: line })}
      onClick={() => showDumpLine(line)}
    >
      {fill(label, { n: line })}
    </button>
  );
}
