/**
 * The bare server: node:http on 127.0.0.1 answering every request with the same 48-byte JSON,
 * keep-alive on. It reads nothing. Run as a child with an IPC channel: it reports `ready` with its
 * port and answers `stats` with its CPU time and request count.
 */
import { createServer } from 'node:http';
import { BARE_ANSWER } from '../lib/params.js';
import { serveStats } from './stats-channel.js';

const body = Buffer.from(BARE_ANSWER);
let requests = 0;
const server = createServer({ keepAliveTimeout: 60_000, noDelay: true }, (_req, res) => {
  requests++;
  res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  serveStats(() => requests);
  process.send({ type: 'ready', port: server.address().port });
});
