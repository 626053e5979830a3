/** Compile-time checks of the public method types (run by `tsc --noEmit`; vitest runs the trivial body). */
import { describe, expectTypeOf, it } from 'vitest';
import type { operations } from '../../generated/api.js';
import type { CallOptions, LiveClient, LiveRequest, LiveResponse } from '../../src/index.js';

describe('client method types', () => {
  it('takes the operation’s own query parameters and resolves to its typed 200 body', () => {
    expectTypeOf<LiveRequest<'UpdateLivePullToPush'>>().toEqualTypeOf<
      NonNullable<operations['UpdateLivePullToPush']['parameters']['query']>
    >();
    expectTypeOf<LiveResponse<'CreateLivePullToPush'>>().toEqualTypeOf<
      operations['CreateLivePullToPush']['responses'][200]['content']['application/json']
    >();
    expectTypeOf<LiveClient['createLivePullToPush']>().parameters.toEqualTypeOf<
      [LiveRequest<'CreateLivePullToPush'>, (CallOptions | undefined)?]
    >();
    expectTypeOf<LiveClient['describeLivePullToPush']>().returns.resolves.toEqualTypeOf<
      LiveResponse<'DescribeLivePullToPush'>
    >();
    expectTypeOf<LiveRequest<'CreateLivePullToPush'>['SourceUrls']>().toEqualTypeOf<string[]>();
  });

  it('has one method per operation, named as Alibaba’s SDKs name them', () => {
    expectTypeOf<keyof LiveClient>().toEqualTypeOf<
      | 'createLivePullToPush'
      | 'updateLivePullToPush'
      | 'describeLivePullToPush'
      | 'describeLivePullToPushList'
      | 'stopLivePullToPush'
      | 'restartLivePullToPush'
      | 'deleteLivePullToPush'
      | 'paginateLivePullToPushList'
    >();
  });

  it('refuses wrong parameters at compile time', () => {
    const client = {} as LiveClient;
    // @ts-expect-error Region must be one of the enumerated live centers
    void (() => client.describeLivePullToPush({ TaskId: 't', Region: 'cn-nowhere' }));
    // @ts-expect-error TaskId is required
    void (() => client.stopLivePullToPush({ Region: 'cn-shanghai' }));
    // @ts-expect-error DstUrl is not a parameter of UpdateLivePullToPush
    void (() => client.updateLivePullToPush({ TaskId: 't', Region: 'cn-shanghai', DstUrl: 'rtmp://a/b' }));
    // @ts-expect-error SourceUrls is an array, not a JSON string
    void (() => client.updateLivePullToPush({ TaskId: 't', Region: 'cn-shanghai', SourceUrls: '["rtmp://a/b"]' }));
  });
});
