// Started by harness.test.ts: builds a cluster, reports its prefix and listener pids, then
// waits to be killed by a signal, to prove the signal handlers tear everything down.
import { KernelCluster } from './kernelCluster';
import { plainCluster } from './plainCluster';

const cluster = await KernelCluster.start(plainCluster, { rulesFor: () => '' });
process.stdout.write(`${JSON.stringify({ prefix: cluster.plan.prefix, pids: cluster.listenerPids() })}\n`);
setInterval(() => {}, 1_000);
