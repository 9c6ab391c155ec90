/**
 * Korean particles (조사) after values the UI fills in: names like `pod-1`, ports like `30080`,
 * addresses like `10.244.1.0`, datapath names like `IPVS`. Which particle of a pair fits
 * depends on the last sound: 을/를 on whether it has a final consonant (받침), (으)로 also on
 * whether that consonant is ㄹ. A value that is not Korean text is first given its Korean
 * *reading* (1 → 일, 30080 → 삼만 팔십 → 십, 50% → 퍼센트 → 트, IPVS → 에스), and the particle is
 * picked from that syllable.
 *
 * Strings write the standard double form after a placeholder — `{pod}을(를)`, `{node}(으)로`,
 * `“{value}”은(는)` — and `resolveParticles` turns it into the one particle that fits, so the
 * tables read correctly even before they are filled.
 */

/** The particle pairs the helper understands, each written as es-hangul and grammar books write it. */
export type ParticlePair = '이/가' | '을/를' | '은/는' | '와/과' | '으로/로' | '이나/나' | '이라/라';

/** The first and last precomposed Hangul syllables; each is (initial × 21 + medial) × 28 + final. */
const SYLLABLE_FIRST = 0xac00;
/** The index of the final ㄹ among the 28 finals (0 is "no final"). */
const FINAL_RIEUL = 8;

/**
 * The particle of `pair` that fits after the Hangul syllable `syllable`. The final consonant
 * is read from the syllable's code point (Unicode composes syllables arithmetically), which
 * is all a particle needs: es-hangul's `josa.pick` gives the same answers (a unit test
 * checks every syllable) but would ship its jamo tables to every page.
 */
function pickAfter(syllable: string, pair: ParticlePair): string {
  const final = (syllable.charCodeAt(0) - SYLLABLE_FIRST) % 28;
  const [first, second] = pair.split('/') as [string, string];
  // 와/과 is written without-final first; every other pair with-final first.
  const [withFinal, withoutFinal] = pair === '와/과' ? [second, first] : [first, second];
  if (pair === '으로/로') return final === 0 || final === FINAL_RIEUL ? withoutFinal : withFinal;
  return final === 0 ? withoutFinal : withFinal;
}

