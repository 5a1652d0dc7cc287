/**
 * The Node scripts (the benchmark, the validator, the converters) run the app's own modules
 * without Vite: none of what they import may need Vite's `import.meta.env` at load. Run as a
 * new user runs them, through tsx, in a process of their own.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the Node scripts', () => {
  it('load the modules they share with the app', () => {
    const modules = [
      './bench/engine.ts',
      './scripts/synthetic.ts',
      './src/lib/data/xlsx.ts',
      './src/lib/data/validate.ts',
      './src/lib/i18n/format.ts',
      './src/lib/state/view.ts',
    ];
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '-e', `${modules.map((m) => `await import('${m}');`).join(' ')} console.log('loaded');`],
      { encoding: 'utf8', input: '' },
    );
    expect(out.trim()).toBe('loaded');
  });
});
