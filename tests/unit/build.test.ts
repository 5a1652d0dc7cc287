// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkedData } from '../../build/checked-data';
import { contentSecurityPolicy, dataOrigins } from '../../build/csp';
import { preloads } from '../../build/datasets';
import { embeddedBlock, packedPolicy, withPackedPolicy } from '../../build/packed-page';
import { worldRegionsModule } from '../../build/world-regions';
import * as validator from '../../src/lib/data/validate';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((part) => {
      const [name, ...sources] = part.split(' ');
      return [name!, sources];
    }),
  );
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the hosted page’s security policy', () => {
  it('allows scripts, styles and fonts from the app’s own origin only, and data from it or any https site', () => {
    const policy = directives(contentSecurityPolicy(false, []));
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['font-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
    expect(Object.values(policy).flat()).not.toContain('*');
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
    expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'");
  });

  it('gives the development server inline styles and its reload socket, and nothing else', () => {
    const built = directives(contentSecurityPolicy(false, []));
    const dev = directives(contentSecurityPolicy(true, []));
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev['connect-src']).toEqual([...built['connect-src']!, 'ws://localhost:*', 'ws://127.0.0.1:*']);
    expect({ ...dev, 'style-src': [], 'connect-src': [] }).toEqual({ ...built, 'style-src': [], 'connect-src': [] });
  });

  it('adds the plain http sites a build names, and refuses anything that is not an origin', () => {
    expect(dataOrigins('http://intranet.example.org, http://10.0.0.2:8080')).toEqual([
      'http://intranet.example.org',
      'http://10.0.0.2:8080',
    ]);
    expect(dataOrigins('')).toEqual([]);
    const origins = dataOrigins('http://intranet.example.org');
    expect(directives(contentSecurityPolicy(false, origins))['connect-src']).toContain('http://intranet.example.org');
    for (const bad of ['http://intranet.example.org/data', 'ftp://example.org', 'intranet', '*'])
      expect(() => dataOrigins(bad), bad).toThrow(`DATA_ORIGINS: "${bad}" is not an origin`);
  });
});

describe('the one-file page’s security policy', () => {
  const page = [
    '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'" />',
    '<style>body{color:red}</style>',
    '<script type="module">const svg = "<style>x{}</style>"; go();</script></head>',
    `<body>${embeddedBlock({ 'data/a.json': '{"text":"</script><b>"}' })}</body></html>`,
  ].join('\n');

  it('allows its script and its styles by their hashes, never the embedded data or a style the script writes', () => {
    const policy = directives(packedPolicy(page));
    expect(policy['script-src']).toEqual([sha('const svg = "<style>x{}</style>"; go();')]);
    expect(policy['style-src']).toEqual([sha('body{color:red}')]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(['data:']);
    expect(policy['font-src']).toEqual(['data:']);
  });

  it('replaces the hosted policy with its own, first in the head', () => {
    const out = withPackedPolicy(page);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(out).toMatch(/^<html><head>\n\s*<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
  });

  it('embeds the data with no way to end its script early', () => {
    const block = embeddedBlock({ 'data/a.json': '</script><script>alert(1)</script>' });
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    const json = block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
    expect(JSON.parse(json)).toEqual({ 'data/a.json': '</script><script>alert(1)</script>' });
  });
});

describe('what the built page preloads', () => {
  it('the list, the first consultation, the basemap, the typeface and the declutter code; nothing else', () => {
    const files = [
      { fileName: 'assets/index-1.js', type: 'chunk' as const, isDynamicEntry: false, facadeModuleId: '/src/main.ts' },
      {
        fileName: 'assets/force-2.js',
        type: 'chunk' as const,
        isDynamicEntry: true,
        facadeModuleId: '/src/lib/scales/force.ts',
      },
      { fileName: 'assets/other-3.js', type: 'chunk' as const, isDynamicEntry: true, facadeModuleId: '/src/lib/x.ts' },
      { fileName: 'assets/countries-110m-4.json', type: 'asset' as const },
      { fileName: 'assets/atkinson-hyperlegible-latin-400-normal-5.woff2', type: 'asset' as const },
      { fileName: 'assets/atkinson-hyperlegible-latin-700-normal-6.woff2', type: 'asset' as const },
    ];
    expect(preloads(files, 'puebla-2020.json').map((tag) => [tag.attrs!.rel, tag.attrs!.href])).toEqual([
      ['preload', 'data/index.json'],
      ['preload', 'data/puebla-2020.json'],
      ['preload', 'assets/countries-110m-4.json'],
      ['preload', 'assets/atkinson-hyperlegible-latin-400-normal-5.woff2'],
      ['modulepreload', 'assets/force-2.js'],
    ]);
    expect(preloads([], undefined).map((tag) => tag.attrs!.href)).toEqual(['data/index.json']);
  });
});

describe('world regions from CLDR', () => {
  it('groups each country by its sub-region, the Americas as M49 does for development statistics', () => {
    const containment = {
      '001': { _contains: ['019', '150'] },
      '019': { _contains: ['021', '005'] },
      '150': { _contains: ['155'] },
      '021': { _contains: ['US', 'CA'] },
      '005': { _contains: ['BR', '830'] },
      '155': { _contains: ['FR'] },
      EU: { _contains: ['FR'], _grouping: 'true' },
    };
    const text = worldRegionsModule(containment, (locale): Record<string, string> =>
      locale === 'fr' ? { '150': 'Europe' } : {},
    );
    const module = Object.fromEntries(
      [...text.matchAll(/export const (\w+) = (.*);/g)].map((m) => [m[1]!, JSON.parse(m[2]!) as unknown]),
    );
    expect(module.SUBREGIONS).toBe('US021CA021BR005FR155');
    expect(module.GROUPS).toEqual({ '021': '021', '005': '419', '155': '150' });
    expect((module.NAMES as Record<string, Record<string, string>>).fr!['150']).toBe('Europe');
    expect((module.NAMES as Record<string, Record<string, string>>).en!['150']).toBe('150');
  });
});

describe('the files the build checked', () => {
  it('fingerprints each valid file in data/ by its bytes, and leaves out an invalid one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checked-'));
    const puebla = readFileSync('data/puebla-2020.json');
    writeFileSync(join(dir, 'index.json'), readFileSync('data/index.json'));
    writeFileSync(join(dir, 'good.json'), puebla);
    writeFileSync(join(dir, 'bad.json'), puebla.toString('utf8').replace('"takeaway"', '"takeway"'));
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'notes.txt'), 'not data');
    const checked = checkedData(validator, dir);
    expect(Object.keys(checked).sort()).toEqual(['good.json', 'index.json']);
    expect(checked['good.json']).toEqual({
      sha256: createHash('sha256').update(puebla).digest('hex'),
      length: puebla.toString('utf8').length,
    });
  });
});
