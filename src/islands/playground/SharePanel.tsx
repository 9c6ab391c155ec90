/**
 * Share and export: copy the share link (the address bar always holds it), export the scenario
 * as Kubernetes YAML, or import manifests. The YAML code loads only when one of those is asked
 * for; the loader's errors keep their line and field path, in the reader's language.
 */
import { useState } from 'preact/hooks';
import type { PlaygroundStrings } from '../../i18n/playground/index';
import type { PlaygroundScenario } from '../../playground/scenario';
import { replaceScenario } from '../../stores/playground';
import { loadPlaygroundYaml } from '../../stores/playgroundEngine';
import { copyText } from '../copyText';
import { fill } from '../fill';
import { problemText } from './problemText';

interface Props {
  readonly scenario: PlaygroundScenario;
  readonly strings: PlaygroundStrings;
  readonly locale: 'en' | 'ko';
}

export function SharePanel({ scenario, strings, locale }: Props) {
  const s = strings.share;
  const [status, setStatus] = useState('');
  const [exported, setExported] = useState<string | null>(null);
  const [input, setInput] = useState('');
  const [result, setResult] = useState<{ ok: boolean; lines: readonly string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const exportYaml = async () => {
    setBusy(true);
    try {
      const yaml = await loadPlaygroundYaml();
      setExported(yaml.exportYaml(scenario));
    } catch (error) {
      setResult({ ok: false, lines: [error instanceof Error ? error.message : String(error)] });
    } finally {
      setBusy(false);
    }
  };
  const importYaml = async () => {
    setBusy(true);
    try {
      const yaml = await loadPlaygroundYaml();
      const got = yaml.importYaml(input, locale, scenario);
      if (got.ok) {
        replaceScenario(got.scenario);
        const dual = got.dualStack ? [fill(s.importedDualStack, { family: got.scenario.family })] : [];
        setResult({ ok: true, lines: [s.imported, ...dual, ...got.warnings] });
      } else
        setResult({
          ok: false,
          lines: [...got.errors, ...got.problems.map((p) => `${p.field}: ${problemText(strings, p)}`)],
        });
    } catch (error) {
      setResult({ ok: false, lines: [error instanceof Error ? error.message : String(error)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="pg-section" aria-labelledby="pg-share-heading" data-testid="pg-share">
      <h2 id="pg-share-heading">{s.heading}</h2>
      <p>{s.linkNote}</p>
      <div class="live-toolbar">
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => void copyText(window.location.href).then((ok) => setStatus(ok ? s.copied : s.copyFailed))}
          data-testid="pg-copy-link"
        >
          {s.copyLink}
        </button>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => void exportYaml()}
          disabled={busy}
          data-testid="pg-export"
        >
          {s.exportYaml}
        </button>
        <span role="status" data-testid="pg-share-status">
          {busy ? s.loading : status}
        </span>
      </div>
      {exported !== null && (
        <textarea
          class="pg-yaml"
          readOnly
          rows={12}
          aria-label={s.exportYaml}
          value={exported}
          data-testid="pg-export-text"
        />
      )}
      <h3 class="pg-subheading">{s.importYaml}</h3>
      <label for="pg-import-text">{s.yamlLabel}</label>
      <textarea
        id="pg-import-text"
        class="pg-yaml"
        rows={8}
        spellcheck={false}
        value={input}
        onInput={(e) => setInput(e.currentTarget.value)}
        data-testid="pg-import-text"
      />
      <p>
        <button
          type="button"
          class="live-button live-button--small"
          onClick={() => void importYaml()}
          disabled={busy || input.trim() === ''}
          data-testid="pg-import"
        >
          {s.apply}
        </button>
      </p>
      {result && (
        <div
          class={result.ok ? 'pg-ok' : 'pg-error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="pg-import-result"
          data-ok={String(result.ok)}
        >
          {!result.ok && <p>{s.importFailed}</p>}
          <ul>
            {result.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
