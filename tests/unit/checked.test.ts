import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkedAtBuild } from '../../src/lib/data/checked';

describe('bundled files the build checked', () => {
  const text = readFileSync('data/puebla-2020.json', 'utf8');

  it('the very file the build found valid is known by its bytes', async () => {
    expect(await checkedAtBuild('puebla-2020.json', text)).toBe(true);
    expect(await checkedAtBuild('index.json', readFileSync('data/index.json', 'utf8'))).toBe(true);
  });

  it('a file changed by one character, or under another name, is not: the page checks it', async () => {
    expect(await checkedAtBuild('puebla-2020.json', text.replace('"takeaway"', '"takeway"'))).toBe(false);
    expect(await checkedAtBuild('other.json', text)).toBe(false);
    // One more character: another file, known without hashing it.
    expect(await checkedAtBuild('puebla-2020.json', `${text} `)).toBe(false);
  });
});
