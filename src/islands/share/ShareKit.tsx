/**
 * The newsletter kit's interactive part: UTM fields, the two snippets that follow them as the
 * editor types, a preview of what readers will see, and copy buttons. The server renders the
 * same markup with no UTM, so without JavaScript the snippets are still there to copy.
 */
import { useRef, useState } from 'preact/hooks';
import { htmlSnippet, kitLink, markdownSnippet, optionLabel, SNIPPET_IMAGE, type Kit } from '../../newsletter/snippets';
import { noUtm, utmFields, type Utm, type UtmField } from '../../newsletter/utm';
import { copyToClipboard } from './copyToClipboard';
import { fill } from '../fill';

/** The kit's words, resolved on the server. */
export interface ShareKitStrings {
  readonly utmLegend: string;
  readonly utmHelp: string;
  readonly utmLabels: Readonly<Record<UtmField, string>>;
  readonly preview: string;
  readonly html: string;
  readonly markdown: string;
  /** "Copy {format}" with the placeholder left in. */
  readonly copy: string;
  /** "{format} copied." with the placeholder left in. */
  readonly copied: string;
  readonly copyFailed: string;
}

interface Props {
  readonly kit: Kit;
  readonly strings: ShareKitStrings;
}

type Format = 'html' | 'markdown';

/**
 * The preview's links and image point at this site by path: the snippets carry the public
 * address (SITE_URL), which is not this origin in a local preview, and the page's CSP rightly
 * refuses images from anywhere else.
 */
function onThisSite(href: string): string {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}

export default function ShareKit({ kit, strings }: Props) {
  const [utm, setUtm] = useState<Utm>(noUtm);
  const [status, setStatus] = useState('');
  const areas = { html: useRef<HTMLTextAreaElement>(null), markdown: useRef<HTMLTextAreaElement>(null) };
  const snippets: Record<Format, string> = { html: htmlSnippet(kit, utm), markdown: markdownSnippet(kit, utm) };
  const names: Record<Format, string> = { html: strings.html, markdown: strings.markdown };

  const copy = async (format: Format) => {
    const done = await copyToClipboard(snippets[format], areas[format].current);
    setStatus(done ? fill(strings.copied, { format: names[format] }) : strings.copyFailed);
  };

  return (
    <div class="kit" data-testid="share-kit">
      <fieldset class="kit__utm">
        <legend>{strings.utmLegend}</legend>
        <p class="kit__help">{strings.utmHelp}</p>
        {utmFields.map((field) => (
          <label key={field} class="kit__field">
            <span>{strings.utmLabels[field]}</span>
            <input
              type="text"
              name={field}
              value={utm[field]}
              autocomplete="off"
              spellcheck={false}
              maxLength={100}
              onInput={(e) => setUtm({ ...utm, [field]: e.currentTarget.value })}
            />
          </label>
        ))}
      </fieldset>

      <section class="kit__section" aria-labelledby="kit-preview">
        <h2 id="kit-preview">{strings.preview}</h2>
        <div class="kit__preview" data-testid="kit-preview">
          <p>
            <strong>{kit.heading}</strong>
          </p>
          <p>
            <a href={onThisSite(kitLink(kit.lessonUrl, utm))}>
              <img
                src={onThisSite(kit.cardUrl)}
                width={SNIPPET_IMAGE.width}
                height={SNIPPET_IMAGE.height}
                alt={kit.heading}
              />
            </a>
          </p>
          <p>{kit.question}</p>
          <p>{kit.pickLabel}</p>
          <ul>
            {kit.options.map((o) => (
              <li key={o.id}>
                <a href={onThisSite(kitLink(kit.lessonUrl, utm, o.id))} data-option-link={o.id}>
                  {optionLabel(o)}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={onThisSite(kitLink(kit.lessonUrl, utm))}>{kit.openLabel}</a>
          </p>
        </div>
      </section>

      {(['html', 'markdown'] as const).map((format) => (
        <section key={format} class="kit__section" aria-labelledby={`kit-${format}`}>
          <h2 id={`kit-${format}`}>{names[format]}</h2>
          <textarea
            ref={areas[format]}
            class="kit__code"
            readOnly
            rows={12}
            spellcheck={false}
            aria-labelledby={`kit-${format}`}
            data-testid={`snippet-${format}`}
            value={snippets[format]}
          />
          <button type="button" class="kit__copy" data-testid={`copy-${format}`} onClick={() => void copy(format)}>
            {fill(strings.copy, { format: names[format] })}
          </button>
        </section>
      ))}
      <p class="kit__status" role="status" data-testid="copy-status">
        {status}
      </p>
    </div>
  );
}
