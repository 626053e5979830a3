import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVendorMetadata, VendorMetadataError } from '../../scripts/docs-check/vendor-metadata.js';
import { vendorMetadata } from './paths.js';

const shipped = readFileSync(vendorMetadata, 'utf8');

describe('readVendorMetadata on the shipped metadata', () => {
  const metadata = readVendorMetadata(shipped);
  const operation = (action: string) => metadata.operations.find((op) => op.action === action);
  const param = (action: string, name: string) => operation(action)?.params.find((p) => p.name === name);

  it('reads the product, the version and the seven operations', () => {
    expect(metadata.product).toBe('live');
    expect(metadata.version).toBe('2016-11-01');
    expect(metadata.operations.map((op) => op.action).sort()).toEqual([
      'CreateLivePullToPush',
      'DeleteLivePullToPush',
      'DescribeLivePullToPush',
      'DescribeLivePullToPushList',
      'RestartLivePullToPush',
      'StopLivePullToPush',
      'UpdateLivePullToPush',
    ]);
  });

  it('upper-cases the methods', () => {
    expect(operation('CreateLivePullToPush')?.methods).toEqual(['GET', 'POST']);
    expect(operation('UpdateLivePullToPush')?.methods).toEqual(['GET']);
  });

  it('reads `required` from inside `schema`, and `style: json`', () => {
    expect(param('CreateLivePullToPush', 'SourceUrls')).toEqual({
      name: 'SourceUrls',
      type: 'array',
      itemType: 'string',
      required: true,
      style: 'json',
    });
    expect(param('UpdateLivePullToPush', 'SourceUrls')?.required).toBe(false);
    expect(param('UpdateLivePullToPush', 'RegionId')).toEqual({
      name: 'RegionId',
      type: 'string',
      required: false,
      style: 'plain',
    });
  });

  it('turns string bounds into numbers', () => {
    expect(param('CreateLivePullToPush', 'RetryInterval')).toMatchObject({
      type: 'integer',
      minimum: 60,
      maximum: 300,
    });
    expect(param('DescribeLivePullToPushList', 'PageSize')).toMatchObject({ minimum: 1, maximum: 100 });
  });

  it('reads `enum: []` as no enumeration', () => {
    expect(param('CreateLivePullToPush', 'SourceProtocol')).not.toHaveProperty('enum');
    expect(param('StopLivePullToPush', 'TaskId')).not.toHaveProperty('enum');
    expect(param('CreateLivePullToPush', 'SourceType')?.enum).toEqual(['live', 'vod', 'url']);
  });
});

describe('readVendorMetadata input checks', () => {
  it.each([
    ['not an object', '[]', /\$ is not an object/],
    ['no apis', '{"info":{}}', /\$\.apis is not an object/],
    ['methods missing', '{"info":{},"apis":{"X":{"parameters":[]}}}', /\$\.apis\.X\.methods is not an array/],
    [
      'unknown method',
      '{"info":{},"apis":{"X":{"methods":["put"],"parameters":[]}}}',
      /methods\[0\]: unsupported method put/,
    ],
    [
      'bad bound',
      '{"info":{},"apis":{"X":{"methods":["get"],"parameters":[{"name":"N","schema":{"minimum":"ten"}}]}}}',
      /minimum is not a number/,
    ],
  ])('names the path when %s', (_, json, message) => {
    expect(() => readVendorMetadata(json)).toThrow(VendorMetadataError);
    expect(() => readVendorMetadata(json)).toThrow(message);
  });
});
