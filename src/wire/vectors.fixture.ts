/**
 * Published signature test vectors, copied exactly from /work/shared/docs/pull-to-push-api.md §4
 * (each there re-verified against an independent implementation). `vectors.test.ts` replays them.
 *
 * Left out on purpose:
 * - the TS SDK's V3 unit-test results with method and pathname `undefined`
 *   (`Signature=0f2d5495…` and `608b887e…`): the canonical request there literally starts
 *   `"undefined\n\n"`, a JavaScript artifact no real request can produce, so they are not protocol
 *   vectors. The Python twin of the first one (method GET, path `/`) is included below.
 * - the ROA helper (`getROASignature`) and the SM3 hashes: not part of the RPC protocol this
 *   toolkit speaks (Live is RPC; we sign only ACS3-HMAC-SHA256 and HMAC-SHA1).
 */

/** A V1 (HMAC-SHA1, SignatureVersion 1.0) vector: every parameter but Signature, and the results. */
export interface V1Vector {
  readonly name: string;
  readonly source: string;
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly accessKeySecret: string;
  readonly canonicalQuery?: string;
  readonly stringToSign?: string;
  readonly signature: string;
}

/** A V3 (ACS3-HMAC-SHA256) vector. */
export interface V3Vector {
  readonly name: string;
  readonly source: string;
  readonly method: string;
  readonly pathname: string;
  readonly query: Readonly<Record<string, string>>;
  /** Headers as given to the signer, names in the case the source used. */
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly canonicalQuery?: string;
  readonly canonicalHeaders?: string;
  readonly signedHeaders: string;
  readonly canonicalRequest?: string;
  readonly hashedCanonicalRequest?: string;
  readonly signature: string;
  readonly authorization?: string;
}

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const dedicatedHosts: Readonly<Record<string, string>> = {
  AccessKeyId: 'testid',
  Action: 'DescribeDedicatedHosts',
  Format: 'JSON',
  RegionId: 'cn-beijing',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
  SignatureVersion: '1.0',
  Timestamp: '2023-03-13T08:34:30Z',
  Version: '2014-05-26',
};
const dedicatedHostsQuery =
  'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26';
const dedicatedHostsStringToSign =
  'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26';

const describeRegions = (timestampName: 'TimeStamp' | 'Timestamp'): Record<string, string> => ({
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  [timestampName]: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
});

/** §4.5 shared inputs. */
export const LIVE_DERIVED = {
  host: 'live.aliyuncs.com',
  accessKeyId: 'testid',
  accessKeySecret: 'testsecret',
  nonce: '0123456789abcdef0123456789abcdef',
  date: '2024-08-23T12:00:00Z',
  action: 'UpdateLivePullToPush',
  version: '2016-11-01',
  params: {
    Region: 'cn-shanghai',
    TaskId: 'fd245384-4067-4f91-9d75-9666a6bc0000',
    SourceUrls: '["rtmp://example.com/app/stream"]',
    CallbackUrl: 'https://callback.example.com/notify?a=1 b',
  },
} as const;

export const v1Vectors: readonly V1Vector[] = [
  {
    name: '4.1 DescribeDedicatedHosts (official V2 doc), GET',
    source: 'https://help.aliyun.com/en/sdk/product-overview/rpc-mechanism',
    method: 'GET',
    params: dedicatedHosts,
    accessKeySecret: 'testsecret',
    canonicalQuery: dedicatedHostsQuery,
    stringToSign: dedicatedHostsStringToSign,
    signature: '9NaGiOspFP5UPcwX8Iwt2YJXXuk=',
  },
  {
    name: '4.1 DescribeDedicatedHosts signed with POST (derived)',
    source: 'pull-to-push-api.md §4.1, derived',
    method: 'POST',
    params: dedicatedHosts,
    accessKeySecret: 'testsecret',
    canonicalQuery: dedicatedHostsQuery,
    stringToSign: `POST${dedicatedHostsStringToSign.slice('GET'.length)}`,
    signature: 'ZvQ9xGiFnquSJRvj+WE6kdSpTwU=',
  },
  {
    name: '4.2 DescribeRegions (old ECS doc), parameter spelled TimeStamp',
    source: 'https://developer.aliyun.com/ask/210168',
    method: 'GET',
    params: describeRegions('TimeStamp'),
    accessKeySecret: 'testsecret',
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    signature: 'CT9X0VtwR86fNWSnsc6v8YGOjuE=',
  },
  {
    name: '4.2 DescribeRegions, parameter spelled Timestamp',
    source: 'pull-to-push-api.md §4.2 (third-party fixture)',
    method: 'GET',
    params: describeRegions('Timestamp'),
    accessKeySecret: 'testsecret',
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
  },
  {
    // The empty method is deliberate in the SDK test.
    name: '4.4 TS getRPCSignature({test:"ok"}, "", "accessKeySecret")',
    source: 'aliyun/darabonba-openapi-util ts/test/client.spec.ts',
    method: '',
    params: { test: 'ok' },
    accessKeySecret: 'accessKeySecret',
    stringToSign: '&%2F&test%3Dok',
    signature: 'jHx/oHoHNrbVfhncHEvPdHXZwHU=',
  },
  {
    name: "4.4 Python get_rpcsignature({'query':'test','body':'test'}, 'GET', 'secret')",
    source: 'aliyun/darabonba-openapi-util python/tests/test_client.py',
    method: 'GET',
    params: { query: 'test', body: 'test' },
    accessKeySecret: 'secret',
    stringToSign: 'GET&%2F&body%3Dtest%26query%3Dtest',
    signature: 'XlUyV4sXjOuX5FnjUz9IF9tm5rU=',
  },
  {
    name: '4.5 UpdateLivePullToPush V2 (derived)',
    source: 'pull-to-push-api.md §4.5, derived',
    method: 'GET',
    params: {
      ...LIVE_DERIVED.params,
      Action: 'UpdateLivePullToPush',
      Version: '2016-11-01',
      Format: 'JSON',
      AccessKeyId: 'testid',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: '0123456789abcdef0123456789abcdef',
      Timestamp: '2024-08-23T12:00:00Z',
    },
    accessKeySecret: 'testsecret',
    canonicalQuery:
      'AccessKeyId=testid&Action=UpdateLivePullToPush&CallbackUrl=https%3A%2F%2Fcallback.example.com%2Fnotify%3Fa%3D1%20b&Format=JSON&Region=cn-shanghai&SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion=1.0&SourceUrls=%5B%22rtmp%3A%2F%2Fexample.com%2Fapp%2Fstream%22%5D&TaskId=fd245384-4067-4f91-9d75-9666a6bc0000&Timestamp=2024-08-23T12%3A00%3A00Z&Version=2016-11-01',
    signature: 'cYnDUa9h9xiHdOG7w9k3vtFcDm8=',
  },
];

