import { type WebhookName, webhookNames, webhooks } from '../../generated/operations.js';

/** Every `Event` value a webhook of the spec declares, in spec order (including spellings seen in vendor samples). */
export const knownEventNames: readonly string[] = webhookNames.flatMap((name) => webhooks[name].eventNames);

/** The webhook whose body carries `Event: received`, or undefined for anything the spec does not declare. */
export function webhookOfEventName(received: unknown): WebhookName | undefined {
  if (typeof received !== 'string') return undefined;
  return webhookNames.find((name) => webhooks[name].eventNames.includes(received));
}
