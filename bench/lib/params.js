/**
 * The benchmark call, shared by every client: one UpdateLivePullToPush with the parameters the
 * anchor suite used (TaskId, Region, two SourceUrls, RepeatNumber -1, a CallbackUrl that needs
 * percent-encoding, EndTime), and the AccessKey every server in the run accepts.
 */

export const API_VERSION = '2016-11-01';
export const ACTION = 'UpdateLivePullToPush';
export const CREDENTIALS = Object.freeze({ accessKeyId: 'benchAccessKeyId', accessKeySecret: 'benchAccessKeySecret' });
export const TASK_ID = 'fd245384-4067-4f91-9d75-9666a6bc0001';
export const REGION = 'cn-shanghai';

/** Answer of the bare server, byte for byte (48 bytes). */
export const BARE_ANSWER = '{"RequestId":"x","RetCode":0,"Description":"OK"}';

/** Two days from now, at second precision: EndTime must lie in the future. */
const END_TIME = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Two third-party files (SourceType `url`): the kind of task whose Update carries several URLs and RepeatNumber. */
const SOURCE_URLS = Object.freeze([
  'https://media.example.com/vod/part-1.mp4',
  'http://media.example.com/vod/part-2.flv?auth_key=1700000000-0-0-abcdef',
]);
const CALLBACK_URL = 'https://callback.example.com/hook?task=relay&note=two words';

/** Typed parameters, as a live-relay user passes them (SourceUrls as an array). A fresh object per call. */
export function typedUpdateParams(taskId = TASK_ID) {
  return {
    TaskId: taskId,
    Region: REGION,
    SourceUrls: [...SOURCE_URLS],
    RepeatNumber: -1,
    CallbackUrl: CALLBACK_URL,
    EndTime: END_TIME,
  };
}

/**
 * Query parameters as the generated Live SDK hands them to its core: SourceUrls JSON-encoded into
 * one string (`arrayToStringWithSpecifiedStyle(..., 'json')`), numbers left as numbers.
 */
export function officialUpdateQuery(taskId = TASK_ID) {
  return {
    TaskId: taskId,
    Region: REGION,
    SourceUrls: JSON.stringify(SOURCE_URLS),
    RepeatNumber: -1,
    CallbackUrl: CALLBACK_URL,
    EndTime: END_TIME,
  };
}

/** The same parameters in wire form (every value a string), as live-relay's `toWireParams` makes them. */
export function wireUpdateParams(taskId = TASK_ID) {
  const query = officialUpdateQuery(taskId);
  return { ...query, RepeatNumber: String(query.RepeatNumber) };
}
