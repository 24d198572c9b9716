// A tiny HTTP BitTorrent tracker for loopback tests: `GET /announce` records the announcer (127.0.0.1 and the
// `port` it gives) per info-hash and answers a bencoded compact peer list of the others. Only loopback peers are
// listed; `event=stopped` forgets the announcer. Enough for two real daemons to find each other with DHT, LSD and
// PeX off.
import { createServer, type Server } from 'node:http';

export interface LoopbackTracker {
  /** `http://127.0.0.1:<port>/announce`, the URL to put in a `.torrent`. */
  announceUrl: string;
  /** Announces received, oldest first (info-hash upper-case hex). */
  announces: Array<{ infoHash: string; port: number; event: string }>;
  close(): Promise<void>;
}

/** The raw bytes of a percent-encoded query value (info_hash is binary, not UTF-8). */
function rawQueryBytes(query: string, name: string): Buffer | null {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq) !== name) continue;
    const value = part.slice(eq + 1);
    const bytes: number[] = [];
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      if (ch === '%') {
        bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
        i += 2;
      } else if (ch === '+') bytes.push(0x20);
      else bytes.push(value.charCodeAt(i));
    }
    return Buffer.from(bytes);
  }
  return null;
}

function bencode(value: number | string | Buffer | Record<string, number | string | Buffer>): Buffer {
  if (typeof value === 'number') return Buffer.from(`i${Math.trunc(value)}e`);
  if (typeof value === 'string') return bencode(Buffer.from(value));
  if (Buffer.isBuffer(value)) return Buffer.concat([Buffer.from(`${value.length}:`), value]);
  const keys = Object.keys(value).sort();
  return Buffer.concat([
    Buffer.from('d'),
    ...keys.flatMap((k) => [bencode(k), bencode(value[k] as number | string | Buffer)]),
    Buffer.from('e'),
  ]);
}

export async function startTracker(): Promise<LoopbackTracker> {
  const swarms = new Map<string, Map<number, number>>(); // info-hash → peer port → last seen
  const announces: LoopbackTracker['announces'] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    const fail = (reason: string) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(bencode({ 'failure reason': reason }));
    if (path !== '/announce') return void res.writeHead(404).end();
    const remote = req.socket.remoteAddress ?? '';
    if (remote !== '127.0.0.1' && remote !== '::ffff:127.0.0.1') return fail('loopback only');
    const hash = rawQueryBytes(query, 'info_hash');
    const params = new URLSearchParams(query);
    const port = Number(params.get('port'));
    if (hash?.length !== 20 || !Number.isInteger(port) || port <= 0 || port > 65535) return fail('bad announce');
    const infoHash = hash.toString('hex').toUpperCase();
    const event = params.get('event') ?? '';
    announces.push({ infoHash, port, event });
    const swarm = swarms.get(infoHash) ?? new Map<number, number>();
    swarms.set(infoHash, swarm);
    if (event === 'stopped') swarm.delete(port);
    else swarm.set(port, Date.now());
    const others = [...swarm.keys()].filter((p) => p !== port);
    const peers = Buffer.alloc(others.length * 6);
    others.forEach((p, i) => {
      peers.set([127, 0, 0, 1], i * 6);
      peers.writeUInt16BE(p, i * 6 + 4);
    });
    res
      .writeHead(200, { 'content-type': 'text/plain' })
      .end(bencode({ complete: swarm.size, incomplete: 0, interval: 5, 'min interval': 1, peers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    announceUrl: `http://127.0.0.1:${port}/announce`,
    announces,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
