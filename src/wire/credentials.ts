/** An AccessKey pair, optionally with the STS token that comes with temporary credentials. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS token; sent as `x-acs-security-token` (V3) or `SecurityToken` (V1) when present. */
  readonly securityToken?: string | undefined;
}
