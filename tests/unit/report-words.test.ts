import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportLexicon, splitReportWords } from '../../src/lib/data/report-words';
import type { Dataset } from '../../src/lib/data/schema';

const PUEBLA = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

describe('the report’s words inside the interface’s sentences', () => {
  const lexicon = reportLexicon(PUEBLA);

  it('finds a topic’s title in a Spanish heading, and leaves the interface’s words apart', () => {
    const topic = PUEBLA.topics[0]!;
    expect(splitReportWords(`Tema 1: ${topic.title}`, lexicon)).toEqual([
      { text: 'Tema 1: ', report: false },
      { text: topic.title, report: true },
    ]);
  });

  it('the longest name wins (Mexico City, not Mexico), and only whole words count', () => {
    expect(splitReportWords('Lugar: Mexico City; Lugar: Mexico', lexicon)).toEqual([
      { text: 'Lugar: ', report: false },
      { text: 'Mexico City', report: true },
      { text: '; Lugar: ', report: false },
      { text: 'Mexico', report: true },
    ]);
    expect(splitReportWords('Mexicoville', lexicon)).toEqual([{ text: 'Mexicoville', report: false }]);
  });

  it('gives back the text whole, in order, whatever it is', () => {
    for (const text of ['', 'Organizado por United Arab Emirates y Quito', '«Dubai»', 'x'.repeat(300)])
      expect(
        splitReportWords(text, lexicon)
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
  });
});
