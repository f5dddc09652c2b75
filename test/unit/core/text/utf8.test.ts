import { describe, expect, it } from 'vitest';
import { encodeUtf8Into } from '../../../../src/core/text/utf8';

/** `text` as encodeUtf8Into writes it, after two bytes already there. */
function encoded(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 3).fill(0xaa);
  const end = encodeUtf8Into(text, bytes, 2);
  expect([...bytes.subarray(0, 2)]).toEqual([0xaa, 0xaa]);
  return bytes.subarray(2, end);
}

describe('UTF-8 encoding', () => {
  const encoder = new TextEncoder();

  it('writes the bytes TextEncoder writes, at every boundary between lengths', () => {
    const texts = [
      '',
      'plain ASCII {"a":1}',
      '\u0000\u007f\u0080\u07ff\u0800\uffff',
      'Café « très » cher — 😡',
      '\ud7ff\ue000\ud800\udc00\udbff\udfff',
    ];
    for (const text of texts) expect([...encoded(text)]).toEqual([...encoder.encode(text)]);
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    for (const text of ['\ud800', 'a\udc00b', '\udbff\ud800', '\ud83d']) {
      expect([...encoded(text)]).toEqual([...encoder.encode(text)]);
    }
  });

  it('agrees with TextEncoder over random text from the whole UTF-16 range', () => {
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    for (let round = 0; round < 200; round++) {
      const units = Array.from({ length: 1 + Math.floor(next() * 40) }, () => {
        const band = next();
        if (band < 0.4) return Math.floor(next() * 0x80);
        if (band < 0.6) return 0x80 + Math.floor(next() * 0x780);
        if (band < 0.8) return 0xd800 + Math.floor(next() * 0x800);
        return 0x800 + Math.floor(next() * 0xf800);
      });
      const text = String.fromCharCode(...units);
      expect([...encoded(text)]).toEqual([...encoder.encode(text)]);
    }
  });
});
