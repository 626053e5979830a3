/**
 * Moves a running emulator's task clock forward through its control API
 * (`POST /_emulator/clock {"advanceSeconds": N}`) and resolves with the new task time.
 */
export async function advanceEmulatorClock(emulatorUrl: string, seconds: number): Promise<string> {
  const response = await fetch(`${emulatorUrl}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  const body = (await response.json()) as { now?: unknown; Code?: unknown; Message?: unknown };
  if (!response.ok || typeof body.now !== 'string') {
    throw new Error(
      `advancing the emulator clock failed: HTTP ${response.status} ${String(body.Code ?? '')} ${String(body.Message ?? '')}`.trim(),
    );
  }
  return body.now;
}
