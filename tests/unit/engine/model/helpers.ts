import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../../../../src/engine/model/loadManifests';

/** A fixture under tests/fixtures. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');
}

/** code@path (line) of every problem, for compact assertions. */
export function problems(result: LoadResult, severity: 'error' | 'warning' = 'error'): string[] {
  const list = severity === 'error' ? result.errors : result.warnings;
  return list.map((e) => `${e.code}@${e.path}${e.line === undefined ? '' : `:${e.line}`}`);
}

/** One Node document and a separator (lines 1-6). */
export const NODE_ONLY = `apiVersion: v1
kind: Node
metadata: {name: n1}
spec: {podCIDR: 10.244.1.0/24}
status: {addresses: [{type: InternalIP, address: 192.168.10.11}]}
---
`;

/** A minimal valid prefix (one node, a proxy config; lines 1-10) to append objects to. */
export const ONE_NODE = `${NODE_ONLY}apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clusterCIDR: 10.244.0.0/16
---
`;
