/**
 * What a Cilium node shows: `cilium-dbg service list` (ID, Frontend, Service Type, Backend
 * "n => ip:port/PROTO (active)") and `cilium-dbg bpf lb list` ("SERVICE ADDRESS  BACKEND
 * ADDRESS (REVNAT_ID) (SLOT)", the slot-0 master entry carrying the flags, e.g.
 * "0.0.0.0:0 (1) (0) [ClusterIP, non-routable]" — format as in cilium/cilium#31503), plus a
 * summary of each Maglev table when Maglev is on. Columns are padded like Go's tabwriter.
 */
import { formatIPv4 } from '../../netfilter/ip';
import type { Frontend } from './services';

const pad = (text: string, width: number): string =>
  text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);

/** "10.96.120.15:80/TCP", with "/i" for an internal-scope frontend. */
export function frontendName(f: Frontend): string {
  return `${formatIPv4(f.address)}:${f.port}/${f.protocol}${f.scope === 'internal' ? '/i' : ''}`;
}

/** The flags `bpf lb list` prints on the master entry. */
export function frontendFlags(f: Frontend): string {
  const flags: string[] = [f.type];
  if (f.externalLocal && f.type !== 'ClusterIP') flags.push('Local');
  if (f.internalLocal) flags.push('InternalLocal');
  if (f.twoScopes) flags.push('two-scopes');
  if (f.type === 'ClusterIP') flags.push('non-routable');
  return `[${flags.join(', ')}]`;
}

/** `cilium-dbg service list`. */
export function renderServiceList(frontends: readonly Frontend[]): string {
  const lines = [`${pad('ID', 5)}${pad('Frontend', 26)}${pad('Service Type', 15)}Backend`];
  for (const f of frontends) {
    const type = f.externalLocal && f.type !== 'ClusterIP' && f.scope === 'external' ? `${f.type} (Local)` : f.type;
    const head = `${pad(String(f.id), 5)}${pad(frontendName(f), 26)}${pad(type, 15)}`;
    if (f.backends.length === 0) lines.push(head.trimEnd());
    f.backends.forEach((b, i) => {
      const backend = `${i + 1} => ${b.addr} (${b.endpoint.ready ? 'active' : 'terminating'})`;
      lines.push(i === 0 ? head + backend : ' '.repeat(46) + backend);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** `cilium-dbg bpf lb list`. */
export function renderBpfLbList(frontends: readonly Frontend[]): string {
  const lines = [`${pad('SERVICE ADDRESS', 26)}BACKEND ADDRESS (REVNAT_ID) (SLOT)`];
  for (const f of frontends) {
    lines.push(`${pad(frontendName(f), 26)}0.0.0.0:0 (${f.id}) (0) ${frontendFlags(f)}`);
    f.backends.forEach((b, i) => lines.push(`${' '.repeat(26)}${b.addr} (${f.id}) (${i + 1})`));
  }
  return `${lines.join('\n')}\n`;
}

/** One line per Maglev table: M and how many slots each backend holds. */
export function renderMaglevSummary(frontends: readonly Frontend[], table: (f: Frontend) => Int32Array): string {
  const lines: string[] = [];
  for (const f of frontends) {
    if (f.backends.length === 0) continue;
    const t = table(f);
    const counts = new Map<number, number>();
    for (const id of t) counts.set(id, (counts.get(id) ?? 0) + 1);
    const parts = f.backends.map((b) => `backend ${b.id} (${b.addr}) ${counts.get(b.id) ?? 0}`);
    lines.push(`${frontendName(f)} (${f.id}): M=${t.length}; ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
