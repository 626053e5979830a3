/** Every webhook example of spec/openapi.yaml parses, read from the YAML itself. */
import { readFileSync } from 'node:fs';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { webhookNames, webhooks } from '../../generated/operations.js';
import { eventValidators } from '../../generated/validators.js';
import { parseLiveEvent } from '../../src/events/index.js';

interface Example {
  readonly summary?: string;
  readonly value?: unknown;
  readonly $ref?: string;
}

const spec = parseYaml(readFileSync(new URL('../../spec/openapi.yaml', import.meta.url), 'utf8')) as {
  webhooks: Record<
    string,
    { post: { requestBody: { content: Record<string, { examples?: Record<string, Example> }> } } }
  >;
  components: { examples?: Record<string, Example> };
};

/** The examples of one webhook's JSON body, with `$ref`s to components/examples resolved. */
function examplesOf(name: string): [string, Record<string, unknown>][] {
  const examples = spec.webhooks[name]?.post.requestBody.content['application/json']?.examples ?? {};
  return Object.entries(examples).map(([key, example]) => {
    const resolved =
      example.$ref === undefined
        ? example
        : spec.components.examples?.[example.$ref.replace('#/components/examples/', '')];
    return [key, resolved?.value as Record<string, unknown>];
  });
}

describe.each(webhookNames.map((name) => [name]))('the spec examples of webhook %s', (name) => {
  const examples = examplesOf(name);

  it('exist', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s parses to the documented event name, keeping every field', (_key, body) => {
    expect(eventValidators[name](body), JSON.stringify(eventValidators[name].errors)).toBe(true);
    const event = parseLiveEvent(JSON.stringify(body));
    expect(event.Event).toBe(name);
    expect(webhooks[name].eventNames).toContain(event.receivedEventName);
    expect(event.receivedEventName).toBe(body['Event']);
    for (const [field, value] of Object.entries(body)) if (field !== 'Event') expect(event[field]).toEqual(value);
    expect(event.eventDate.getTime()).toBe(Number(body['EventTime']) * 1000);
  });
});

it("the vendor's misspelt sample is among the examples and is normalised", () => {
  const misspelt = webhookNames
    .flatMap((name) => examplesOf(name))
    .filter(([, body]) => body['Event'] === 'LivePullToPushRuning');
  expect(misspelt.length).toBeGreaterThan(0);
  for (const [, body] of misspelt) expect(parseLiveEvent(body).Event).toBe('LivePullToPushRunning');
});
