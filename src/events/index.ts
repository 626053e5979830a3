/** Receiving task event callbacks: parse and validate a body, or answer whole HTTP requests. */

export { LiveError } from '../errors/live-error.js';
export { LiveOptionError } from '../errors/live-option-error.js';
export { createLiveEventListener } from './create-live-event-listener.js';
export { handleLiveEventRequest } from './handle-live-event-request.js';
export type { LiveEventRefusal } from './live-event-answer.js';
export { LiveEventError, type LiveEventIssue, type LiveEventProblem } from './live-event-error.js';
export { parseLiveEvent } from './parse-live-event.js';
export type { LiveEventBody, ReceivedLiveEvent } from './received-live-event.js';
export {
  DEFAULT_MAX_EVENT_BODY_BYTES,
  type LiveEventErrorStatus,
  type LiveEventHandler,
  type LiveEventReceiverOptions,
} from './receiver-options.js';
