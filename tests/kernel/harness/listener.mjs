// A pod's server: accepts TCP connections on the given ports, answers each with the pod's name
// and the peer address it saw (so the client learns both), and logs one line per connection
// on stdout for the harness. Exits when stdin closes, so it never outlives the harness.
// `host` is the address to bind: 0.0.0.0 unless given, "::" for an IPv6 backend.
import net from 'node:net';

const { pod, ports, host = '0.0.0.0' } = JSON.parse(process.argv[2] ?? '{}');
let pending = ports.length;
for (const port of ports) {
  const server = net.createServer((socket) => {
    const peer = socket.remoteAddress ?? '?';
    const peerPort = socket.remotePort ?? 0;
    process.stdout.write(`C ${port} ${peer} ${peerPort}\n`);
    socket.on('error', () => {});
    socket.end(`${JSON.stringify({ pod, peer, peerPort, port })}\n`);
  });
  server.on('error', (error) => {
    process.stdout.write(`E ${port} ${error.code ?? error.message}\n`);
    process.exit(1);
  });
  server.listen({ port, host, backlog: 1024 }, () => {
    if (--pending === 0) process.stdout.write('READY\n');
  });
}
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
