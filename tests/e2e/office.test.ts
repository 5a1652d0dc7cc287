/**
 * Into the office, as an analyst and a presenter do: the briefing as a Word document to edit,
 * and the story as PowerPoint slides for a room laptop that runs nothing else. Each file is read
 * back here, unzipped, from its XML: the answers are computed from the dataset file, not the app.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countLine, openApp, PUEBLA, useApp } from './app';

const app = useApp();

async function saved(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; files: Record<string, Uint8Array> }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), files: unzipSync(new Uint8Array(readFileSync(await download.path()))) };
}

/** Each paragraph's text (its runs joined), in order. */
function paragraphs(xml: string, tag: 'w:p' | 'a:p'): string[] {
  const runText = tag === 'w:p' ? /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g : /<a:t>([^<]*)<\/a:t>/g;
  return [...xml.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].map((p) =>
    [...p[0].matchAll(runText)].map((t) => unescapeXml(t[1]!)).join(''),
  );
}
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The naive answer: the key takeaways tagged COVID-19, read straight from the dataset. */
const covidTakeaways = PUEBLA.messages.filter((m) => m.kind === 'takeaway' && m.themeIds.includes('covid-19'));

describe('the briefing as a Word document', () => {
  it('key takeaways on COVID-19, in Spanish: headings, every takeaway verbatim with its bold phrases, the map and the matrix as pictures', async () => {
    const { page, errors, close } = await openApp(app, {
      query: '?lang=es&kind=takeaway&cell=*%7Ccovid-19',
      viewport: { width: 1366, height: 768 },
    });
    // "6 de 52 mensajes", in the interface's language.
    await expect
      .poll(() => countLine(page).textContent())
      .toMatch(new RegExp(`^${covidTakeaways.length}\\s+de\\s+${PUEBLA.messages.length}`));
    await page.getByRole('button', { name: 'Exportar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar' });
    await dialog.getByRole('button', { name: /^Nota informativa/ }).click();
    const briefing = page.getByRole('dialog', { name: PUEBLA.meta.title });
    const button = briefing.getByRole('button', { name: 'Descargar como Word (.docx)' });
    await button.waitFor();
    const { name, files } = await saved(page, () => button.click());
    expect(name).toMatch(new RegExp(`-${covidTakeaways.length}-messages\\.docx$`));
    // Said where the user is looking, and the focus still on the button.
    await expect.poll(() => briefing.getByText(`documento Word: ${name}`).count()).toBe(1);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    const xml = strFromU8(files['word/document.xml']!);
    const texts = paragraphs(xml, 'w:p');
    // Every takeaway, its words exactly as in the report, in a paragraph of its own; and no other message.
    for (const message of covidTakeaways) expect(texts).toContain(message.text);
    const others = PUEBLA.messages.filter((m) => !covidTakeaways.includes(m));
    for (const message of others) expect(texts).not.toContain(message.text);
    // Its bold phrases are bold runs.
    const phrase = covidTakeaways.flatMap((m) => m.highlights)[0]!;
    expect(phrase).toBeTruthy();
    expect(xml).toMatch(
      new RegExp(
        `<w:r><w:rPr><w:b/>(?:<w:bCs/>)?<w:lang w:val="en-GB"/></w:rPr><w:t[^>]*>${escapeRe(xmlText(phrase))}</w:t>`,
      ),
    );
    // Real headings: the title, a heading per topic and the pictures', one per message.
    expect(xml.match(/<w:pStyle w:val="Title"\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(covidTakeaways.length);
    const topics = new Set(covidTakeaways.map((m) => m.topicId));
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(topics.size + 2);
    // The document is Spanish; the report's words say they are English.
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:lang w:val="es-ES"\/>/);
    expect(xml).toContain('<w:lang w:val="en-GB"/>');
    expect(texts).toContain('Mapa');
    // The map and the Themes view as PNG pictures, each described.
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const file of media) expect([...files[file]!.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(xml.match(/<wp:docPr [^>]*descr="[^"]+"/g)).toHaveLength(2);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the story as PowerPoint slides', () => {
  it('the default story, in French: a slide per step, every takeaway verbatim as text, notes on each, pictures of the views', async () => {
    const viewport = { width: 1920, height: 1080 };
    const { page, errors, close } = await openApp(app, { query: '?lang=fr', viewport });
    // The steps, counted as a presenter meets them: Present, then → until the stage says the last.
    await page.getByRole('button', { name: 'Présenter', exact: true }).click();
    const where = page.locator('.stage-footer .where');
    await where.waitFor();
    const seen: string[] = [];
    for (let presses = 0; presses < 200; presses++) {
      await expect.poll(() => where.textContent()).not.toBe(seen.at(-1));
      const now = (await where.textContent())!;
      seen.push(now);
      const [, n, total, step, steps] = /Scène (\d+) sur (\d+)(?: · étape (\d+) sur (\d+))?/.exec(now)!;
      if (n === total && step === steps) break;
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    await page.locator('.page.presenting').waitFor({ state: 'detached' });

    // From the story editor, on the dashboard: the slides are made on stage behind it.
    await page.getByRole('button', { name: 'Histoire', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Parcours' });
    const button = editor.getByRole('button', { name: 'Télécharger en diapositives (.pptx)' });
    const { name, files } = await saved(page, () => button.click());
    expect(name).toMatch(/-story-\d+-slides\.pptx$/);
    await expect.poll(() => editor.getByRole('status').textContent()).toContain(name);
    // The dashboard is back, the editor still open, the focus on its button.
    expect(await page.locator('.page.presenting').count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    const slideFiles = Object.keys(files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    // One slide per step, and the last one: the source and the link.
    expect(slideFiles).toHaveLength(seen.length + 1);
    const slides = slideFiles.map((f) => strFromU8(files[f]!));
    const texts = slides.map((xml) => paragraphs(xml, 'a:p'));
    // 16:9.
    expect(strFromU8(files['ppt/presentation.xml']!)).toMatch(/<p:sldSz cx="12192000" cy="6858000"/);
    // Every key takeaway and cross-cutting message, its words exactly, in a paragraph of a text box.
    const all = texts.flat();
    const read = PUEBLA.messages.filter((m) => m.kind === 'takeaway' || m.kind === 'cross-cutting');
    for (const message of read) expect(all).toContain(message.text);
    // Every quote, in quotation marks.
    for (const message of PUEBLA.messages.filter((m) => m.kind === 'quote')) expect(all).toContain(`“${message.text}”`);
    // Their bold phrases are bold runs, in the report's language; the interface's words are French.
    const phrase = read.flatMap((m) => m.highlights)[0]!;
    expect(slides.join('')).toMatch(
      new RegExp(`<a:rPr lang="en-GB"[^>]* b="1"[^>]*>(?:(?!</a:r>).)*<a:t>${escapeRe(xmlText(phrase))}</a:t>`),
    );
    expect(all).toContain('Enseignement clé');
    expect(slides.join('')).toMatch(/<a:rPr lang="fr-FR"[^>]*>(?:(?!<\/a:r>).)*<a:t>Enseignement clé<\/a:t>/);
    // Each step's slide has the speaker's notes (the scene's, then what is on stage).
    for (let i = 1; i <= seen.length; i++) {
      const rels = strFromU8(files[`ppt/slides/_rels/slide${i}.xml.rels`]!);
      const notes = /Target="..\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(notes, `slide ${i}`).toBeTruthy();
      expect(
        paragraphs(strFromU8(files[`ppt/notesSlides/${notes}`]!), 'a:p')
          .join(' ')
          .trim().length,
      ).toBeGreaterThan(20);
    }
    // The views as pictures: the map of who took part, the timeline, the practices' map, the matrix.
    const withPicture = slides.filter((xml) => xml.includes('<p:pic>')).map((xml) => paragraphs(xml, 'a:p')[0]);
    expect(withPicture).toEqual(
      expect.arrayContaining([
        'Qui a participé, et d’où',
        expect.stringMatching(/^7 sessions/),
        expect.stringMatching(/pratiques/),
      ]),
    );
    const pictures = Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(pictures.length).toBeGreaterThanOrEqual(withPicture.length);
    for (const media of pictures) expect([...files[media]!.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    // The last slide links to the story.
    const last = slides.at(-1)!;
    const linkRel = /<a:hlinkClick r:id="(rId\d+)"/.exec(last)?.[1];
    const lastRels = strFromU8(files[`ppt/slides/_rels/slide${slides.length}.xml.rels`]!);
    expect(lastRels).toMatch(new RegExp(`Id="${linkRel}"[^>]*Target="http[^"]*story=`));
    expect(errors).toEqual([]);
    await close();
  });

  it('made on a phone, the slides are a projector’s stage, not a phone’s column', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width: 390, height: 844 } });
    // On a phone the story editor is among the filters' actions.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('button', { name: 'Story', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    const { files } = await saved(page, () =>
      editor.getByRole('button', { name: 'Download as slides (.pptx)' }).click(),
    );
    // The widest box on the steps' slides (not the last, the source's): a phone's column
    // letterboxed into 16:9 would be under a third of the slide's width.
    const steps = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length - 1;
    const widths = Array.from({ length: steps }, (_, i) => strFromU8(files[`ppt/slides/slide${i + 1}.xml`]!)).flatMap(
      (xml) => [...xml.matchAll(/<a:ext cx="(\d+)"/g)].map((m) => Number(m[1])),
    );
    expect(Math.max(...widths) / 12192000).toBeGreaterThan(0.6);
    // The phone's page is as it was.
    expect(await page.evaluate(() => document.documentElement.classList.contains('slides-frame'))).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });
});

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
