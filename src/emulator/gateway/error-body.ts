import { errorCodes } from '../../../generated/operations.js';
import type { ExtraHeaders } from '../http/send-json.js';
import type { Refusal } from './refusal.js';

/** The service's error body, field for field (spec schema `Error`). */
export interface ErrorBody {
  readonly RequestId: string;
  readonly HostId: string;
  readonly Code: string;
  readonly Message: string;
  readonly Recommend: string;
}

/** An error ready to send: status and message from the spec's error table. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers?: ExtraHeaders | undefined;
}

/** The vendor's troubleshooting link for a code and request, as real error bodies carry it. */
export function recommendUrl(code: string, requestId: string): string {
  return `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=live&requestId=${requestId}`;
}

/**
 * Turns a refusal into the error body. Throws when the code is not in the spec's error table:
 * that is a bug in the emulator, which the server answers as `InternalError`.
 */
export function errorAnswer(refusal: Refusal, requestId: string, hostId: string): ErrorAnswer {
  if (refusal.status !== undefined) {
    const Message = refusal.detail ?? refusal.code;
    return {
      status: refusal.status,
      body: { RequestId: requestId, HostId: hostId, Code: refusal.code, Message, Recommend: '' },
    };
  }
  const spec = Object.hasOwn(errorCodes, refusal.code) ? errorCodes[refusal.code] : undefined;
  if (spec === undefined) throw new Error(`emulator bug: error code ${refusal.code} is not in the spec`);
  return {
    status: spec.status,
    body: {
      RequestId: requestId,
      HostId: hostId,
      Code: refusal.code,
      Message: formatMessage(spec.message, spec.description, refusal.fill, refusal.detail),
      Recommend: recommendUrl(refusal.code, requestId),
    },
    headers: refusal.headers,
  };
}

/**
 * The spec's message with its `%s` filled (by `fill`, else by `detail`, else by the code's
 * description), then `detail` after a colon when it has not been used already:
 * `Specified time stamp or date value is expired: x-acs-date is 3601 s behind server time.`
 */
export function formatMessage(template: string, description: string, fill?: string, detail?: string): string {
  const slot = template.indexOf('%s');
  if (slot === -1) return detail === undefined || sameText(detail, template) ? template : withDetail(template, detail);
  const filler = fill ?? detail ?? description;
  const filled = template.slice(0, slot) + withoutFinalDot(filler, template, slot) + template.slice(slot + 2);
  return fill !== undefined && detail !== undefined ? withDetail(filled, detail) : filled;
}

/** Drops a trailing `.` from the filler when the template puts one right after the slot. */
function withoutFinalDot(filler: string, template: string, slot: number): string {
  return template[slot + 2] === '.' && filler.endsWith('.') ? filler.slice(0, -1) : filler;
}

/** Equal but for a final full stop, so a detail that repeats the message is not said twice. */
function sameText(a: string, b: string): boolean {
  return stripDot(a) === stripDot(b);
}

/** `Message.` + `detail` -> `Message: detail.` */
function withDetail(message: string, detail: string): string {
  return `${stripDot(message)}: ${stripDot(detail)}.`;
}

function stripDot(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}
