import { stringify } from 'yaml';
import type { Cluster, EndpointSlice, Node, Pod, ProxyConfig, Service } from './types';
import { SERVICE_NAME_LABEL } from './load/readEndpointSlice';

/**
 * Writes a Cluster back as Kubernetes manifests (multi-document YAML) that loadManifests reads
 * into an equal Cluster. EndpointSlices are written out explicitly, so derived ones survive the
 * round trip even if pods are edited afterwards. Pods get one container holding all their ports
 * (the model does not keep container names); a terminating pod gets a fixed placeholder
 * deletionTimestamp, because the model only knows *that* it is being deleted. A dual-stack
 * cluster is written dual-stack: each object lists its IPv4 address first and its IPv6 one
 * second, as the API server orders them on a cluster whose primary family is IPv4.
 */
export function toManifests(cluster: Cluster): string {
  const docs: unknown[] = [
    ...cluster.nodes.map(nodeManifest),
    ...cluster.pods.map(podManifest),
    ...cluster.services.map(serviceManifest),
    ...cluster.endpointSlices.map(sliceManifest),
    ...(cluster.ipv6EndpointSlices ?? []).map(sliceManifest),
    proxyManifest(cluster.proxy),
  ];
  return docs.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
}

function nodeManifest(node: Node): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name },
    spec: {
      podCIDR: node.podCIDR,
      podCIDRs: node.ipv6?.podCIDR ? [node.podCIDR, node.ipv6.podCIDR] : [node.podCIDR],
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.internalIP },
        ...(node.ipv6 ? [{ type: 'InternalIP', address: node.ipv6.internalIP }] : []),
      ],
    },
  };
}

function podManifest(pod: Pod): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: pod.namespace,
      ...(Object.keys(pod.labels).length > 0 ? { labels: { ...pod.labels } } : {}),
      ...(pod.terminating ? { deletionTimestamp: '1970-01-01T00:00:00Z' } : {}),
    },
    spec: {
      nodeName: pod.nodeName,
      containers: [
        {
          name: 'main',
          ...(pod.ports.length > 0
            ? {
                ports: pod.ports.map((p) => ({
                  ...(p.name === undefined ? {} : { name: p.name }),
                  containerPort: p.containerPort,
                  protocol: p.protocol,
                })),
              }
            : {}),
        },
      ],
    },
    status: {
      phase: 'Running',
      podIP: pod.ip,
      podIPs: pod.ipv6 === undefined ? [{ ip: pod.ip }] : [{ ip: pod.ip }, { ip: pod.ipv6 }],
      conditions: [{ type: 'Ready', status: pod.ready ? 'True' : 'False' }],
    },
  };
}

function serviceManifest(svc: Service): unknown {
  const v6 = svc.ipv6;
  const spec: Record<string, unknown> = {
    type: svc.type,
    clusterIP: svc.clusterIP,
    ...(svc.clusterIP === 'None' ? {} : { clusterIPs: v6 ? [svc.clusterIP, v6.clusterIP] : [svc.clusterIP] }),
    ...(v6 ? { ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4', 'IPv6'] } : {}),
    ...(svc.selector === undefined ? {} : { selector: { ...svc.selector } }),
    ports: svc.ports.map((p) => ({
      ...(p.name === '' ? {} : { name: p.name }),
      protocol: p.protocol,
      port: p.port,
      targetPort: p.targetPort,
      ...(p.nodePort === 0 ? {} : { nodePort: p.nodePort }),
    })),
    externalTrafficPolicy: svc.externalTrafficPolicy,
    internalTrafficPolicy: svc.internalTrafficPolicy,
    sessionAffinity: svc.sessionAffinity,
  };
  if (svc.type === 'LoadBalancer' && svc.ports.every((p) => p.nodePort === 0))
    spec['allocateLoadBalancerNodePorts'] = false;
  if (svc.sessionAffinity === 'ClientIP' || svc.sessionAffinityTimeoutSeconds !== 10800) {
    spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: svc.sessionAffinityTimeoutSeconds } };
  }
  const externalIPs = [...svc.externalIPs, ...(v6?.externalIPs ?? [])];
  const sourceRanges = [...svc.loadBalancerSourceRanges, ...(v6?.loadBalancerSourceRanges ?? [])];
  const ingress = [...svc.loadBalancerIngress, ...(v6?.loadBalancerIngress ?? [])];
  if (externalIPs.length > 0) spec['externalIPs'] = externalIPs;
  if (sourceRanges.length > 0) spec['loadBalancerSourceRanges'] = sourceRanges;
  if (svc.healthCheckNodePort !== 0) spec['healthCheckNodePort'] = svc.healthCheckNodePort;
  if (svc.publishNotReadyAddresses === true) spec['publishNotReadyAddresses'] = true;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: svc.name, namespace: svc.namespace },
    spec,
    ...(ingress.length > 0
      ? { status: { loadBalancer: { ingress: ingress.map((i) => ({ ip: i.ip, ipMode: i.ipMode })) } } }
      : {}),
  };
}

function sliceManifest(slice: EndpointSlice): unknown {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: slice.name,
      namespace: slice.namespace,
      labels: { [SERVICE_NAME_LABEL]: slice.serviceName },
    },
    addressType: slice.addressType,
    ports: slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
    endpoints: slice.endpoints.map((e) => ({
      addresses: [...e.addresses],
      conditions: { ...e.conditions },
      ...(e.nodeName === undefined ? {} : { nodeName: e.nodeName }),
      ...(e.podName === undefined ? {} : { targetRef: { kind: 'Pod', namespace: slice.namespace, name: e.podName } }),
    })),
  };
}

function proxyManifest(proxy: ProxyConfig): unknown {
  // One field per family, comma-separated, as kube-proxy's --cluster-cidr takes it.
  const clusterCIDR = [proxy.clusterCIDR, proxy.ipv6?.clusterCIDR ?? ''].filter((c) => c !== '').join(',');
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode: proxy.mode,
    clusterCIDR,
    detectLocalMode: proxy.detectLocalMode,
    iptables: {
      masqueradeAll: proxy.masqueradeAll,
      masqueradeBit: proxy.masqueradeBit,
      localhostNodePorts: proxy.localhostNodePorts,
    },
    nodePortAddresses: [...proxy.nodePortAddresses, ...(proxy.ipv6?.nodePortAddresses ?? [])],
  };
}
