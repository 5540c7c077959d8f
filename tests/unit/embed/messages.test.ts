import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, parseIncomingMessage, postTargets, readyMessage, techniqueChangeMessage } from '../../../src/core/embed/messages.ts';
import { qrTargetUrl } from '../../../src/core/embed/qrLink.ts';

const ALLOWED = ['https://clinic.example', 'http://localhost:8080'];

describe('isAllowedOrigin', () => {
  it.each([
    ['https://clinic.example', true],
    ['HTTPS://CLINIC.EXAMPLE', true],
    ['http://localhost:8080', true],
    // A different scheme, port or subdomain is a different origin.
    ['http://clinic.example', false],
    ['https://clinic.example:444', false],
    ['https://evil.clinic.example', false],
    ['https://clinic.example.evil.test', false],
    ['http://localhost:8081', false],
    ['null', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%s → %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, ALLOWED)).toBe(expected);
  });

  it('trusts nobody when the list is empty', () => {
    expect(isAllowedOrigin('https://clinic.example', [])).toBe(false);
  });
});

describe('parseIncomingMessage', () => {
  it('accepts settechnique with a known technique from an allowed origin', () => {
    expect(parseIncomingMessage('https://clinic.example', { type: 'settechnique', technique: 'thread' }, ALLOWED)).toEqual({
      type: 'settechnique',
      technique: 'thread',
    });
  });

  it('keeps only the known fields', () => {
    const msg = parseIncomingMessage('https://clinic.example', { type: 'settechnique', technique: 'smile', html: '<b>x</b>' }, ALLOWED);
    expect(msg).toEqual({ type: 'settechnique', technique: 'smile' });
  });

  it.each([
    ['other origin', 'https://evil.test', { type: 'settechnique', technique: 'thread' }],
    ['unknown technique', 'https://clinic.example', { type: 'settechnique', technique: 'botox' }],
    ['unknown type', 'https://clinic.example', { type: 'setlang', technique: 'thread' }],
    ['string data', 'https://clinic.example', 'settechnique thread'],
    ['array data', 'https://clinic.example', ['settechnique', 'thread']],
    ['null data', 'https://clinic.example', null],
    ['technique not a string', 'https://clinic.example', { type: 'settechnique', technique: ['thread'] }],
  ])('rejects %s', (_name, origin, data) => {
    expect(parseIncomingMessage(origin, data, ALLOWED)).toBeNull();
  });

  it('never throws on hostile getters', () => {
    const hostile = Object.defineProperty({}, 'type', {
      get() {
        throw new Error('boom');
      },
    });
    expect(parseIncomingMessage('https://clinic.example', hostile, ALLOWED)).toBeNull();
  });
});

describe('outgoing messages', () => {
  it('are plain objects', () => {
    expect(readyMessage()).toEqual({ type: 'ready' });
    expect(techniqueChangeMessage('traditional')).toEqual({ type: 'techniquechange', technique: 'traditional' });
  });

  it('are posted only to the configured origins, never "*"', () => {
    expect(postTargets(['https://a.test', 'https://a.test', 'https://b.test'])).toEqual(['https://a.test', 'https://b.test']);
    expect(postTargets([])).toEqual([]);
    expect(postTargets(ALLOWED)).not.toContain('*');
  });

  it('go only to the parent when its origin is known, and only if it is allowed', () => {
    expect(postTargets(ALLOWED, 'https://clinic.example')).toEqual(['https://clinic.example']);
    expect(postTargets(ALLOWED, 'https://evil.test')).toEqual([]);
    expect(postTargets(ALLOWED, '')).toEqual(ALLOWED);
    expect(postTargets(ALLOWED, null)).toEqual(ALLOWED);
  });
});

describe('qrTargetUrl', () => {
  it.each([
    ['/', 'https://kiosk.clinic.example', 'https://kiosk.clinic.example/?mode=web&technique=smile&lang=ko'],
    ['https://clinic.example/lift/', 'http://127.0.0.1:4173', 'https://clinic.example/lift/?mode=web&technique=smile&lang=ko'],
    // The base's own parameters are kept; ours replace any with the same name; a hash is dropped.
    ['https://clinic.example/?utm=lobby&lang=en#x', 'http://127.0.0.1', 'https://clinic.example/?utm=lobby&lang=ko&mode=web&technique=smile'],
  ])('%s on %s', (base, origin, expected) => {
    expect(qrTargetUrl(base, origin, 'smile', 'ko')).toBe(expected);
  });
});
