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

/** An EndpointSlice (discovery.k8s.io/v1), IPv4 only. */
export interface EndpointSlice {
  readonly namespace: string;
  readonly name: string;
  /** metadata.labels["kubernetes.io/service-name"] */
  readonly serviceName: string;
  readonly addressType: 'IPv4';
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
}

/** A whole cluster: what kube-proxy on every node would be told by the API server. */
export interface Cluster {
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  readonly services: readonly Service[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly proxy: ProxyConfig;
}
