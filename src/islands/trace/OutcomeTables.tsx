/** Exact mode's outcome table and the sampled run's tables (outcomes, then rule counters). */
import { joinHostPort } from '../../engine/rules';
import type { TraceStrings } from '../../i18n/trace/index';
import type { ExactView, RunView } from '../../workers/trace/protocol';
import { Code } from './Code';
import { describeDecider, describeOutcome } from './describe';
import { displayLine } from './display';
import { fill } from '../fill';
import { count, percent, probability, type Decimals } from '../numbers';
import { EchoLine } from './EchoLine';
import { LineLink } from './LineLink';
import { RuleMessage } from './ruleMessage';

/**
 * Up to six decimals: a pasted dump's branches can be far smaller than a lesson's (one of 30,000
 * endpoints would read 0.0000 at four); exact fractions stay short (0.5, 0.25).
 */
const DECIMALS: Decimals = { min: 1, max: 6 };

interface ExactProps {
  readonly exact: ExactView;
  readonly strings: TraceStrings;
  readonly locale: string;
}

export function ExactTable({ exact, strings, locale }: ExactProps) {
  const s = strings.exact;
  const o = strings.outcome;
  if (exact.kind === 'limit') {
    return (
      <section class="trace-section" aria-labelledby="trace-exact-heading">
        <h3 id="trace-exact-heading">{s.heading}</h3>
        <p class="trace-warning" data-testid="trace-exact-limit">
          {fill(s.limit, { n: count(locale, exact.walks) })}
        </p>
      </section>
    );
  }
  const drop = exact.outcomes.filter((x) => x.verdict === 'DROP').reduce((a, x) => a + x.probability, 0);
  const reject = exact.outcomes.filter((x) => x.verdict === 'REJECT').reduce((a, x) => a + x.probability, 0);
  const masqueraded = exact.outcomes.find((x) => x.masquerade && x.sourceSeen && x.destination);
  return (
    <section class="trace-section" aria-labelledby="trace-exact-heading">
      <h3 id="trace-exact-heading">{s.heading}</h3>
      <p>
        <Code text={s.lead} />
      </p>
      <div class="trace-scroll" tabIndex={0} role="region" aria-labelledby="trace-exact-heading">
        <table class="trace-table" data-testid="trace-exact">
          <thead>
            <tr>
              <th scope="col">{s.outcome}</th>
              <th scope="col">{s.probability}</th>
              <th scope="col">{s.masquerade}</th>
              <th scope="col">{s.sourceSeen}</th>
              <th scope="col">{s.decidedBy}</th>
            </tr>
          </thead>
          <tbody>
            {exact.outcomes.map((x) => (
              <tr
                key={x.key}
                data-verdict={x.verdict}
                data-destination={x.destination ? joinHostPort(x.destination.ip, x.destination.port) : ''}
                data-probability={x.probability}
              >
                <th scope="row">
                  {describeOutcome(x, o)}
                  {x.echo && <EchoLine echo={x.echo} s={o} locale={locale} />}
                  {x.reason && x.decidedBy && (
                    <span class="trace-reason">
                      <RuleMessage message={x.reason} locale={locale} />
                    </span>
                  )}
                </th>
                <td class="trace-num">{probability(locale, x.probability, DECIMALS)}</td>
                <td>{x.masquerade ? o.yes : o.no}</td>
                <td>
                  {/* From pasted rules the node's interfaces are unknown: never claim one address. */}
                  {x.masquerade && x.sourceSeen && x.destination ? (
                    <span data-testid="trace-masquerade-source">{fill(s.masqueraded, { dst: x.destination.ip })}</span>
                  ) : (
                    <code>{x.sourceSeen ?? o.none}</code>
                  )}
                </td>
                <td>
                  {describeDecider(x.decidedBy, o) ??
                    (x.reason ? (
                      <>
                        {o.kernel.split('{reason}')[0]}
                        <RuleMessage message={x.reason} locale={locale} />
                        {o.kernel.split('{reason}')[1]}
                      </>
                    ) : (
                      o.none
                    ))}
                  {x.decidedBy && x.decidedBy.line > 0 && (
                    <>
                      {' '}
                      <LineLink line={x.decidedBy.line} label={strings.sample.line} title={strings.problems.show} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="trace-exact-total">
        {fill(s.total, { drop: probability(locale, drop, DECIMALS), reject: probability(locale, reject, DECIMALS) })}
      </p>
      {masqueraded && (
        <p class="trace-help" data-testid="trace-masquerade-note">
          {fill(s.masqueradeNote, { ip: (masqueraded.sourceSeen ?? '').replace(/:\d+$/, '') })}
        </p>
      )}
      {exact.outcomes.some((x) => x.sourcePortRandom) && (
        <p class="trace-help" data-testid="trace-random-port-note">
          <Code text={s.randomPortNote} />
        </p>
      )}
    </section>
  );
}

interface RunProps {
  readonly run: RunView;
  readonly exact: ExactView | null;
  readonly seed: number;
  readonly strings: TraceStrings;
  readonly locale: string;
}

export function RunTables({ run, exact, seed, strings, locale }: RunProps) {
  const s = strings.run;
  const expected = new Map(exact?.kind === 'ok' ? exact.outcomes.map((x) => [x.key, x.probability]) : []);
  return (
    <section class="trace-section" aria-labelledby="trace-run-heading">
      <h3 id="trace-run-heading">{s.heading}</h3>
      <p>{fill(s.lead, { n: count(locale, run.count), seed })}</p>
      <div class="trace-scroll" tabIndex={0} role="region" aria-labelledby="trace-run-heading">
        <table class="trace-table" data-testid="trace-run">
          <thead>
            <tr>
              <th scope="col">{s.outcome}</th>
              <th scope="col">{s.count}</th>
              <th scope="col">{s.share}</th>
              <th scope="col">{s.expected}</th>
            </tr>
          </thead>
          <tbody>
            {run.outcomes.map((x) => {
              const p = expected.get(x.key);
              return (
                <tr key={x.key} data-count={x.count}>
                  <th scope="row">{describeOutcome(x, strings.outcome)}</th>
                  <td class="trace-num">{count(locale, x.count)}</td>
                  <td class="trace-num">{percent(locale, run.count > 0 ? x.count / run.count : 0)}</td>
                  <td class="trace-num">{p === undefined ? strings.outcome.none : percent(locale, p)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4 id="trace-counters-heading">{s.counters}</h4>
      <p>
        <Code text={s.countersLead} />
      </p>
      <div class="trace-scroll trace-scroll--tall" tabIndex={0} role="region" aria-labelledby="trace-counters-heading">
        <table class="trace-table" data-testid="trace-counters">
          <thead>
            <tr>
              <th scope="col">{s.packets}</th>
              <th scope="col">{s.rule}</th>
            </tr>
          </thead>
          <tbody>
            {run.counters.map((c, i) => (
              <tr key={i}>
                <td class="trace-num">{count(locale, c.packets)}</td>
                <td>
                  <LineLink line={c.line} label={strings.sample.line} title={strings.problems.show} />{' '}
                  <code class="trace-rule">
                    {c.rule === 0 ? fill(strings.sample.policy, { chain: c.chain }) : displayLine(c.text, 300).text}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.countersOmitted > 0 && <p>{fill(s.more, { n: count(locale, run.countersOmitted) })}</p>}
    </section>
  );
}
