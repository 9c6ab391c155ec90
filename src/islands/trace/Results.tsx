/**
 * Everything after a trace: what was read (and what could not be), the friendly notes (no
 * KUBE-* chains, jump loops, formats not read yet), then exact outcomes, the sampled packet,
 * the sampled run and the rules view.
 */
import { useMemo } from 'preact/hooks';
import { useStore } from '@nanostores/preact';
import { $dumpInfo } from '../../stores/traceInspect';
import type { TraceStrings } from '../../i18n/trace/index';
import type { TraceResult } from '../../stores/traceRun';
import { Code } from './Code';
import { LineLink } from './LineLink';
import { escapeText } from '../../text/inert';
import { DumpView } from './DumpView';
import { fill } from '../fill';
import { count, estimate } from '../numbers';
import { ExactTable, RunTables } from './OutcomeTables';
import { Problems } from './Problems';
import { RuleMessage } from './ruleMessage';
import { traceMarks } from './rows';
import { SampleTrace } from './SampleTrace';

interface Props {
  readonly result: TraceResult;
  readonly strings: TraceStrings;
  readonly locale: string;
  readonly stale: boolean;
  readonly onAnother: (() => void) | null;
}

const NO_MARKS: ReadonlyMap<number, 'matched' | 'checked'> = new Map();

export function Results({ result, strings, locale, stale, onAnother }: Props) {
  const { report, request } = result;
  const r = strings.results;
  const inspected = useStore($dumpInfo);
  // The worker's line starts, when it inspected this very text (else DumpView finds them).
  const starts = inspected && inspected.text === result.request.text ? inspected.info.lineStarts : null;
  const marks = useMemo(
    () => (report.kind === 'traced' && report.sample ? traceMarks(report.sample.trace) : NO_MARKS),
    [report],
  );
  const problemLines = useMemo(
    () => new Set(report.kind === 'traced' ? report.problems.map((p) => p.line) : []),
    [report],
  );

  if (report.kind === 'empty') return <p class="trace-warning">{r.empty}</p>;
  if (report.kind === 'engine-error') {
    return (
      <p class="trace-error" data-testid="trace-engine-error">
        {fill(r.engineError, { message: report.message })}
      </p>
    );
  }
  if (report.kind === 'unsupported') {
    const text =
      report.format === 'nft'
        ? strings.input.formatNft
        : report.format === 'iptables-list'
          ? strings.input.formatList
          : strings.input.formatUnknown;
    return (
      <p class="trace-warning" data-testid="trace-unsupported" data-format={report.format}>
        <Code text={text} />
      </p>
    );
  }
  const refusal = report.refusal;
  return (
    <div
      class="trace-results"
      data-testid="trace-results"
      data-lines={report.lines}
      data-parse-ms={Math.round(report.timings.parse)}
      data-worker-ms={Math.round(report.timings.total)}
      data-page-ms={Math.round(result.ms)}
    >
      {stale && (
        <p class="trace-warning" data-testid="trace-stale">
          {r.stale}
        </p>
      )}
      <p data-testid="trace-summary">
        {fill(r.summary, {
          lines: count(locale, report.lines),
          rules: count(locale, report.rules),
          tables: report.tables.join(', ') || '—',
          parse: count(locale, Math.round(report.timings.parse)),
          walk: count(locale, Math.round(report.timings.exact + report.timings.sample + report.timings.run)),
        })}
      </p>
      {report.fromNode && (
        <p class="trace-note" data-testid="trace-from-node-note">
          {fill(r.fromNode, { src: request.packet.src })}
        </p>
      )}
      {!report.kube && (
        <div class="trace-callout" data-testid="trace-nokube">
          <h3>{r.noKubeTitle}</h3>
          <p>
            <Code text={r.noKube} />
          </p>
        </div>
      )}
      {report.loops.length > 0 && (
        <div class="trace-callout trace-callout--warning" data-testid="trace-loops">
          <h3>{r.loopsTitle}</h3>
          <p>{fill(r.loops, { n: count(locale, report.loops.length) })}</p>
        </div>
      )}
      {refusal && (
        <p class="trace-warning" data-testid="trace-refusal" data-refusal={refusal.kind}>
          {refusal.kind === 'no-tables' ? (
            <Code text={r.noTables} />
          ) : refusal.kind === 'too-costly' ? (
            <>
              {fill(r.tooCostly, {
                estimate: estimate(locale, refusal.estimate),
                lines: count(locale, report.lines),
                budget: count(locale, refusal.budget),
              })}
              {refusal.site && refusal.site.calls > 1 && (
                <>
                  {' '}
                  {fill(r.tooCostlySite, {
                    line: count(locale, refusal.site.line),
                    chain: escapeText(refusal.site.chain, 80),
                    target: escapeText(refusal.site.target, 80),
                    calls: count(locale, refusal.site.calls),
                    targetBound: estimate(locale, refusal.site.targetBound),
                  })}{' '}
                  <LineLink line={refusal.site.line} label={strings.sample.line} title={strings.problems.show} />
                </>
              )}
            </>
          ) : (
            <>
              {r.connection.split('{message}')[0]}
              <RuleMessage message={escapeText(refusal.message, 300)} locale={locale} />
              {r.connection.split('{message}')[1]}
            </>
          )}
        </p>
      )}
      <Problems
        problems={report.problems}
        omitted={report.problemsOmitted}
        strings={strings.problems}
        locale={locale}
      />
      {report.exact && <ExactTable exact={report.exact} strings={strings} locale={locale} />}
      {report.sample && <SampleTrace sample={report.sample} strings={strings} locale={locale} onAnother={onAnother} />}
      {report.run && (
        <RunTables run={report.run} exact={report.exact} seed={request.seed} strings={strings} locale={locale} />
      )}
      <DumpView
        text={request.text}
        starts={starts}
        marks={marks}
        problems={problemLines}
        strings={strings.dump}
        locale={locale}
      />
    </div>
  );
}
