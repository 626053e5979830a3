/**
 * The IPC side of a benchmark server: answers `stats` with the process's CPU time and a request
 * count, and exits when the parent disconnects (so a crashed driver leaves no server behind).
 */
export function serveStats(requestCount) {
  process.on('message', (message) => {
    if (message?.type === 'stats') {
      process.send({
        type: 'stats',
        id: message.id,
        cpu: process.cpuUsage(),
        requests: requestCount(),
        rss: process.memoryUsage.rss(),
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
}