const DIGIT = ['영', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'] as const;
/** The syllable read for a power of ten when a number ends in zeros: 10 십, 100 백, 1000 천, 10⁴ 만… */
const PLACE = ['', '십', '백', '천'] as const;
/** How a single Latin letter is read when an acronym is spelled out (IPVS → 아이피브이에스). */
const LETTER: Readonly<Record<string, string>> = {
  a: '이',
  b: '비',
  c: '씨',
  d: '디',
  e: '이',
  f: '프',
  g: '지',
  h: '치',
  i: '이',
  j: '이',
  k: '이',
  l: '엘',
  m: '엠',
  n: '엔',
  o: '오',
  p: '피',
  q: '큐',
  r: '알',
  s: '스',
  t: '티',
  u: '유',
  v: '이',
  w: '유',
  x: '스',
  y: '이',
  z: '트',
};
/** Acronyms read as words, not letter by letter. */
const WORDS: Readonly<Record<string, string>> = {
  nat: '냇',
  dnat: '냇',
  snat: '냇',
  lan: '랜',
  wan: '완',
  ipset: '셋',
  ipsets: '츠',
};
/** Symbols a value may end with, and how they are read. */
const SYMBOLS: Readonly<Record<string, string>> = { '%': '트', '°': '도', '×': '기' };
/** Closing marks skipped to find the value's last sound: `“50%”는`. */
const CLOSERS = new Set(['”', '"', '’', "'", ']', '」', '』', '`', '*']);

const isHangulSyllable = (c: string): boolean => c >= '가' && c <= '힣';

/** The reading of a whole number's last sound: 1 → 일, 30 → 십, 30080 → 십, 100000 → 만, 0 → 영. */
function readNumber(digits: string): string {
  const n = digits.replace(/^0+/, '');
  if (n === '') return DIGIT[0];
  const zeros = n.length - n.replace(/0+$/, '').length;
  if (zeros === 0) return DIGIT[Number(n[n.length - 1])]!;
  if (zeros < 4) return PLACE[zeros]!;
  if (zeros < 8) return '만';
  if (zeros < 12) return '억';
  return '조';
}

/** The reading of a Latin word's last sound, from its spelling (a heuristic good for UI values). */
function readLatin(word: string): string {
  const lower = word.toLowerCase();
  const known = WORDS[lower];
  if (known !== undefined) return known;
  // Capitals at the end (IPVS, eBPF, TCP) are spelled out letter by letter.
  const caps = /[A-Z]{2,}$/.exec(word) ?? (/[a-z][A-Z]$/.test(word) ? [word.slice(-1)] : null);
  if (caps !== null || word.length === 1) return LETTER[lower[lower.length - 1]!] ?? '이';
  if (/ng$/.test(lower)) return '잉';
  if (/(?:m|me)$/.test(lower)) return '임';
  if (/(?:n|ne)$/.test(lower)) return '인';
  if (/(?:[^aeiou]le|l)$/.test(lower)) return '일';
  if (/[aeiou](?:ck|k)$/.test(lower)) return '익';
  if (/[aeiou][pb]$/.test(lower)) return '입';
  if (/[aeiou]t$/.test(lower)) return '잇';
  return '이';
}

/**
 * The Hangul syllable for the last sound of `value` as a Korean reader says it, or null when
 * the value ends in nothing readable (empty, or punctuation only).
 */
export function lastSyllable(value: string): string | null {
  let end = value.length;
  for (;;) {
    while (end > 0 && (CLOSERS.has(value[end - 1]!) || /\s/.test(value[end - 1]!))) end--;
    if (value[end - 1] !== ')') break;
    // A particle after a parenthesis belongs to the word before it: 노드포트(…:30080)로.
    const open = value.lastIndexOf('(', end - 1);
    if (open <= 0) break;
    end = open;
  }
  const text = value.slice(0, end);
  const last = text[text.length - 1];
  if (last === undefined) return null;
  if (isHangulSyllable(last)) return last;
  const symbol = SYMBOLS[last];
  if (symbol !== undefined) return symbol;
  // A CIDR ends in its prefix length (10.244.0.0/16 → 십육); a fraction is read denominator
  // first (1/2 → 이분의 일).
  const fraction = /(?<!\.)\b(\d+)\/\d+$/.exec(text);
  if (fraction !== null && !/\d+\.\d+\.\d+\.\d+\/\d+$/.test(text)) return readNumber(fraction[1]!);
  if (/\d/.test(last)) {
    const digits = /[\d,]+$/.exec(text)![0].replace(/,/g, '');
    const before = text.slice(0, text.length - /[\d,]+$/.exec(text)![0].length);
    // A decimal fraction is read digit by digit (0.25 → 영 점 이오); an address octet as a number.
    const isDecimal = before.endsWith('.') && !/\d+\.\d+\.\d+\.$/.test(before);
    return isDecimal ? DIGIT[Number(digits[digits.length - 1])]! : readNumber(digits);
  }
  const word = /[A-Za-z]+$/.exec(text);
  if (word !== null) return readLatin(word[0]);
  return null;
}

/** The particle of `pair` that fits after `value`: pickParticle('pod-1', '을/를') → '을'. */
export function pickParticle(value: string, pair: ParticlePair): string {
  return pickAfter(lastSyllable(value) ?? '이', pair);
}

/** `value` followed by the particle that fits: withParticle('30080', '으로/로') → '30080으로'. */
export function withParticle(value: string, pair: ParticlePair): string {
  return value + pickParticle(value, pair);
}

/** The double forms a string may write, and the pair each stands for. */
const DOUBLE_FORMS: ReadonlyArray<readonly [string, ParticlePair]> = [
  ['(으)로', '으로/로'],
  ['(이)나', '이나/나'],
  ['(이)라', '이라/라'],
  ['을(를)', '을/를'],
  ['를(을)', '을/를'],
  ['이(가)', '이/가'],
  ['가(이)', '이/가'],
  ['은(는)', '은/는'],
  ['는(은)', '은/는'],
  ['과(와)', '와/과'],
  ['와(과)', '와/과'],
];
const DOUBLE_FORM = new RegExp(DOUBLE_FORMS.map(([form]) => form.replace(/[()]/g, '\\$&')).join('|'), 'g');

/**
 * Replaces every double-form particle (`을(를)`, `(으)로`, …) with the one that fits the text
 * right before it: resolveParticles('pod-1을(를) 옮기기') → 'pod-1을 옮기기'.
 */
export function resolveParticles(text: string): string {
  if (!text.includes('(')) return text;
  return text.replace(DOUBLE_FORM, (form: string, offset: number) => {
    const pair = DOUBLE_FORMS.find(([f]) => f === form)![1];
    const before = text.slice(0, offset);
    return lastSyllable(before) === null ? form : pickParticle(before, pair);
  });
}
