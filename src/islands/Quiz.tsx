/**
 * The quiz: the lesson's question for the current settings, the four answers as a radio
 * group, the run controls with progress and cancel, a live region for the result, and the
 * result itself (graded once the reader has picked an answer). The result panel (and the
 * grading code) loads only once there is a run to show; a deep link's parser loads only when
 * the URL carries one.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fillPlaceholders, valuesOf } from '../engine/lab';
import { $answer, chooseAnswer } from '../stores/answer';
import { deepLinkParams } from '../stores/deepLinkParams';
import { $lastRun } from '../stores/lastRun';
import { $lesson, type QuizOption } from '../stores/lesson';
import { runSizes, type RunSize, type RunSummary } from '../stores/model';
import { $discardedRun } from '../stores/notices';
import { $run, cancelRun, startRun } from '../stores/run';
import { $runSize, $scenario, setRunSize } from '../stores/scenario';
import type { LiveStrings } from '../i18n/live/index';
import { fill } from './fill';
import { count } from './numbers';
import { RunProgress } from './RunProgress';
import { useClientStore } from './useClientStore';
import { useLazy } from './useLazy';

interface Props {
  /** The question and options with placeholders filled for the scenario as written (what the server renders). */
  readonly question: string;
  readonly options: readonly QuizOption[];
  readonly strings: LiveStrings['quiz'];
  readonly controlStrings: LiveStrings['controls'];
  readonly locale: string;
}

const loadPanel = () => import('./ResultsPanel');
const loadNotices = () => import('./QuizNotices').then((m) => m.QuizNotices);

/** The quiz island: question, answers, run controls and the result. */
export default function Quiz({ question, options, strings, controlStrings, locale }: Props) {
  const root = useRef<HTMLElement>(null);
  const answer = useClientStore($answer, null);
  const lesson = useClientStore($lesson, null);
  const scenario = useClientStore($scenario, {});
  const discarded = useClientStore($discardedRun, false);
  // Placeholders follow the settings ({entryNode}, {pod}, …); the server's text until the lesson is read.
  const values = lesson ? valuesOf(lesson, scenario) : null;
  const text = (raw: string, fallback: string): string => (values ? fillPlaceholders(raw, values) : fallback);
  const size = useClientStore($runSize, runSizes[0] as RunSize);
  const run = useClientStore($run, { status: 'idle' });
  const last = useClientStore($lastRun, null);
  const panel = useLazy(last !== null, loadPanel);
  const Panel = panel?.ResultsPanel ?? null;
  const Verdict = panel?.VerdictSummary ?? null;
  // Notices come only from a deep link; their code loads with the link's parser.
  const [linked, setLinked] = useState(false);
  const Notices = useLazy(linked || discarded, loadNotices);
  const [announcement, setAnnouncement] = useState('');
  // The run that just finished (not one restored from storage): the panel announces it.
  const [fresh, setFresh] = useState<RunSummary | null>(null);
  // Runs started with the Run button that finished; each one brings its result into view.
  const [reveal, setReveal] = useState(0);
  const results = useRef<HTMLElement>(null);

  useEffect(() => {
    const stop = $lastRun.listen((summary) => setFresh(summary));
    const params = new URLSearchParams(window.location.search);
    const ids = [...deepLinkParams, ...($lesson.get()?.controls.map((c) => c.id) ?? [])];
    if (ids.some((name) => params.has(name))) {
      // A newsletter link lands on the quiz with its result on the way.
      setLinked(true);
      const applied = import('../stores/applyDeepLink').then((m) => m.applyDeepLink(window.location.search).run);
      // Only a link needs the landing code: it loads with the link's parser, not with the quiz.
      const quiz = root.current;
      if (quiz) void import('./holdAtTop').then((m) => m.holdAtTop(quiz, applied));
    }
    return stop;
  }, []);

  useEffect(() => {
    // Wait for the panel's code too: the verdict it adds above the results would move them.
    if (reveal === 0 || !panel) return;
    const frame = requestAnimationFrame(() => panel.revealResults(results.current));
    return () => cancelAnimationFrame(frame);
  }, [reveal, panel]);

  const busy = run.status === 'loading' || run.status === 'running';
  return (
    <section
      class="live-quiz"
      id="quiz"
      ref={root}
      aria-labelledby="live-quiz-question"
      data-testid="quiz"
      data-status={run.status}
    >
      <div class="live-notices" role="status" aria-live="polite" data-testid="link-notices">
        {Notices && <Notices strings={strings} />}
      </div>
      <fieldset class="live-answers">
        <legend id="live-quiz-question" class="live-answers__question">
          {text(lesson?.question ?? '', question)}
        </legend>
        <p class="live-answers__label">{strings.answer}</p>
        {options.map((option) => (
          <Fragment key={option.id}>
            <label class="live-answer" data-option-id={option.id}>
              <input
                type="radio"
                name="live-answer"
                value={option.id}
                checked={answer === option.id}
                onChange={() => chooseAnswer(option.id)}
              />
              <span class="live-answer__id" aria-hidden="true">
                {option.id.toUpperCase()}
              </span>
              <span class="live-answer__text">
                {text(lesson?.options.find((o) => o.id === option.id)?.text ?? '', option.text)}
              </span>
            </label>
            {/* The verdict sits under the answer it grades: a reader landing from a link sees
              question, answer and verdict together even when the other options are long. */}
            {answer === option.id && last && Verdict && <Verdict strings={strings} />}
          </Fragment>
        ))}
      </fieldset>
      <div class="live-run">
        <label class="live-run__size">
          <span>{strings.size}</span>
          <select value={String(size)} onChange={(e) => setRunSize(Number(e.currentTarget.value) as RunSize)}>
            {runSizes.map((n) => (
              <option key={n} value={String(n)}>
                {fill(strings.sizeOption, { n: count(locale, n) })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="live-button live-button--primary"
          data-testid="run"
          onClick={() => void startRun().then((summary) => summary && setReveal((n) => n + 1))}
        >
          {last ? strings.runAgain : strings.run}
        </button>
        {busy && (
          <button type="button" class="live-button" data-testid="cancel" onClick={cancelRun}>
            {strings.cancel}
          </button>
        )}
      </div>
      <RunProgress state={run} strings={strings} locale={locale} />
      <p class="sr-only" role="status" data-testid="announcement">
        {announcement}
      </p>
      <section class="live-results" ref={results} aria-labelledby="live-results-heading">
        <h4 id="live-results-heading">{strings.results}</h4>
        {last && Panel ? (
          <Panel
            scenario={scenario}
            strings={strings}
            controlStrings={controlStrings}
            locale={locale}
            fresh={fresh}
            announce={setAnnouncement}
          />
        ) : (
          <p class="live-results__empty">{last ? strings.loadingResult : strings.empty}</p>
        )}
      </section>
    </section>
  );
}
