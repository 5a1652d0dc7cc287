import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/lib/data/fetchers';
import { allows, mayRead } from '../../src/lib/data/remote';
import { loadSource, sourceKey, sourceName } from '../../src/lib/data/sources';
import { viewSourceOf } from '../../src/lib/state/library.svelte';
import { encodeView, EMPTY_VIEW } from '../../src/lib/state/view';
import { tinyDataset } from '../fixtures/tiny';

const POLICY = "default-src 'self'; connect-src 'self' https://data.example.org; img-src 'self'";

describe('where a consultation comes from', () => {
  it('each source has its own key, name and address', () => {
    const bundled = { kind: 'bundled', id: 'puebla-2020', file: 'puebla-2020.json', title: 'Puebla' } as const;
    const address = { kind: 'address', url: 'https://data.example.org/c.json' } as const;
    const file = { kind: 'file', name: 'mine.json', text: '{}' } as const;
    expect(new Set([bundled, address, file].map(sourceKey)).size).toBe(3);
    // Two files of one name and one size, with other contents, are two sources.
    expect(sourceKey({ kind: 'file', name: 'mine.json', text: '{"a":1}' })).not.toBe(
      sourceKey({ kind: 'file', name: 'mine.json', text: '{"b":2}' }),
    );
    expect([bundled, address, file].map(sourceName)).toEqual([
      'Puebla',
      'https://data.example.org/c.json',
      'mine.json',
    ]);
    const query = (source: Parameters<typeof viewSourceOf>[0]) =>
      encodeView({ ...EMPTY_VIEW, source: viewSourceOf(source) }).toString();
    expect(query(bundled)).toBe('consultation=puebla-2020');
    expect(query(address)).toBe('data=https%3A%2F%2Fdata.example.org%2Fc.json');
    // A file is named by its key among the ones opened lately in this browser.
    expect(query(file)).toBe(`file=${encodeURIComponent(sourceKey(file).slice('file:'.length))}`);
  });

  it('a page reads its own site and the sites its policy lists, no others', () => {
    const here = 'https://atlas.example.org/app/';
    expect(mayRead(new URL('https://atlas.example.org/other.json'), here, POLICY)).toBe(true);
    expect(mayRead(new URL('https://data.example.org/c.json'), here, POLICY)).toBe(true);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, POLICY)).toBe(false);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, null)).toBe(true);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, "connect-src 'self' https:")).toBe(true);
  });

  it('the hosted page reads any https site and the machine itself, never plain http elsewhere', () => {
    const here = 'https://atlas.example.org/app/';
    const policy = "default-src 'self'; connect-src 'self' https: http://localhost:* http://127.0.0.1:*";
    expect(mayRead(new URL('https://secretariat.example.net/data/c.json'), here, policy)).toBe(true);
    expect(mayRead(new URL('http://127.0.0.1:5173/c.json'), here, policy)).toBe(true);
    expect(mayRead(new URL('http://localhost/c.json'), here, policy)).toBe(true);
    expect(mayRead(new URL('http://data.example.org/c.json'), here, policy)).toBe(false);
    expect(mayRead(new URL('ftp://data.example.org/c.json'), here, policy)).toBe(false);
  });

  it.each([
    ['https:', 'https://a.example/x', true],
    ['https:', 'http://a.example/x', false],
    ['https://a.example', 'https://a.example/x', true],
    ['https://a.example', 'https://a.example:8443/x', false],
    ['https://a.example:8443', 'https://a.example:8443/x', true],
    ['http://127.0.0.1:*', 'http://127.0.0.1:40123/x', true],
    ['http://127.0.0.1:*', 'http://127.0.0.2:40123/x', false],
    ['https://*.example.org', 'https://data.example.org/x', true],
    ['https://*.example.org', 'https://example.org/x', false],
    ["'self'", 'https://a.example/x', false],
    ['*', 'https://a.example/x', true],
  ])('the policy source %s allows %s: %s', (source, url, allowed) => {
    expect(allows(source, new URL(url))).toBe(allowed);
  });

  it('a file is checked like the bundled dataset: a problem is named with its path', async () => {
    const doc = tinyDataset();
    expect((await loadSource({ kind: 'file', name: 'tiny.json', text: JSON.stringify(doc) })).meta.title).toBe(
      doc.meta.title,
    );
    doc.messages[1]!.themeIds = ['helthh'];
    const failure = await loadSource({ kind: 'file', name: 'mine.json', text: JSON.stringify(doc) }).catch((e) => e);
    expect(failure).toBeInstanceOf(DatasetError);
    expect(failure.message).toBe('The file mine.json is not valid: 1 problem.');
    expect(failure.details()).toEqual(['messages[1].themeIds[0]: unknown theme "helthh"']);
    const notJson = await loadSource({ kind: 'file', name: 'notes.json', text: '{ "meta": ' }).catch((e) => e);
    expect(notJson.message).toBe('The file notes.json is not valid: 1 problem.');
  });
});
