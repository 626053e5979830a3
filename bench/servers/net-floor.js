/**
 * Row 3's floor: not an HTTP server, the least a server on `node:net` must do per request to
 * answer the load generator's keep-alive GETs. It finds the end of each request head (they carry
 * no body), splits its lines into a header map (so the head is read, not skipped) and answers the
 * bare server's 48-byte JSON with one write. No validation, no limits, no timers: what the bare
 * `node:http` server costs beyond it is `node:http`'s share, and what remains is the socket's.
 */
import { createServer } from 'node:net';
import { BARE_ANSWER } from '../lib/params.js';
import { serveStats } from './stats-channel.js';

const head =
  'HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=utf-8\r\n' +
  `content-length: ${Buffer.byteLength(BARE_ANSWER)}\r\nconnection: keep-alive\r\nkeep-alive: timeout=60\r\n`;
let requests = 0;

const server = createServer({ noDelay: true }, (socket) => {
  let pending = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk) => {
    pending += chunk;
    for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
      const lines = pending.slice(0, end).split('\r\n');
      const headers = Object.create(null);
      for (let i = 1; i < lines.length; i++) {
        const colon = lines[i].indexOf(':');
        headers[lines[i].slice(0, colon).toLowerCase()] = lines[i].slice(colon + 1).trim();
      }
      pending = pending.slice(end + 4);
      requests++;
      socket.write(`${head}date: ${new Date().toUTCString()}\r\n\r\n${BARE_ANSWER}`, 'latin1');
    }
  });
  socket.on('error', () => socket.destroy());
});
server.listen(0, '127.0.0.1', () => {
  serveStats(() => requests);
  process.send({ type: 'ready', port: server.address().port });
});
