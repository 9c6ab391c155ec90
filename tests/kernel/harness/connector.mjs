// One source namespace's client: opens independent TCP connections (each from its own source
// port, so conntrack sees a new flow and kube-proxy's random choice is made afresh) and prints
// one JSON array with the outcome of each, in order. With several local addresses, connection
// i uses address i mod n; `rounds` runs round r (every address's r-th connection) only after
// round r-1 has finished, so a client's first connection is alone when affinity is recorded.
import net from 'node:net';

const { host, port, perAddress, localAddresses, rounds, concurrency, timeoutMs, firstPort } = JSON.parse(
  process.argv[2] ?? '{}',
);

const errorOutcome = {
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ECONNRESET: 'reset',
};
const addresses = localAddresses.length > 0 ? localAddresses : [null];
const total = perAddress * addresses.length;

function once(index) {
  const local = addresses[index % addresses.length];
  return new Promise((resolve) => {
    const options = { host, port, localPort: firstPort + index };
    if (local) options.localAddress = local;
    let settled = false;
    let reply = '';
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(local ? { ...result, local } : result);
    };
    const socket = net.connect(options);
    const timer = setTimeout(() => finish({ outcome: 'timeout' }), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('end', () => {
      try {
        const { pod, peer, peerPort } = JSON.parse(reply);
        // The port the pod saw beside the one this end bound: SNAT may have changed it.
        finish({ outcome: 'answered', pod, peer, peerPort, localPort: options.localPort });
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

async function pool(indices) {
  let next = 0;
  const worker = async () => {
    while (next < indices.length) {
      const index = indices[next++];
      results[index] = await once(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, indices.length) }, worker));
}

const results = new Array(total);
const all = Array.from({ length: total }, (_, i) => i);
if (rounds) {
  for (let r = 0; r < perAddress; r++) await pool(all.slice(r * addresses.length, (r + 1) * addresses.length));
} else {
  await pool(all);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
