import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../scripts/synthetic';
import { DatasetAssembly, datasetParts, MESSAGES_PER_PART } from '../../src/lib/data/check-protocol';
import type { Dataset } from '../../src/lib/data/schema';

describe('a checked dataset comes back from the worker in parts', () => {
  it('everything but the messages first, then the messages a part at a time, then the end', () => {
    const dataset = syntheticDataset({ messages: 12_001, places: 50, sessions: 5, seed: 2 });
    const parts = [...datasetParts(dataset)];
    expect(parts[0]!.type).toBe('head');
    expect(parts.at(-1)!.type).toBe('done');
    const sizes = parts.flatMap((part) => (part.type === 'messages' ? [part.messages.length] : []));
    expect(sizes).toEqual([MESSAGES_PER_PART, MESSAGES_PER_PART, 12_001 - 2 * MESSAGES_PER_PART]);
    // The head carries no messages: each part is small to take in.
    expect(parts[0]!.type === 'head' && parts[0]!.dataset.messages).toEqual([]);
  });

  it('put back together, it is the very dataset, messages in order; nothing before the last part', () => {
    for (const dataset of [
      syntheticDataset({ messages: 12_001, places: 50, sessions: 5, seed: 2 }),
      JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset,
      { ...syntheticDataset({ messages: 1, places: 1, sessions: 1, seed: 1 }), messages: [] },
    ]) {
      const assembly = new DatasetAssembly();
      const parts = [...datasetParts(dataset)];
      const results = parts.map((part) => assembly.take(structuredClone(part)));
      expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
      expect(results.at(-1)).toEqual(dataset);
    }
  });
});
