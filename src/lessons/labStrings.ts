/**
 * The live lesson's strings for one lab, chosen at build time from the lab's own data so the
 * islands ship no code for the choice: a lab that sends pings speaks of pings and of what ping
 * prints, a lab without externalTrafficPolicy in play is not titled by it, and the diagram's
 * text alternative describes the lab's own cluster.
 */
import type { LabConfig } from '../engine/lab';
import type { LiveStrings } from '../i18n/live/index';
import type { DiagramCluster } from '../components/diagram/layout';
import { fill } from '../text/fill';

/** True when the lab's traffic is pings (ICMP echo requests) rather than TCP connections. */
export function sendsPings(lab: LabConfig): boolean {
  return lab.spec.traffic.connections.some((c) => c.protocol === 'icmp');
}

/** The quiz strings for the lab: a ping's ends read as ping prints them. */
function quizStrings(lab: LabConfig, quiz: LiveStrings['quiz']): LiveStrings['quiz'] {
  if (!sendsPings(lab)) return quiz;
  return {
    ...quiz,
    refused: quiz.unreachable,
    timedOut: quiz.noReply,
    chart: quiz.chartPing,
    about: quiz.aboutPing,
    shareServed: quiz.shareAnswered,
    whyExact: quiz.whyExactPing,
  };
}

/**
 * The diagram strings for the lab: the title names externalTrafficPolicy only where it is in
 * play (a NodePort connection), and the description lists the lab's nodes and pods, leaving
 * `{node}` (the entry node, which follows the controls) for the island.
 */
function diagramStrings(
  lab: LabConfig,
  cluster: DiagramCluster,
  diagram: LiveStrings['diagram'],
): LiveStrings['diagram'] {
  const nodePort = lab.spec.traffic.connections.some((c) => c.to === 'nodePort');
  const pods = cluster.pods.map((p) =>
    fill(p.client ? diagram.descClient : diagram.descPod, { pod: p.name, node: p.nodeName }),
  );
  return {
    ...diagram,
    title: nodePort ? diagram.title : diagram.titleAt,
    desc: fill(diagram.desc, { n: cluster.nodes.length, pods: pods.join(', ') }),
  };
}

/** Every group of the live strings, fitted to `lab`; a lab with a datapath control does not promise iptables rules. */
export function labStrings(strings: LiveStrings, lab: LabConfig, cluster: DiagramCluster): LiveStrings {
  const datapaths = lab.controls.some((c) => c.kind === 'datapath');
  return {
    ...strings,
    live: datapaths ? { ...strings.live, lead: strings.live.leadDatapath } : strings.live,
    quiz: quizStrings(lab, strings.quiz),
    // Cilium is not a kube-proxy mode, so a control that offers it is named for the datapath.
    controls: lab.controls.some((c) => c.kind === 'datapath' && c.values.includes('cilium'))
      ? { ...strings.controls, datapath: strings.controls.datapathAny }
      : strings.controls,
    diagram: diagramStrings(lab, cluster, strings.diagram),
  };
}
