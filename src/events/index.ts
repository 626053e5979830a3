/** Receiving task event callbacks: parse and validate a body, or answer whole HTTP requests. */
export { parseLiveEvent } from './parse-live-event.js';
export { LiveEventError, type LiveEventIssue, type LiveEventProblem } from './live-event-error.js';
export type { LiveEventBody, ReceivedLiveEvent } from './received-live-event.js';
export { createLiveEventListener } from './create-live-event-listener.js';
export { handleLiveEventRequest } from './handle-live-event-request.js';
export {
  DEFAULT_MAX_EVENT_BODY_BYTES,
  type LiveEventHandler,
  type LiveEventReceiverOptions,
  type LiveEventErrorStatus,
} from './receiver-options.js';
export type { LiveEventRefusal } from './live-event-answer.js';
