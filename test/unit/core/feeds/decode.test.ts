/** decodeFeed: which charset wins, and the charsets it cannot read. */
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/core/feeds/decode';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeFeed', () => {
  it('reads UTF-8 when nothing says otherwise', () => {
    const bytes = new TextEncoder().encode('<rss>Ação</rss>');
    expect(decodeFeed(bytes)).toEqual({ ok: true, text: '<rss>Ação</rss>', charset: 'utf-8' });
  });

  it('reads the encoding the XML declaration gives', () => {
    const bytes = ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss>A\xe7\xe3o</rss>');
    expect(decodeFeed(bytes)).toMatchObject({ ok: true, text: expect.stringContaining('Ação') });
  });

  it("lets the header's charset win over the declaration, and a BOM over both", () => {
    const latin = ascii('<?xml version="1.0" encoding="utf-8"?><rss>\xe9</rss>');
    expect(decodeFeed(latin, 'application/rss+xml; charset="iso-8859-1"')).toMatchObject({
      text: expect.stringContaining('<rss>é</rss>'),
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<rss>é</rss>')]);
    expect(decodeFeed(bom, 'text/xml; charset=windows-1251')).toEqual({
      ok: true,
      text: '<rss>é</rss>',
      charset: 'utf-8',
    });
  });

  it('reads UTF-16 without a BOM from its pattern, and a UTF-16 label over ASCII as UTF-8', () => {
    const le = new Uint8Array([0x3c, 0, 0x3f, 0, 0x78, 0, 0x3e, 0]);
    expect(decodeFeed(le)).toMatchObject({ ok: true, text: '<?x>', charset: 'utf-16le' });
    const lying = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><rss>é</rss>');
    expect(decodeFeed(lying)).toMatchObject({ ok: true, charset: 'utf-8' });
  });

  it("says 'unsupported-charset' for a charset TextDecoder does not know", () => {
    expect(decodeFeed(ascii('<rss/>'), 'text/xml; charset=utf-7')).toEqual({
      ok: false,
      failure: 'unsupported-charset',
      detail: 'utf-7',
    });
  });
});
