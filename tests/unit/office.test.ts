import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { briefingDocx, type WordBriefing } from '../../src/lib/export/docx';
import { deckPptx, SLIDE, type Deck } from '../../src/lib/export/pptx';
import { mixedRuns, officeLang, reportRuns } from '../../src/lib/export/words';
import { hexColour } from '../../src/lib/present/slides';

const unzip = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));

describe('words as office documents take them', () => {
  it('keeps the report’s words exactly, its bold phrases bold, marked as the report’s', () => {
    const runs = reportRuns('Cities need data at local level, and data again.', ['data at local level', 'again']);
    expect(runs.map((r) => r.text).join('')).toBe('Cities need data at local level, and data again.');
    expect(runs.filter((r) => r.bold).map((r) => r.text)).toEqual(['data at local level', 'again']);
    expect(runs.every((r) => r.report)).toBe(true);
  });

  it('marks the report’s names inside the interface’s sentences, and only those', () => {
    const runs = mixedRuns('Tema 1: Skilling Migrants, en Montreal', ['Skilling Migrants', 'Montreal']);
    expect(runs.map((r) => [r.text, Boolean(r.report)])).toEqual([
      ['Tema 1: ', false],
      ['Skilling Migrants', true],
      [', en ', false],
      ['Montreal', true],
    ]);
  });

  it.each([
    ['en', 'en-GB'],
    ['es', 'es-ES'],
    ['FR', 'fr-FR'],
    ['pt', 'pt-BR'],
    ['de-AT', 'de-AT'],
    ['', 'en-GB'],
  ])('writes the language %j as %j', (tag, office) => expect(officeLang(tag)).toBe(office));

  it.each([
    ['rgb(12, 34, 56)', '0c2238'],
    ['rgba(255, 255, 255, 0.5)', 'ffffff'],
    ['rgba(0, 128, 255, 1)', '0080ff'],
    ['#0080ff', '0080ff'],
    ['rgba(0, 0, 0, 0)', 'fallback'],
    ['transparent', 'fallback'],
  ])('reads the colour %j as %j', (css, hex) => expect(hexColour(css, 'fallback')).toBe(hex));
});

describe('a deck as a .pptx', () => {
  const deck: Deck = {
    title: 'A consultation',
    subject: 'Its story',
    author: 'Consultation Atlas',
    lang: 'fr',
    reportLang: 'en',
    font: 'Arial',
    slides: [
      {
        background: '101820',
        texts: [
          {
            x: 0.5,
            y: 0.5,
            w: 6,
            h: 2,
            fill: 'ffffff',
            bar: '0072b2',
            paragraphs: [
              { runs: [{ text: 'Enseignement clé' }], size: 12, color: '333333' },
              { runs: reportRuns('Cities & <towns> act.', ['act']), size: 20, color: '000000', before: 3 },
            ],
          },
        ],
        images: [],
        notes: 'Say this first.',
      },
      { background: 'ffffff', texts: [], images: [], notes: '' },
    ],
  };

  it('has a 16:9 slide per slide, its words as text runs in their languages, and notes where given', async () => {
    const files = await unzip(await deckPptx(deck));
    // PowerPoint's widescreen: 12,192,000 × 6,858,000 EMU (13.333 × 7.5 in).
    expect(strFromU8(files['ppt/presentation.xml']!)).toContain('<p:sldSz cx="12192000" cy="6858000"');
    expect(SLIDE.width / SLIDE.height).toBeCloseTo(16 / 9, 3);
    const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(2);
    const first = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(first).toMatch(/<a:rPr lang="fr-FR"[^>]*>(?:(?!<\/a:r>).)*<a:t>Enseignement clé<\/a:t>/);
    // Escaped as text, never as markup; the bold phrase bold and English.
    expect(first).toContain('<a:t>Cities &amp; &lt;towns&gt; </a:t>');
    expect(first).toMatch(/<a:rPr lang="en-GB"[^>]* b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>act<\/a:t>/);
    expect(first).toContain('<a:srgbClr val="101820"/>');
    const notes = Object.entries(files)
      .filter(([f]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f))
      .map(([, bytes]) => strFromU8(bytes));
    expect(notes.some((xml) => xml.includes('Say this first.'))).toBe(true);
  });
});

describe('a briefing as a .docx', () => {
  const briefing: WordBriefing = {
    lang: 'es',
    reportLang: 'en',
    product: 'Consultation Atlas · Nota informativa',
    title: 'A consultation',
    subtitle: 'Its subtitle',
    facts: [{ term: 'Filtros', runs: mixedRuns('Lugar: Montreal', ['Montreal']) }],
    pictures: [{ heading: 'Mapa', note: [{ text: 'No se pudo dibujar la imagen.' }] }],
    picturesFirst: false,
    groups: [
      {
        title: mixedRuns('Tema 1: Skilling', ['Skilling']),
        items: [
          {
            label: 'A label',
            meta: [{ text: 'Conclusión clave' }],
            text: reportRuns('Words <b>as</b> given & kept.', ['kept']),
            cite: [{ text: 'Sección: 1' }],
            themes: [{ text: 'Temáticas: Health' }],
          },
        ],
      },
    ],
  };

  it('has real headings, the words as runs in their languages, in Spanish by default', async () => {
    const files = await unzip(await briefingDocx(briefing));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:pStyle w:val="Title"\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(1);
    expect(xml).toContain('Words &lt;b&gt;as&lt;/b&gt; given &amp; ');
    expect(xml).toMatch(/<w:b\/>(?:<w:bCs\/>)?<w:lang w:val="en-GB"\/><\/w:rPr><w:t[^>]*>kept<\/w:t>/);
    expect(strFromU8(files['word/styles.xml']!)).toContain('<w:lang w:val="es-ES"/>');
    // Words first (a briefing of a few messages), then the pictures.
    expect(xml.indexOf('A label')).toBeLessThan(xml.indexOf('Mapa'));
  });
});
