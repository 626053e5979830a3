/** The child side of `runWorker`: send the result, or ask the driver something and await its reply. */

let nextId = 0;
const waiting = new Map();
process.on('message', (message) => {
  if (message?.type === 'reply' && waiting.has(message.id)) {
    waiting.get(message.id)(message.payload);
    waiting.delete(message.id);
  }
});

/** Sends the worker's result and disconnects, so the process can exit once its work is done. */
export function sendResult(result) {
  return new Promise((resolve) =>
    process.send({ type: 'result', result }, () => {
      process.disconnect();
      resolve();
    }),
  );
}

/** Asks the driver (e.g. "read the server's CPU now") and resolves with its answer. */
export function ask(payload) {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    process.send({ type: 'ask', id, payload });
  });
}

/** `--name=value` arguments as an object (numbers parsed). */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) continue;
    const value = match[2] ?? 'true';
    args[match[1]] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return args;
}
