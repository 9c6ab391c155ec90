/**
 * Where the connections landed: a list of bars. Each row states its label, count and
 * percentage as text, so the chart reads without colour and without sight; the bar itself
 * is a decorative SVG whose width is an attribute, not an inline style (the CSP forbids those).
 */
import { count, percent } from './numbers';

/** One bar: its outcome key, label and how many connections it got. */
export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** "local", "forwarded" or "dropped": the colour family, matching the diagram's paths. */
  readonly tone: string;
}

interface Props {
  readonly bars: readonly Bar[];
  readonly total: number;
  readonly title: string;
  readonly locale: string;
}

export function BarChart({ bars, total, title, locale }: Props) {
  return (
    <figure class="live-chart" data-testid="chart">
      <figcaption class="live-chart__title">{title}</figcaption>
      <ul class="live-chart__rows">
        {bars.map((bar) => {
          const share = total > 0 ? bar.value / total : 0;
          return (
            <li
              key={bar.key}
              class={`live-chart__row live-chart__row--${bar.tone}`}
              data-outcome={bar.key}
              data-count={bar.value}
            >
              <span class="live-chart__label">{bar.label}</span>
              <svg class="live-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect class="live-chart__track" x="0" y="0" width="100" height="10" />
                <rect class="live-chart__fill" x="0" y="0" width={share * 100} height="10" />
              </svg>
              <span class="live-chart__value">
                <span class="live-chart__count">{count(locale, bar.value)}</span> ({percent(locale, share)})
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
