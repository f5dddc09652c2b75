/** The lenient XML reader: namespaces, recovery, truncation, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { readXml, type XmlElement } from '../../../../src/core/feeds/feed-xml';

const any = () => true;

function rootOf(text: string): XmlElement {
  const read = readXml(text, any);
  if (!read.ok) throw new Error(read.failure);
  return read.root;
}

const elements = (el: XmlElement) =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string');

describe('readXml', () => {
  it('resolves namespaces by declaration, not by the prefix written', () => {
    const root = rootOf(
      '<r xmlns="urn:a" xmlns:p="urn:p"><x/><p:y/><q:z/><w xmlns="urn:b"><v/></w></r>',
    );
    const [x, y, z, w] = elements(root);
    expect([root.ns, x?.ns, y?.ns, z?.ns, w?.ns]).toEqual([
      'urn:a',
      'urn:a',
      'urn:p',
      undefined,
      'urn:b',
    ]);
    expect([y?.local, z?.name, w && elements(w)[0]?.ns]).toEqual(['y', 'q:z', 'urn:b']);
  });

  it('decodes text and attributes once, keeps CDATA as it is, skips comments and PIs', () => {
    const root = rootOf(
      '<?xml version="1.0"?><!-- c --><r a="&amp;lt;" b=\'x"y\' c=bare d><?pi x?>a &amp;amp; <![CDATA[<b>&amp;</b>]]></r>',
    );
    expect(root.attrs).toEqual({ a: '&lt;', b: 'x"y', c: 'bare', d: '' });
    expect(root.children.join('')).toBe('a &amp; <b>&amp;</b>');
  });

  it('closes what an end tag closes, skips end tags nothing opened, stops at the root end', () => {
    const root = rootOf('<r><a><b>t</a></c><d/></r>trailing<x/>');
    expect(root.closed).toBe(true);
    const [a, d] = elements(root);
    expect([a?.name, a?.closed, a && elements(a)[0]?.closed, d?.name]).toEqual([
      'a',
      true,
      true,
      'd',
    ]);
  });

  it('keeps what a truncated document read, its open elements marked', () => {
    const root = rootOf('<r><a>done</a><b>cut <![CDATA[half');
    const [a, b] = elements(root);
    expect([root.closed, a?.closed, b?.closed]).toEqual([false, true, false]);
    expect(b?.children).toEqual(['cut ']);
  });

  it('refuses entity declarations, a refused root, and nesting past its depth', () => {
    expect(readXml('<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>', any)).toMatchObject({
      ok: false,
      failure: 'too-many-entities',
    });
    expect(readXml('<!DOCTYPE r [<!ELEMENT r ANY>]><r/>', any)).toMatchObject({ ok: true });
    expect(readXml('<html><body/></html>', (name) => name === 'rss')).toMatchObject({
      ok: false,
      failure: 'not-a-feed',
    });
    expect(readXml('<a>'.repeat(300), any)).toMatchObject({ ok: false, failure: 'malformed' });
  });
});
