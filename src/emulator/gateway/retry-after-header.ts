/** Response header with the ms until the key is admitted again (read by the official SDKs). */
export const RETRY_AFTER_HEADER = 'x-acs-retry-after';
