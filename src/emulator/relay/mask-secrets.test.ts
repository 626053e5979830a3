import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, maskUrl } from './mask-secrets.js';

describe('maskUrl', () => {
  it('masks query values and keeps their names', () => {
    expect(maskUrl('rtmp://push.example.com/app/stream?auth_key=1700000000-0-0-abcdef&x=1')).toBe(
      'rtmp://push.example.com/app/stream?auth_key=***&x=***',
    );
  });

  it('masks user information', () => {
    expect(maskUrl('rtsp://admin:hunter2@cam.local:554/live')).toBe('rtsp://***@cam.local:554/live');
    expect(maskUrl('srt://token@h:9000?mode=caller&passphrase=abc')).toBe('srt://***@h:9000?mode=***&passphrase=***');
  });

  it('keeps URLs without secrets as they are', () => {
    expect(maskUrl('http://127.0.0.1:8080/clips/a.mp4')).toBe('http://127.0.0.1:8080/clips/a.mp4');
  });

  it('drops the fragment and refuses what is not a URL', () => {
    expect(maskUrl('http://h/p#secret')).toBe('http://h/p');
    expect(maskUrl('not a url')).toBe('(unparseable URL)');
  });
});

describe('maskSecrets', () => {
  it('masks every URL in an ffmpeg error line', () => {
    expect(maskSecrets('[error] rtmp://u:p@dst/live/s?auth_key=SECRET: Connection refused')).toBe(
      '[error] rtmp://***@dst/live/s?auth_key=***: Connection refused',
    );
  });

  it('never lets a query value or a password through', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/);
    fc.assert(
      fc.property(token, token, (password, key) => {
        const line = `[error] rtmp://user:${password}@h/app/s?auth_key=${key}: Input/output error`;
        const masked = maskSecrets(line);
        return !masked.includes(`:${password}@`) && !masked.includes(`=${key}`);
      }),
    );
  });
});
