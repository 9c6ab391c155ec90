/**
 * The cluster model: the subset of Kubernetes objects that decide where a Service connection
 * goes. Every field mirrors the API field of the same name so manifests map onto it directly;
 * loaders fill in the API defaults, so nothing downstream has to guess them.
 */

/** Transport protocol as the Kubernetes API spells it. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** A node: its name, the InternalIP kube-proxy treats as the node IP, and its pod CIDR. */
export interface Node {
  readonly name: string;
  /** status.addresses[type=InternalIP]; the address the node uses on the LAN. */
  readonly internalIP: string;
  /** spec.podCIDR, e.g. "10.244.1.0/24"; pods on this node get addresses from it. */
  readonly podCIDR: string;
  /** A dual-stack node's IPv6 InternalIP and pod CIDR ("" when it has none), for the IPv6 proxier. */
  readonly ipv6?: { readonly internalIP: string; readonly podCIDR: string };
}

/** One declared container port of a pod (used to resolve named targetPorts). */
export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

/** A pod, reduced to what routing needs. */
export interface Pod {
  readonly namespace: string;
  readonly name: string;
  /** spec.nodeName */
  readonly nodeName: string;
  /** status.podIP */
  readonly ip: string;
  /** A dual-stack pod's IPv6 address (status.podIPs), for the IPv6 proxier. */
  readonly ipv6?: string;
  readonly labels: Readonly<Record<string, string>>;
  /** status.conditions[type=Ready] */
  readonly ready: boolean;
  /** metadata.deletionTimestamp is set */
  readonly terminating: boolean;
  readonly ports: readonly ContainerPort[];
}

/** One port of a Service. */
export interface ServicePort {
  /** May be "" for a single-port Service. */
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
  /** A number, or the name of a container port. */
  readonly targetPort: number | string;
  /** 0 when the Service has no node port for this port. */
  readonly nodePort: number;
}

/** An entry of status.loadBalancer.ingress. */
export interface LoadBalancerIngress {
  readonly ip: string;
  /** "Proxy" entries are not programmed by kube-proxy. */
  readonly ipMode: 'VIP' | 'Proxy';
}

/** The IPv6 family of a dual-stack Service: what kube-proxy's IPv6 proxier is given. */
export interface ServiceIPv6 {
  /** The IPv6 entry of spec.clusterIPs. */
  readonly clusterIP: string;
  readonly externalIPs: readonly string[];
  readonly loadBalancerIngress: readonly LoadBalancerIngress[];
  readonly loadBalancerSourceRanges: readonly string[];
}

/** A Service, with API defaults already applied. */
export interface Service {
  readonly namespace: string;
  readonly name: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** spec.clusterIP; "None" for headless Services (kube-proxy ignores those). */
  readonly clusterIP: string;
  /** spec.selector; undefined means the Service manages no EndpointSlices itself. */
  readonly selector: Readonly<Record<string, string>> | undefined;
  readonly ports: readonly ServicePort[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly sessionAffinity: 'None' | 'ClientIP';
  /** spec.sessionAffinityConfig.clientIP.timeoutSeconds; API default 10800. */
  readonly sessionAffinityTimeoutSeconds: number;
  readonly externalIPs: readonly string[];
  readonly loadBalancerIngress: readonly LoadBalancerIngress[];
  readonly loadBalancerSourceRanges: readonly string[];
  /** spec.healthCheckNodePort; 0 when none. */
  readonly healthCheckNodePort: number;
  /**
   * spec.publishNotReadyAddresses: endpoints derived from pods are marked ready even when the
   * pods are not. Absent means false. Only the EndpointSlice derivation reads it.
   */
  readonly publishNotReadyAddresses?: boolean;
  /** Present on a dual-stack Service (ipFamilies lists IPv6 too); the fields above are IPv4. */
  readonly ipv6?: ServiceIPv6;
}

/** Conditions of one endpoint, as in discovery.k8s.io/v1 (absent = undefined). */
export interface EndpointConditions {
  readonly ready?: boolean;
  readonly serving?: boolean;
  readonly terminating?: boolean;
}

/** One endpoint of an EndpointSlice. */
export interface Endpoint {
  readonly addresses: readonly string[];
  readonly nodeName?: string;
  readonly conditions: EndpointConditions;
  /** targetRef name of the pod, when known; used only for display. */
  readonly podName?: string;
}

/** A port of an EndpointSlice. */
export interface EndpointPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** An EndpointSlice (discovery.k8s.io/v1) of IPv4 or IPv6 addresses (FQDN slices are not proxied). */
export interface EndpointSlice {
  readonly namespace: string;
  readonly name: string;
  /** metadata.labels["kubernetes.io/service-name"] */
  readonly serviceName: string;
  readonly addressType: 'IPv4' | 'IPv6';
  readonly ports: readonly EndpointPort[];
  readonly endpoints: readonly Endpoint[];
}

/** The kube-proxy datapath. */
export type ProxyMode = 'iptables' | 'nftables' | 'ipvs';

/** KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1), the fields that change rules. */
export interface ProxyConfig {
  readonly mode: ProxyMode;
  /** clusterCIDR: the pod network as a whole (used by detectLocalMode ClusterCIDR). */
  readonly clusterCIDR: string;
  readonly detectLocalMode: 'ClusterCIDR' | 'NodeCIDR' | 'None';
  readonly masqueradeAll: boolean;
  /** iptables.masqueradeBit; default 14, so the mark is 0x4000. */
  readonly masqueradeBit: number;
  /** iptables.localhostNodePorts; default true. */
  readonly localhostNodePorts: boolean;
  /** nodePortAddresses; empty means every local address (iptables mode). */
  readonly nodePortAddresses: readonly string[];
  /** The IPv6 entries of clusterCIDR and nodePortAddresses (the fields above keep the IPv4 ones). */
  readonly ipv6?: { readonly clusterCIDR: string; readonly nodePortAddresses: readonly string[] };
}

/** A whole cluster: what kube-proxy on every node would be told by the API server. */
export interface Cluster {
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  /** EndpointSlices of addressType IPv6, kept apart so every IPv4 reader stays IPv4. */
  readonly ipv6EndpointSlices?: readonly EndpointSlice[];
  readonly proxy: ProxyConfig;
  /**
   * Which of kube-proxy's per-family proxiers this cluster is the view of: absent means IPv4.
   * An 'IPv6' view holds IPv6 addresses everywhere (node IP, pod CIDR, ClusterIPs, slices).
   */
  readonly ipFamily?: 'IPv4' | 'IPv6';
}
