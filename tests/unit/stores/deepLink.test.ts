import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinkQuery, linkParams, parseDeepLink as parse, type DeepLinkValues } from '../../../src/stores/deepLink';
import { optionIds, runSizes } from '../../../src/stores/model';
import { bounceLesson } from './bounceLesson';

// The bounce lesson's controls: policy (externalTrafficPolicy) and node (the entry node).
const { controls } = bounceLesson();
const parseDeepLink = (search: string) => parse(search, controls);
const params = linkParams(controls);
const policies = ['Cluster', 'Local'];
const nodes = ['node-1', 'node-2', 'node-3'];

describe('parseDeepLink: what newsletter links ask for', () => {
  it('reads every parameter of a well-formed link', () => {
    expect(params).toEqual(['answer', 'policy', 'node', 'seed', 'n']);
    expect(parseDeepLink('?answer=b&seed=42&policy=Local&node=node-3&n=10000')).toEqual({
      values: { answer: 'b', seed: 42, settings: { policy: 'Local', node: 'node-3' }, n: 10000 },
      problems: [],
      asked: true,
    });
  });

  it('accepts the spellings people type: lower-case policy, node 2 by its number (the first links did)', () => {
    expect(parseDeepLink('policy=cluster&node=2').values).toEqual({ settings: { policy: 'Cluster', node: 'node-2' } });
  });

  it('ignores parameters it does not own, without a notice', () => {
    expect(parseDeepLink('?utm_source=newsletter&ref=x')).toEqual({ values: {}, problems: [], asked: false });
  });

  it.each([
    ['answer', 'e'],
    ['answer', 'B'],
    ['answer', 'ab'],
    ['policy', 'Clusterr'],
    ['node', '4'],
    ['node', '02'],
    ['node', 'node-9'],
    ['seed', '-1'],
    ['seed', '4294967296'],
    ['seed', '1e3'],
    ['seed', '0x10'],
    ['seed', '007'],
    ['n', '500'],
  ])('refuses %s=%s with a notice and keeps the rest', (param, value) => {
    const link = parseDeepLink(
      `answer=a&${param}=${encodeURIComponent(value)}`.replace(param === 'answer' ? 'answer=a&' : '', ''),
    );
    expect(link.problems).toEqual([{ param, reason: 'invalid', shown: value }]);
    expect(link.values).toEqual(param === 'answer' ? {} : { answer: 'a' });
  });

  it('refuses a repeated parameter rather than guessing which one was meant', () => {
    expect(parseDeepLink('answer=a&answer=b').problems).toEqual([
      { param: 'answer', reason: 'repeated', shown: 'a, b' },
    ]);
  });

  it('refuses long values before parsing and shows only the start of them', () => {
    const link = parseDeepLink(`seed=${'9'.repeat(5000)}`);
    expect(link.problems[0]?.reason).toBe('tooLong');
    expect([...(link.problems[0]?.shown ?? '')].length).toBeLessThanOrEqual(25);
  });

  it('keeps markup as inert text in notices (it is rendered as a text node)', () => {
    const link = parseDeepLink(`answer=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(link.values).toEqual({});
    expect(link.problems[0]?.shown.startsWith('<img src=x')).toBe(true);
  });

  it('shows control characters escaped in notices', () => {
    expect(parseDeepLink('node=%00%1b').problems[0]?.shown).toBe('\\x00\\x1b');
  });

  it('shows bidi and zero-width characters escaped (U+202E), never raw', () => {
    const shown = parseDeepLink(`answer=${encodeURIComponent('a\u202Eb\u200B')}`).problems[0]?.shown ?? '';
    expect(shown).toBe('aU+202EbU+200B');
    expect(shown).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('deep links, fuzzed', () => {
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('a', 'b', 'Local', 'cluster', '3', 'node-2', '42', '100000', '', '\u202E'),
  );
  const param = fc.oneof(fc.constantFrom(...params), fc.string());
  const query = fc.array(fc.tuple(param, value), { maxLength: 8 }).map((pairs) => {
    const p = new URLSearchParams();
    for (const [k, v] of pairs) p.append(k, v);
    return `?${p.toString()}`;
  });

  it('never throws and only ever yields values from the allowed sets', () => {
    fc.assert(
      fc.property(query, (search) => {
        const { values, problems } = parseDeepLink(search);
        if (values.answer !== undefined) expect(optionIds).toContain(values.answer);
        if (values.settings?.['policy'] !== undefined) expect(policies).toContain(values.settings['policy']);
        if (values.settings?.['node'] !== undefined) expect(nodes).toContain(values.settings['node']);
        if (values.n !== undefined) expect(runSizes).toContain(values.n);
        if (values.seed !== undefined) {
          expect(Number.isInteger(values.seed)).toBe(true);
          expect(values.seed).toBeGreaterThanOrEqual(0);
          expect(values.seed).toBeLessThanOrEqual(0xffffffff);
        }
        for (const problem of problems) {
          expect(params).toContain(problem.param);
          // eslint-disable-next-line no-control-regex -- matching control characters is the point: none may reach the page
          expect(problem.shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
        }
        // A parameter is either accepted or reported, never both, never silently lost.
        for (const name of params) {
          const present = new URLSearchParams(search).has(name);
          const accepted =
            (values as Record<string, unknown>)[name] !== undefined || values.settings?.[name] !== undefined;
          const reported = problems.some((p) => p.param === name);
          expect(present).toBe(accepted || reported);
          expect(accepted && reported).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('reads back every link it writes (deepLinkQuery is its inverse)', () => {
    const settings = fc.record(
      { policy: fc.constantFrom(...policies), node: fc.constantFrom(...nodes) },
      { requiredKeys: [] },
    );
    const values = fc.record(
      {
        answer: fc.constantFrom(...optionIds),
        settings,
        seed: fc.integer({ min: 0, max: 0xffffffff }),
        n: fc.constantFrom(...runSizes),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, (v: DeepLinkValues) => {
        const expected = { ...v } as Record<string, unknown>;
        if (v.settings && Object.keys(v.settings).length === 0) delete expected['settings'];
        const asked = Object.keys(expected).length > 0;
        expect(parseDeepLink(deepLinkQuery(v, controls))).toEqual({ values: expected, problems: [], asked });
      }),
    );
  });
});
