import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { leftovers } from './harness/cleanup';
import { KernelCluster } from './harness/kernelCluster';
import { plainCluster } from './harness/plainCluster';
import { describeKernel } from './harness/suite';

// The harness's own plumbing, with no kube-proxy rules loaded: if these fail, a scenario
// failure would say nothing about the engine.

describeKernel('harness plumbing', () => {
  it('routes node → local pod, node → remote pod (host-gw), and tears down without leftovers', async () => {
    const cluster = await KernelCluster.start(plainCluster, { rulesFor: () => '' });
    let left: string[] | undefined;
    try {
      const local = await cluster.probe({
        from: { kind: 'node', name: 'node-1' },
        host: '10.244.1.2',
        port: 8080,
        count: 20,
      });
      expect([...local.perPod]).toEqual([['pod-1', 20]]);
      // The node reaches its own pod over the ptp veth, whose node end holds the .1 gateway.
      expect([...local.seenSources.get('pod-1')!]).toEqual([['10.244.1.1', 20]]);
      const remote = await cluster.probe({
        from: { kind: 'pod', name: 'pod-2' },
        host: '10.244.1.2',
        port: 8080,
        count: 20,
      });
      expect([...remote.seenSources.get('pod-1')!]).toEqual([['10.244.2.2', 20]]);
      const nobody = await cluster.probe({
        from: { kind: 'node', name: 'node-2' },
        host: '10.244.1.2',
        port: 9999,
        count: 5,
      });
      expect([...nobody.failures]).toEqual([['refused', 5]]);
    } finally {
      left = await cluster.close();
    }
    expect(left).toEqual([]);
  });

  it('tears everything down when the process is killed by SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./harness/lifecycleChild.ts', import.meta.url))],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const started = await new Promise<{ prefix: string; pids: number[] }>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out) as { prefix: string; pids: number[] });
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    expect(leftovers(started.prefix).length).toBeGreaterThan(0);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    // Listeners exit when their stdin lifeline closes; give them a moment to be reaped.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leftovers(started.prefix, started.pids)).toEqual([]);
  });
});
