import { CODE_SAMPLE_LANGUAGES } from './code-samples.js';

/**
 * The Redocly configuration for the published page, as YAML text (JSON is YAML). It is written
 * next to the temporary bundle so `build-docs` reads it instead of the lint configuration.
 */
export function pageConfig(): string {
  const config = {
    telemetry: 'off',
    openapi: {
      // Only our two samples: no generated curl/Python/… and no empty "Payload" tab for GET calls.
      codeSamples: { languages: CODE_SAMPLE_LANGUAGES },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