export const v3Vectors: readonly V3Vector[] = [
  {
    name: '4.3 RunInstances (official V3 doc, "Fixed parameter values")',
    source: 'https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature',
    method: 'POST',
    pathname: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY,
    },
    payloadHash: EMPTY,
    accessKeyId: 'YourAccessKeyId',
    accessKeySecret: 'YourAccessKeySecret',
    canonicalQuery: 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
    canonicalHeaders:
      'host:ecs.cn-shanghai.aliyuncs.com\n' +
      'x-acs-action:RunInstances\n' +
      `x-acs-content-sha256:${EMPTY}\n` +
      'x-acs-date:2023-10-26T10:22:32Z\n' +
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n' +
      'x-acs-version:2014-05-26\n',
    signedHeaders: 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    canonicalRequest: [
      'POST',
      '/',
      'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
      'host:ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action:RunInstances',
      `x-acs-content-sha256:${EMPTY}`,
      'x-acs-date:2023-10-26T10:22:32Z',
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
      'x-acs-version:2014-05-26',
      '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      EMPTY,
    ].join('\n'),
    hashedCanonicalRequest: '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    authorization:
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
  },
  {
    // The payload hash is SM3("test"), used here only as an opaque string.
    name: '4.4 Python get_authorization (GET, path "/", repeated x-acs-test header)',
    source: 'aliyun/darabonba-openapi-util python/tests/test_client.py',
    method: 'GET',
    pathname: '/',
    query: { test: 'ok', empty: '' },
    headers: { 'x-acs-test': 'http', 'x-acs-TEST': 'https' },
    payloadHash: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23',
    accessKeyId: 'acesskey',
    accessKeySecret: 'secret',
    canonicalQuery: 'empty=&test=ok',
    canonicalHeaders: 'x-acs-test:http,https\n',
    signedHeaders: 'x-acs-test',
    signature: 'd16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1',
    authorization:
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1',
  },
  {
    name: '4.5 UpdateLivePullToPush V3 (derived)',
    source: 'pull-to-push-api.md §4.5, derived',
    method: 'GET',
    pathname: '/',
    query: LIVE_DERIVED.params,
    headers: {
      host: 'live.aliyuncs.com',
      'x-acs-action': 'UpdateLivePullToPush',
      'x-acs-version': '2016-11-01',
      'x-acs-date': '2024-08-23T12:00:00Z',
      'x-acs-signature-nonce': '0123456789abcdef0123456789abcdef',
      'x-acs-content-sha256': EMPTY,
    },
    payloadHash: EMPTY,
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    canonicalQuery:
      'CallbackUrl=https%3A%2F%2Fcallback.example.com%2Fnotify%3Fa%3D1%20b&Region=cn-shanghai&SourceUrls=%5B%22rtmp%3A%2F%2Fexample.com%2Fapp%2Fstream%22%5D&TaskId=fd245384-4067-4f91-9d75-9666a6bc0000',
    signedHeaders: 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    hashedCanonicalRequest: 'd10f7d745f1e41fb40e10d757312c3e014b7561129755b26bde30ecc814697da',
    signature: '6c2362e071858261198d302aa5da51ce205d93b0c9cd52fe6aa6d746ed426736',
  },
];

/** §4.4 hash vector. */
export const sha256Vector = {
  input: 'test',
  hex: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
} as const;

/** §4.4 `arrayToStringWithSpecifiedStyle(['ok','test',2,3], 'instance', 'json')`. */
export const jsonStyleVector = { name: 'instance', value: ['ok', 'test', 2, 3], wire: '["ok","test",2,3]' } as const;
