// Row 9's floor: the least a Node command does for one API call, with none of live-relay's work.
// A CommonJS file (as bin/ is, so Node skips its ES module loader) that loads `node:net`, sends
// one unsigned DescribeLivePullToPush GET to the emulator over a fresh loopback connection, reads
// the answer to the end and writes its body to stdout. No bundle, no arguments, no validation, no
// signing, no timer: what a CLI call costs beyond this file is the command's own. The emulator
// refuses the unsigned request early, which flatters the floor a little.
// Usage: node net-call.cjs <port> <path and query>
'use strict';
const { writeSync } = require('node:fs');
const { connect } = require('node:net');

const [port, path] = process.argv.slice(2);
const socket = connect(Number(port), '127.0.0.1');
let answer = '';
socket.setEncoding('utf8');
socket.on('connect', () => {
  socket.write(
    `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept: application/json\r\n` +
      'x-acs-action: DescribeLivePullToPush\r\nx-acs-version: 2016-11-01\r\nconnection: close\r\n\r\n',
  );
});
socket.on('data', (chunk) => {
  answer += chunk;
});
socket.on('end', () => {
  writeSync(1, answer.slice(answer.indexOf('\r\n\r\n') + 4));
});
