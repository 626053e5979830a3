import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/** Where Debian's libnginx-mod-rtmp puts the module (`dpkg -L libnginx-mod-rtmp`). */
export const NGINX_RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';

function onPath(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

export const ffmpegPath = onPath('ffmpeg');
export const ffprobePath = onPath('ffprobe');
export const nginxPath = onPath('nginx');

const missing = [
  ffmpegPath === undefined ? 'ffmpeg' : undefined,
  ffprobePath === undefined ? 'ffprobe' : undefined,
  nginxPath === undefined ? 'nginx' : undefined,
  existsSync(NGINX_RTMP_MODULE) ? undefined : 'libnginx-mod-rtmp',
].filter((name) => name !== undefined);

/**
 * `describe` when ffmpeg, ffprobe, nginx and its RTMP module are installed; otherwise a skipped
 * suite whose name says what is missing and how to install it.
 */
export function describeWithMediaTools(name: string, body: () => void): void {
  if (missing.length === 0) describe(name, body);
  else
    describe.skip(
      `${name} [skipped: ${missing.join(', ')} not installed; apt-get install ffmpeg nginx libnginx-mod-rtmp]`,
      body,
    );
}
