/**
 * A dual-stack cluster as one Simulation. kube-proxy runs one proxier per family
 * (pkg/proxy/metaproxier), and the kernel keeps the families apart, so an IPv6 connection
 * meets only the IPv6 proxier's rules, the nodes' IPv6 addresses and the pods' IPv6 addresses:
 * the IPv6 view of the cluster (model/family.ts) walked as a network of its own. Each
 * connection goes to the simulation of its destination's family; `rules` and `problems`
 * are the IPv4 network's, as before.
 */
import { familyOf, parseAddress } from '../netfilter/ip';
import { ConnectionError } from '../network/resolve';
import type { ConnectionSpec } from '../network/types';
import type { Session, Simulation } from './simulation';

/** The family of a connection's destination (4 when it does not parse: the IPv4 walk reports it). */
function familyOfSpec(spec: ConnectionSpec): 4 | 6 {
  const ip = parseAddress(spec.to.ip);
  return ip === null ? 4 : familyOf(ip);
}

/**
 * `ipv4` for IPv4 destinations, `ipv6()` (built on first use; null when no node has an IPv6
 * address) for IPv6 ones.
 */
export function dualStackSimulation(ipv4: Simulation, ipv6: () => Simulation | null): Simulation {
  let built: Simulation | null | undefined;
  const v6 = (spec: ConnectionSpec): Simulation => {
    if (built === undefined) built = ipv6();
    if (built === null)
      throw new ConnectionError(
        'to.ip',
        `${spec.to.ip} is IPv6, and no node of this cluster has an IPv6 InternalIP (a dual-stack node lists one beside its IPv4 address)`,
      );
    return built;
  };
  const pick = (spec: ConnectionSpec): Simulation => (familyOfSpec(spec) === 6 ? v6(spec) : ipv4);
  return {
    nodes: ipv4.nodes,
    rules: (node) => ipv4.rules(node),
    problems: (node) => ipv4.problems(node),
    exact: (spec, options) => pick(spec).exact(spec, options),
    sample: (spec, seed, options) => pick(spec).sample(spec, seed, options),
    run(connection, options) {
      const specs = Array.isArray(connection)
        ? (connection as readonly ConnectionSpec[])
        : [connection as ConnectionSpec];
      const first = specs[0];
      if (first === undefined) return ipv4.run(connection, options);
      const mixed = specs.find((s) => familyOfSpec(s) !== familyOfSpec(first));
      if (mixed)
        throw new ConnectionError(
          'to.ip',
          `one run walks one family: ${first.to.ip} and ${mixed.to.ip} are of different IP families`,
        );
      return pick(first).run(connection, options);
    },
    session(seed) {
      // Each family keeps its own state (conntrack, recent lists), as the kernel does.
      const sessions = new Map<Simulation, Session>();
      return {
        connect(spec, options) {
          const sim = pick(spec);
          let s = sessions.get(sim);
          if (!s) {
            s = sim.session(seed);
            sessions.set(sim, s);
          }
          return s.connect(spec, options);
        },
      };
    },
  };
}
