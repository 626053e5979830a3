/** What the numbers were measured on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

function tool(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function machineInfo() {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    npm: tool('npm', ['--version']),
    hyperfine: tool('hyperfine', ['--version']),
    redisServer: tool('redis-server', ['--version'])?.split(' ').slice(0, 3).join(' '),
  };
}

/** 1-minute load average: on a shared machine it says how much the numbers can be trusted. */
export function load() {
  return Math.round(os.loadavg()[0] * 100) / 100;
}
