/**
 * The CLI against hostile input, as a fuzz campaign: special files, huge counts, fan-out in both
 * rule languages, exponential statistic branches, malformed addresses and terminal escapes.
 * Every case must end with exit 0 or 2 — never 1 (a bug) — with every error on one escaped line.
 * The time and memory bounds are checked by running the real process (see the last test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { InputRefused, readBounded } from '../../../src/cli/readInput';
import { hasUnsafeCharacters } from '../../../src/text/inert';

async function run(argv: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    read: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

function expectClean(r: { code: number; out: string; err: string }): void {
  expect([0, 2]).toContain(r.code);
  // Every stderr line is one message, with nothing that could drive a terminal.
  for (const line of r.err.split('\n').filter(Boolean)) {
    expect(line.startsWith('trace: ')).toBe(true);
    expect(hasUnsafeCharacters(line)).toBe(false);
  }
  expect(hasUnsafeCharacters(r.out.replace(/\n/g, ''))).toBe(false);
  if (r.code === 2) expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
}

const RULES = ['--local-ip', '192.168.10.12', '--dst', '192.168.10.12:30080'];

function nftFan(depth: number, quoted: boolean, vmap: boolean): string {
  const q = (n: string) => (quoted ? `"${n}"` : n);
  const l = [
    'table ip t {',
    '  chain base {',
    '    type filter hook prerouting priority 0; policy accept;',
    `    jump ${q('c1')}`,
    `    jump ${q('c1')}`,
    '  }',
  ];
  for (let i = 1; i <= depth; i++) {
    const next = q(`c${i + 1}`);
    l.push(
      `  chain c${i} {`,
      ...(i < depth
        ? [vmap ? `    meta l4proto vmap { tcp : jump ${next} }` : `    jump ${next}`, `    jump ${next}`]
        : ['    counter']),
      '  }',
    );
  }
  return [...l, '}', ''].join('\n');
}

function iptFan(depth: number): string {
  const l = ['*filter', ':INPUT ACCEPT [0:0]', ':FORWARD ACCEPT [0:0]', ':OUTPUT ACCEPT [0:0]'];
  for (let i = 1; i <= depth; i++) l.push(`:F${i} - [0:0]`);
  l.push('-A INPUT -j F1', '-A FORWARD -j F1');
  for (let i = 1; i < depth; i++) l.push(`-A F${i} -j F${i + 1}`, `-A F${i} -j F${i + 1}`);
  return [...l, 'COMMIT', ''].join('\n');
}

function statistic(levels: number): string {
  const l = [
    '*nat',
    ':PREROUTING ACCEPT [0:0]',
    ':INPUT ACCEPT [0:0]',
    ':OUTPUT ACCEPT [0:0]',
    ':POSTROUTING ACCEPT [0:0]',
  ];
  for (let i = 1; i <= levels; i++) l.push(`:S${i} - [0:0]`);
  l.push('-A PREROUTING -j S1');
  for (let i = 1; i < levels; i++)
    l.push(`-A S${i} -m statistic --mode random --probability 0.5 -j S${i + 1}`, `-A S${i} -j S${i + 1}`);
  return [...l, `-A S${levels} -j ACCEPT`, 'COMMIT', ''].join('\n');
}

describe('CLI against hostile input', () => {
  it('refuses special files and oversized files in one line, without reading them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    for (const path of ['/dev/zero', '/dev/urandom', dir, fifo]) {
      expect(() => readBounded(path)).toThrow(InputRefused);
    }
    const big = join(dir, 'big.rules');
    writeFileSync(big, 'x'.repeat(2048));
    expect(() => readBounded(big, 1024)).toThrow(/larger than/);
    expect(readBounded(big, 4096)).toHaveLength(2048);
  });

  it('fan-out in both languages (quoted names, verdict maps) exits 2 naming the rule and line', async () => {
    for (const [name, text] of [
      ['nft.nft', nftFan(24, false, false)],
      ['quoted.nft', nftFan(24, true, false)],
      ['vmap.nft', nftFan(24, false, true)],
      ['ipt.rules', iptFan(30)],
    ] as const) {
      const r = await run(['--rules', name, ...RULES], { [name]: text });
      expectClean(r);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/fan out: .*rule 1 \(line \d+\)/);
    }
  });

  it('exponential statistic branches exit 2 pointing to --count, and --count still answers', async () => {
    const files = { 'stat.rules': statistic(17) };
    const exact = await run(['--rules', 'stat.rules', ...RULES], files);
    expectClean(exact);
    expect(exact.code).toBe(2);
    expect(exact.err).toMatch(/random decisions on one path, from nat S1 rule 1 \(line \d+\).*--count N/);
    const sampled = await run(['--rules', 'stat.rules', ...RULES, '--count', '2000'], files);
    expectClean(sampled);
    expect(sampled.code).toBe(0);
    expect(sampled.out).toContain('Sampled 2000 connections');
  }, 60_000);

  it('huge counts are refused with the documented bound', async () => {
    const r = await run(['--rules', 'x', ...RULES, '--count', '1000000000'], {});
    expect(r).toMatchObject({
      code: 2,
      err: 'trace: --count must be a whole number from 1 to 100000000, not "1000000000"\n',
    });
  });

  it('fuzzed rule files and addresses: exit 0 or 2, one clean line per message', async () => {
    const word = fc.constantFrom(
      '-A',
      'PREROUTING',
      'INPUT',
      '-j',
      'DNAT',
      '--to-destination',
      '10.0.0.1:80',
      'ACCEPT',
      '-m',
      'statistic',
      '--mode',
      'random',
      '--probability',
      '0.5',
      '\u001b]0;x\u0007',
      '\u202e',
      '\r',
      '"q',
      'KUBE-X',
      'jump',
      'table',
      'chain',
      '{',
      '}',
      'vmap',
    );
    const line = fc.array(word, { maxLength: 10 }).map((w) => w.join(' '));
    const ip = fc.oneof(
      fc.ipV4(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('1.2.3', '256.1.1.1', '1.2.3.4:99999', '\u202e1.2.3.4', '1.2.3.4\n'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 20 }), ip, ip, fc.boolean(), async (lines, local, dst, nat) => {
        const text = [nat ? '*nat' : 'table ip t {', ...lines, nat ? 'COMMIT' : '}', ''].join('\n');
        expectClean(await run(['--rules', 'f', '--local-ip', local, '--dst', `${dst}:80`], { f: text }));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the real process: /dev/zero, a FIFO and fan-out end with exit 2 in seconds and modest memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const fifo = join(dir, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const fan = join(dir, 'fan.nft');
    writeFileSync(fan, nftFan(40, true, false));
    for (const file of ['/dev/zero', fifo, fan]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/trace.ts', '--rules', file, ...RULES], {
        encoding: 'utf8',
        timeout: 60_000,
        // A runaway read or walk would pass this heap long before it finished.
        env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=400' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 180_000);
});
