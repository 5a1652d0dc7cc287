import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/lib/data/fetchers';
import { loadSource, mayRead, searchFor, sourceKey, sourceName } from '../../src/lib/data/sources';
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
    expect(searchFor(bundled)).toBe('?consultation=puebla-2020');
    expect(searchFor(address)).toBe('?data=https%3A%2F%2Fdata.example.org%2Fc.json');
    expect(searchFor(file)).toBe('');
  });

  it('a page reads its own site and the sites its policy lists, no others', () => {
    const here = 'https://atlas.example.org/app/';
    expect(mayRead(new URL('https://atlas.example.org/other.json'), here, POLICY)).toBe(true);
    expect(mayRead(new URL('https://data.example.org/c.json'), here, POLICY)).toBe(true);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, POLICY)).toBe(false);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, null)).toBe(true);
    expect(mayRead(new URL('https://evil.example.com/c.json'), here, "connect-src 'self' https:")).toBe(true);
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
