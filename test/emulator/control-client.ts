/** The emulator's control routes, over HTTP, for tests. */
import type { ClockControl } from './lifecycle-script.js';
import { type RawResponse, sendRaw } from './signed-request.js';

export async function control(
  baseUrl: string,
  method: 'GET' | 'POST' | 'DELETE',
  route: string,
  body?: unknown,
): Promise<RawResponse> {
  return sendRaw(baseUrl, {
    method,
    path: `/_emulator/${route}`,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

/** The task clock of the emulator at `baseUrl`, through `/_emulator/clock`. */
export function clockControl(baseUrl: string): ClockControl {
  return {
    async now() {
      const res = await control(baseUrl, 'GET', 'clock');
      return new Date(res.body.now);
    },
    async advance(seconds) {
      const res = await control(baseUrl, 'POST', 'clock', { advanceSeconds: seconds });
      if (res.status !== 200) throw new Error(`clock advance failed: ${res.text}`);
    },
  };
}
