import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLinkParams, deepLinkQuery, parseDeepLink, type DeepLinkValues } from '../../../src/stores/deepLink.ts';
import { nodeNumbers, optionIds, policies, runSizes } from '../../../src/stores/model.ts';

describe('parseDeepLink: what newsletter links ask for', () => {
  it('reads every parameter of a well-formed link', () => {
    expect(parseDeepLink('?answer=b&seed=42&policy=Local&node=3&n=10000')).toEqual({
      values: { answer: 'b', seed: 42, policy: 'Local', node: 3, n: 10000 },
      problems: [],
      asked: true,
    });
  });

  it('accepts the spellings people type: lower-case policy, node-2', () => {
    expect(parseDeepLink('policy=cluster&node=node-2').values).toEqual({ policy: 'Cluster', node: 2 });
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
    expect(parseDeepLink('answer=a&answer=b').problems).toEqual([{ param: 'answer', reason: 'repeated', shown: 'a, b' }]);
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

  it('makes control characters visible in notices', () => {
    expect(parseDeepLink('node=%00%1b').problems[0]?.shown).toBe('\uFFFD\uFFFD');
  });
});

describe('deep links, fuzzed', () => {
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('a', 'b', 'Local', 'cluster', '3', '42', '100000', ''),
  );
  const param = fc.oneof(fc.constantFrom(...deepLinkParams), fc.string());
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
        if (values.policy !== undefined) expect(policies).toContain(values.policy);
        if (values.node !== undefined) expect(nodeNumbers).toContain(values.node);
        if (values.n !== undefined) expect(runSizes).toContain(values.n);
        if (values.seed !== undefined) {
          expect(Number.isInteger(values.seed)).toBe(true);
          expect(values.seed).toBeGreaterThanOrEqual(0);
          expect(values.seed).toBeLessThanOrEqual(0xffffffff);
        }
        for (const problem of problems) {
          expect(deepLinkParams).toContain(problem.param);
          expect([...problem.shown].length).toBeLessThanOrEqual(25);
          expect(problem.shown).not.toMatch(/[\u0000-\u001f]/);
        }
        // A parameter is either accepted or reported, never both, never silently lost.
        for (const name of deepLinkParams) {
          const present = new URLSearchParams(search).has(name);
          const accepted = values[name] !== undefined;
          const reported = problems.some((p) => p.param === name);
          expect(present).toBe(accepted || reported);
          expect(accepted && reported).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every link it writes (deepLinkQuery is its inverse)', () => {
    const values = fc.record(
      {
        answer: fc.constantFrom(...optionIds),
        policy: fc.constantFrom(...policies),
        node: fc.constantFrom(...nodeNumbers),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
        n: fc.constantFrom(...runSizes),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, (v: DeepLinkValues) => {
        expect(parseDeepLink(deepLinkQuery(v))).toEqual({ values: v, problems: [], asked: Object.keys(v).length > 0 });
      }),
    );
  });
});
