// One source's client: opens `count` independent TCP connections (each from its own source
// port, so conntrack sees a new flow and kube-proxy's random choice is made afresh), at most
// `concurrency` at a time, and prints one JSON array with the outcome of each.
import net from 'node:net';

const { host, port, count, concurrency, timeoutMs, firstPort, localAddress } = JSON.parse(process.argv[2] ?? '{}');

const errorOutcome = { ECONNREFUSED: 'refused', EHOSTUNREACH: 'unreachable', ENETUNREACH: 'unreachable', ECONNRESET: 'reset' };

function once(index) {
  return new Promise((resolve) => {
    const options = { host, port, localPort: firstPort + index };
    if (localAddress) options.localAddress = localAddress;
    let settled = false;
    let reply = '';
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const socket = net.connect(options);
    const timer = setTimeout(() => finish({ outcome: 'timeout' }), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('end', () => {
      try {
        const { pod, peer } = JSON.parse(reply);
        finish({ outcome: 'answered', pod, peer });
      } catch {
        finish({ outcome: 'error', error: `bad reply ${JSON.stringify(reply.slice(0, 80))}` });
      }
    });
    socket.on('error', (error) => {
      const code = error.code ?? error.message;
      finish({ outcome: errorOutcome[code] ?? 'error', error: code });
    });
  });
}

const results = new Array(count);
let next = 0;
async function worker() {
  while (next < count) {
    const index = next++;
    results[index] = await once(index);
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
process.stdout.write(`${JSON.stringify(results)}\n`);
