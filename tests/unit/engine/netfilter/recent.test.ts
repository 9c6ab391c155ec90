import { describe, expect, it } from 'vitest';
import { Verdict } from '../../../../src/engine/netfilter/evaluate';
import { RECENT_LIST_SIZE, RecentLists } from '../../../../src/engine/netfilter/recent';
import { compile, dump, env, run } from './harness';

/** A two-rule chain: rule 1 is the recent match under test (DROP), rule 2 sets the list. */
function setup(check: string): { hit: (now: number, src?: string) => boolean; recent: RecentLists } {
  const c = compile(dump('filter', [`-A INPUT -m recent ${check} -j DROP`, '-A FORWARD -m recent --set --name L']));
  const recent = new RecentLists();
  return {
    recent,
    hit: (now, src = '192.168.10.100') =>
      run(c, 'filter', 'INPUT', { src }, env(c, { now, recent })).verdict === Verdict.DROP,
  };
}

function remember(recent: RecentLists, now: number, src = '192.168.10.100', extra = ''): void {
  const c = compile(dump('filter', [`-A INPUT -m recent --set --name L${extra}`]));
  run(c, 'filter', 'INPUT', { src }, env(c, { now, recent }));
}

describe('-m recent', () => {
  it('--set adds the source and always matches', () => {
    const { hit, recent } = setup('--set --name L');
    expect(hit(5)).toBe(true);
    expect(recent.entries('L')).toEqual([[0xc0a80a64, 5]]);
  });
  it('--rcheck matches only a listed source; --seconds limits how old the stamp may be', () => {
    const { hit, recent } = setup('--rcheck --seconds 10 --name L');
    expect(hit(0)).toBe(false);
    remember(recent, 100);
    expect(hit(105)).toBe(true);
    expect(hit(110)).toBe(true); // exactly 10 s old still counts (time_after is strict)
    expect(hit(110.5)).toBe(false);
    expect(hit(105, '192.168.10.101')).toBe(false);
  });
  it('--update refreshes the stamp when it matches', () => {
    const { hit, recent } = setup('--update --seconds 10 --name L');
    remember(recent, 0);
    expect(hit(8)).toBe(true);
    expect(hit(16)).toBe(true); // the update at 8 keeps it alive
    expect(hit(30)).toBe(false);
  });
  it('--remove deletes a listed source and matches once', () => {
    const { hit, recent } = setup('--remove --name L');
    remember(recent, 0);
    expect(hit(1)).toBe(true);
    expect(hit(2)).toBe(false);
  });
  it('--hitcount needs that many stamps inside the window', () => {
    const { hit, recent } = setup('--rcheck --seconds 60 --hitcount 3 --name L');
    remember(recent, 0);
    remember(recent, 1);
    expect(hit(2)).toBe(false);
    remember(recent, 2);
    expect(hit(3)).toBe(true);
  });
  it('--reap drops the least recently used stale entry', () => {
    const { hit, recent } = setup('--rcheck --seconds 10 --reap --name L');
    remember(recent, 0, '10.0.0.1');
    remember(recent, 50, '192.168.10.100');
    expect(hit(55)).toBe(true);
    expect(recent.entries('L').map(([a]) => a)).toEqual([0xc0a80a64]);
  });
  it('! inverts the result', () => {
    const { hit } = setup('! --rcheck --name L');
    expect(hit(0)).toBe(true);
  });
  it('--rdest keys on the destination and --mask groups addresses', () => {
    const recent = new RecentLists();
    remember(recent, 0, '192.168.10.100', ' --mask 255.255.255.0');
    const c = compile(dump('filter', ['-A INPUT -m recent --rcheck --name L --mask 255.255.255.0 -j DROP']));
    expect(run(c, 'filter', 'INPUT', { src: '192.168.10.7' }, env(c, { recent })).verdict).toBe(Verdict.DROP);
    const d = compile(dump('filter', ['-A INPUT -m recent --rcheck --rdest --name L --mask 255.255.255.0 -j DROP']));
    expect(run(d, 'filter', 'INPUT', { src: '1.2.3.4', dst: '192.168.10.12' }, env(d, { recent })).verdict).toBe(
      Verdict.DROP,
    );
  });
  it('keeps at most 100 entries per list, evicting the least recently used', () => {
    const recent = new RecentLists();
    for (let i = 0; i <= RECENT_LIST_SIZE; i++) remember(recent, i, `10.0.${i >> 8}.${i & 255}`);
    const keys = recent.entries('L').map(([a]) => a);
    expect(keys).toHaveLength(RECENT_LIST_SIZE);
    expect(keys).not.toContain(0x0a000000);
  });
});
