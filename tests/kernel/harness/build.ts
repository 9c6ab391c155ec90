import { inNetns, run } from './exec';
import type { NamespacePlan } from './plan';

function batch(lines: readonly string[], netns?: string): void {
  const argv = netns ? ['ip', '-n', netns, '-batch', '-'] : ['ip', '-batch', '-'];
  run(argv, { input: lines.map((l) => `${l}\n`).join('') });
}

/**
 * Creates the namespaces of a plan: one `ip -batch` in the root namespace makes every netns
 * and veth pair (each end created directly inside its namespace, so nothing appears in the
 * host's own namespace even for a moment), then one batch per namespace sets addresses and
 * routes. A few processes in total keep setup well under a second.
 */
export function buildNamespaces(plan: NamespacePlan): void {
  const root: string[] = plan.allNetns.map((n) => `netns add ${n}`);
  const lanMembers = [...plan.nodes, plan.client];
  for (const member of lanMembers) {
    root.push(
      `link add ${member.lanInterface} netns ${member.netns} type veth peer name ${member.lanPort} netns ${plan.lan.netns}`,
    );
  }
  const podsWithNetns = plan.pods.filter((p) => !p.hostNetwork);
  for (const pod of podsWithNetns) {
    const node = plan.nodes.find((n) => n.name === pod.nodeName)!;
    root.push(
      `link add ${pod.podInterface} netns ${pod.netns} type veth peer name ${pod.nodeInterface} netns ${node.netns}`,
    );
  }
  batch(root);

  const lan = [`link set lo up`, `link add ${plan.lan.bridge} type bridge`, `link set ${plan.lan.bridge} up`];
  lan.push(`addr add ${plan.lan.gateway}/${plan.lan.prefixLength} dev ${plan.lan.bridge}`);
  for (const member of lanMembers) {
    lan.push(`link set ${member.lanPort} master ${plan.lan.bridge}`, `link set ${member.lanPort} up`);
  }
  batch(lan, plan.lan.netns);

  for (const node of plan.nodes) {
    const lines = [
      'link set lo up',
      `addr add ${node.ip}/${plan.lan.prefixLength} dev ${node.lanInterface}`,
      `link set ${node.lanInterface} up`,
    ];
    for (const pod of node.pods.filter((p) => !p.hostNetwork)) {
      lines.push(
        `addr add ${pod.gateway}/32 dev ${pod.nodeInterface}`,
        `link set ${pod.nodeInterface} up`,
        `route add ${pod.ip}/32 dev ${pod.nodeInterface}`,
      );
    }
    for (const route of node.routes) lines.push(`route add ${route.to} via ${route.via}`);
    batch(lines, node.netns);
    run(inNetns(node.netns, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']));
  }

  for (const pod of podsWithNetns) {
    batch(
      [
        'link set lo up',
        `addr add ${pod.ip}/32 dev ${pod.podInterface}`,
        `link set ${pod.podInterface} up`,
        `route add ${pod.gateway}/32 dev ${pod.podInterface}`,
        `route add default via ${pod.gateway} dev ${pod.podInterface}`,
      ],
      pod.netns,
    );
  }

  const client = plan.client;
  batch(
    [
      'link set lo up',
      `addr add ${client.ip}/${plan.lan.prefixLength} dev ${client.lanInterface}`,
      ...client.extraIPs.map((ip) => `addr add ${ip}/${plan.lan.prefixLength} dev ${client.lanInterface}`),
      `link set ${client.lanInterface} up`,
      ...client.routes.map((r) => `route add ${r.to} via ${r.via}`),
    ],
    client.netns,
  );
}

/** Sets sysctls inside a namespace, e.g. lifting the ICMP rate limit on a node. */
export function setSysctls(netns: string, settings: Readonly<Record<string, string | number>>): void {
  const args = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  if (args.length > 0) run(inNetns(netns, ['sysctl', '-q', '-w', ...args]));
}
