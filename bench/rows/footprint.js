/**
 * Row 6: install footprint of the runtime dependencies. Our package is `npm pack`ed (dist/ as
 * just built) and installed with `--omit=dev` into an empty folder; so are the official packages
 * at their pinned versions. `--prefer-offline` uses the npm cache when it can; `--ignore-scripts`
 * runs no install script of any package. Counts: `du -sk node_modules`, files, and packages in
 * the lockfile (the installed package itself excluded); also the apparent size (`du
 * --apparent-size`, without 4 KiB block rounding) and the largest packages.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { line } from '../lib/report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PEERS = ['@alicloud/openapi-client@0.4.15', '@alicloud/openapi-core@1.0.8', '@alicloud/pop-core@1.8.0'];

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function countFiles(dir) {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files += countFiles(join(dir, entry.name));
    else files++;
  }
  return files;
}

function measure(spec, work) {
  const dir = mkdtempSync(join(work, 'install-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'footprint-probe', version: '1.0.0', private: true }),
  );
  npm(['install', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', spec], dir);
  const modules = join(dir, 'node_modules');
  const du = (...args) => Number(execFileSync('du', [...args, modules], { encoding: 'utf8' }).split(/\s/)[0]);
  const kib = du('-sk');
  const apparentKib = du('-sk', '--apparent-size');
  // Which installed packages weigh what (du -sk of each), largest first.
  const largest = execFileSync(
    'sh',
    ['-c', 'du -sk node_modules/* node_modules/@*/* 2>/dev/null | sort -rn | head -8'],
    { cwd: dir, encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(([, p]) => p !== undefined && !/node_modules\/@[^/]+$/.test(p))
    .map(([k, p]) => ({ package: p.replace('node_modules/', ''), kib: Number(k) }));
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((p) => p !== '');
  const direct = Object.keys(lock.packages[''].dependencies ?? {});
  const self = direct.map((name) => `node_modules/${name}`);
  const resolved = Object.fromEntries(
    installed.map((p) => [p.replace(/^.*node_modules\//, ''), lock.packages[p].version]),
  );
  return {
    spec,
    kib,
    apparentKib,
    files: countFiles(modules),
    packages: installed.length - self.length,
    largest,
    resolved,
  };
}

export async function footprintRow(_config, log) {
  const work = mkdtempSync(join(tmpdir(), 'live-relay-footprint-'));
  try {
    // dist/ was built by `npm run bench`; --ignore-scripts skips `prepare` (a second build).
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT));
    const tarball = join(work, packed[0].filename);
    const results = {
      ours: {
        ...measure(tarball, work),
        tarballKib: Math.round(packed[0].size / 1024),
        tarballFiles: packed[0].entryCount,
      },
    };
    for (const spec of PEERS) results[spec] = measure(spec, work);
    for (const [name, r] of Object.entries(results))
      log(
        `  footprint ${name}: ${r.kib} KiB (${r.apparentKib} KiB apparent), ${r.files} files, ${r.packages} packages; largest: ${r.largest
          .slice(0, 4)
          .map((p) => `${p.package} ${p.kib}`)
          .join(', ')}`,
      );
    const ours = results.ours;
    const row = 6;
    const lines = [
      line({
        row,
        measure: 'install footprint (npm install --omit=dev), vs openapi-client',
        unit: 'KiB',
        digits: 0,
        ours: ours.kib,
        peer: results[PEERS[0]].kib,
        peerName: 'openapi-client',
        target: { op: '<=', value: 0.333 },
      }),
      line({
        row,
        measure: 'install footprint, vs openapi-core',
        unit: 'KiB',
        digits: 0,
        ours: ours.kib,
        peer: results[PEERS[1]].kib,
        peerName: 'openapi-core',
      }),
      line({
        row,
        measure: 'install footprint, vs pop-core',
        unit: 'KiB',
        digits: 0,
        ours: ours.kib,
        peer: results[PEERS[2]].kib,
        peerName: 'pop-core',
      }),
      line({
        row,
        measure: 'files installed, vs openapi-client',
        unit: 'files',
        digits: 0,
        ours: ours.files,
        peer: results[PEERS[0]].files,
        peerName: 'openapi-client',
      }),
      line({
        row,
        measure: 'packages installed besides itself, vs openapi-client',
        unit: 'packages',
        digits: 0,
        ours: ours.packages,
        peer: results[PEERS[0]].packages,
        peerName: 'openapi-client',
      }),
    ];
    return { lines, data: results };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
