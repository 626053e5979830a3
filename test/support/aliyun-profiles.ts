import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `config` as the Aliyun CLI profile file of `home` (`~/.aliyun/config.json`). */
export async function writeProfileFile(home: string, config: unknown): Promise<void> {
  await mkdir(join(home, '.aliyun'));
  await writeFile(join(home, '.aliyun', 'config.json'), JSON.stringify(config));
}

/** A fresh temporary home folder named `prefix…` whose profile file holds `config`; the caller removes it. */
export async function homeWithProfiles(prefix: string, config: unknown): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), prefix));
  await writeProfileFile(home, config);
  return home;
}
