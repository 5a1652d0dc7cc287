/**
 * The story as slides: the stage walked scene by scene and step by step, as the room would see
 * it, each step read into a slide. The words are taken from the dataset (a message's text with
 * its bold phrases, its speakers) and placed where the stage shows them; a scene's view is taken
 * as a picture at twice its size, with its caption as text; each slide's notes are the speaker
 * view's (the scene's notes, then each message on stage with who said it and its section).
 * Loaded with the first deck made, with the picture and PowerPoint code.
 */
import { color } from 'd3-color';
import { tick } from 'svelte';
import { reportLexicon } from '../data/report-words';
import type { Message } from '../data/schema';
import { formatDate, formatLocalDay } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import { locale } from '../i18n/i18n.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import { speakerLine, speakersOf } from '../ui/message/speakers';
import { pictureCaption } from '../export/caption';
import { exportName } from '../export/csv';
import { background, dataUrl, viewImage } from '../export/image';
import { deckPptx, SLIDE, type Deck, type DeckParagraph, type DeckSlide, type DeckText } from '../export/pptx';
import { mixedRuns, reportRuns, type Run } from '../export/words';
import type { Presentation } from './presentation.svelte';
import { showsWords, stageViewOf } from './layout';

/** The typeface named in the slides: on every office laptop, and narrower than the stage's, so the words fit. */
const FONT = 'Arial';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A CSS colour as a slide writes it (`rgb(12, 34, 56)` → `0c2238`); a transparent one, or none, gives `fallback`. */
export function hexColour(css: string, fallback = 'ffffff'): string {
  const parsed = color(css);
  return parsed && parsed.opacity > 0 ? parsed.formatHex().slice(1) : fallback;
}

/** The colour behind an element, for a slide. */
const backgroundOf = (element: Element) => hexColour(background(element));

/** Waits until the stage has drawn the step: its words measured, the map done moving, the fonts in. */
async function settled(presentation: Presentation): Promise<void> {
  await tick();
  // The stage's code arrives with the first scene; a scene of words is measured into steps.
  const words = presentation.scene ? showsWords(presentation.scene.view) : false;
  for (let i = 0; i < 600 && !document.getElementById('stage-title'); i++) await frame();
  for (let i = 0; i < 600 && words && !presentation.measured; i++) await frame();
  await document.fonts?.ready;
  await frame();
  await frame();
  // A map scene frames its places with a quarter-second zoom.
  for (let i = 0; i < 120 && document.querySelector('.leaflet-zoom-anim'); i++) await frame();
  if (document.querySelector('.page.presenting[data-stage]')) await pause(350);
}

/** Reads the stage as it is now into a slide. */
async function readSlide(dashboard: DashboardState, presentation: Presentation): Promise<DeckSlide> {
  const stage = document.querySelector<HTMLElement>('.page.presenting .dashboard');
  if (!stage) throw new Error(m.slides_error_no_stage());
  const box = stage.getBoundingClientRect();
  // The stage scaled whole into the slide, centred: what the room saw, in proportion.
  const scale = Math.min(SLIDE.width / box.width, SLIDE.height / box.height);
  const left = (SLIDE.width - box.width * scale) / 2;
  const top = (SLIDE.height - box.height * scale) / 2;
  const place = (element: Element) => {
    const r = element.getBoundingClientRect();
    return {
      x: left + (r.left - box.left) * scale,
      y: top + (r.top - box.top) * scale,
      w: r.width * scale,
      h: r.height * scale,
    };
  };
  const points = (element: Element) => Math.max(6, parseFloat(getComputedStyle(element).fontSize) * scale * 72);
  const colour = (element: Element) => hexColour(getComputedStyle(element).color, '000000');
  const paragraph = (element: Element, runs: Run[], before = 0): DeckParagraph => ({
    runs,
    size: Math.round(points(element) * 10) / 10,
    color: colour(element),
    before,
  });
  const lexicon = reportLexicon(dashboard.dataset);
  const said = (element: Element, bold = false) => mixedRuns((element.textContent ?? '').trim(), lexicon, bold);
  const texts: DeckText[] = [];

  const headline = document.getElementById('stage-title');
  if (headline) texts.push({ ...place(headline), paragraphs: [paragraph(headline, said(headline, true))] });

  const shown: Message[] = [];
  for (const card of document.querySelectorAll<HTMLElement>('.stage-words .columns .stage-card')) {
    const message = dashboard.lookup.messages.get(card.dataset.id ?? '');
    if (!message) continue;
    shown.push(message);
    const style = getComputedStyle(card);
    const parts: DeckParagraph[] = [];
    const kind = card.querySelector('.kind');
    if (kind) parts.push(paragraph(kind, said(kind)));
    const label = card.querySelector('.label');
    if (label) parts.push(paragraph(label, [{ text: message.label, bold: true, report: true }], 3));
    const words = card.querySelector('blockquote p, .text');
    if (words) {
      const runs = reportRuns(message.text, message.highlights);
      parts.push(
        paragraph(
          words,
          message.kind === 'quote' ? [{ text: '“', report: true }, ...runs, { text: '”', report: true }] : runs,
          3,
        ),
      );
    }
    for (const who of card.querySelectorAll('.speaker .who')) parts.push(paragraph(who, said(who), 2));
    texts.push({
      ...place(card),
      paragraphs: parts,
      fill: backgroundOf(card),
      bar: hexColour(style.borderLeftColor, '') || undefined,
    });
  }
  // The consultation's facts, a place's facts, or what an empty stage says.
  for (const block of document.querySelectorAll(
    '.stage-words .columns .facts, .place-facts .facts, .stage-words .empty',
  )) {
    const lines = block.matches('.empty') ? [block] : [...block.children];
    texts.push({
      ...place(block),
      paragraphs: lines.map((line, i) => paragraph(line, said(line, line.tagName === 'H2'), i ? 4 : 0)),
    });
  }

  const images: DeckSlide['images'][number][] = [];
  const scene = presentation.scene;
  const view = scene ? stageViewOf(scene.view) : null;
  const region = view ? stage.querySelector<HTMLElement>(`:scope > .region.${view}`) : null;
  const footer = document.querySelector('.stage-footer');
  const caption = region ? pictureCaption(dashboard, viewName(view!)) : null;
  if (region && caption) {
    const picture = await viewImage(region, undefined, 2);
    images.push({
      ...place(region),
      data: await dataUrl(picture, m.slides_error_picture()),
      alt: caption.lines.slice(1).join(' '),
    });
  }
  if (footer) {
    // Under a view, its caption; under words, where they are from: the report and its sections.
    const sections = [...new Set(shown.map((message) => message.source.section))];
    const meta = dashboard.dataset.meta;
    const source = `${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}`;
    const line = caption
      ? caption.lines.slice(1).join(' · ')
      : sections.length
        ? `${source}. ${m.slides_sections({ count: sections.length, sections: sections.join('; ') })}`
        : source;
    const where = footer.querySelector('.where');
    texts.push({
      ...place(footer),
      paragraphs: [
        paragraph(footer, [...mixedRuns(line, lexicon), { text: where ? `  ·  ${where.textContent ?? ''}` : '' }]),
      ],
    });
  }
  const notes = [
    scene?.notes ?? '',
    ...shown.map((message) => {
      const who = speakersOf(message, dashboard.lookup).map(speakerLine).join('; ');
      return `• ${message.label}${who ? ` — ${who}` : ''} (${message.source.section})`;
    }),
  ]
    .filter(Boolean)
    .join('\n');
  return { background: backgroundOf(stage), texts, images, notes };
}

function viewName(view: 'map' | 'timeline' | 'themes'): string {
  return view === 'map' ? m.export_view_map() : view === 'timeline' ? m.export_view_timeline() : m.export_view_themes();
}

/** The last slide: the story's source, and the link that plays it. */
function endSlide(dashboard: DashboardState, link: string | null, background: string, text: string): DeckSlide {
  const meta = dashboard.dataset.meta;
  const lexicon = reportLexicon(dashboard.dataset);
  const x = 0.8;
  const w = SLIDE.width - 2 * x;
  const paragraphs: DeckParagraph[] = [
    { runs: [{ text: meta.title, bold: true, report: true }], size: 32, color: text },
    ...(meta.subtitle ? [{ runs: [{ text: meta.subtitle, report: true }], size: 20, color: text, before: 4 }] : []),
    {
      runs: [
        { text: `${m.briefing_source()}: `, bold: true },
        ...mixedRuns(`${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}`, lexicon),
      ],
      size: 18,
      color: text,
      before: 24,
    },
    ...(link
      ? [
          // The address is long (the whole story is in it): its words open it, as a link.
          { runs: [{ text: m.slides_link(), bold: true }], size: 18, color: text, before: 18, link },
        ]
      : []),
    { runs: [{ text: m.slides_made({ date: formatLocalDay(new Date()) }) }], size: 14, color: text, before: 24 },
  ];
  return { background, texts: [{ x, y: 1.2, w, h: SLIDE.height - 2.2, paragraphs }], images: [], notes: '' };
}

export interface SlidesProgress {
  scene: number;
  scenes: number;
}

/**
 * Walks the story on stage and reads each step into a slide, then puts the stage back where it
 * was. The presentation must be on stage.
 */
export async function recordDeck(
  dashboard: DashboardState,
  presentation: Presentation,
  onprogress: (progress: SlidesProgress) => void = () => {},
): Promise<Deck> {
  const back = { index: presentation.index, step: presentation.step };
  presentation.collapse();
  if (presentation.blackedOut) presentation.blackout();
  const slides: DeckSlide[] = [];
  try {
    for (let i = 0; i < presentation.scenes.length; i++) {
      onprogress({ scene: i + 1, scenes: presentation.scenes.length });
      presentation.go(i, 0);
      await settled(presentation);
      slides.push(await readSlide(dashboard, presentation));
      for (let step = 1; step < presentation.steps; step++) {
        presentation.go(i, step);
        await settled(presentation);
        slides.push(await readSlide(dashboard, presentation));
      }
    }
  } finally {
    presentation.go(back.index, back.step);
  }
  const first = slides[0];
  const meta = dashboard.dataset.meta;
  // A copy opened from a disk has no address to give.
  const link = location.protocol === 'file:' ? null : await presentation.shareLink().catch(() => null);
  slides.push(
    endSlide(dashboard, link, first?.background ?? 'ffffff', first?.texts[0]?.paragraphs[0]?.color ?? '000000'),
  );
  return {
    title: meta.title,
    subject: meta.subtitle ?? meta.source.title,
    author: 'Consultation Atlas',
    lang: locale(),
    reportLang: meta.language,
    font: FONT,
    slides,
  };
}

/**
 * The story as a .pptx file: on stage for as long as it takes (the presentation is entered, not
 * full screen, when it was not on), walked, and put back as it was. Its name, and how many slides.
 */
export async function storySlides(
  dashboard: DashboardState,
  presentation: Presentation,
  onprogress?: (progress: SlidesProgress) => void,
): Promise<{ file: Blob; name: string; slides: number }> {
  const entered = !presentation.active;
  presentation.recording = true;
  // A screen smaller than a laptop's lays the stage out in a 16:9 frame of 1280 × 720 (Dashboard.svelte).
  presentation.framed = innerWidth < 1024 || innerHeight < 576;
  try {
    if (entered) presentation.enter({ fullscreen: false });
    const deck = await recordDeck(dashboard, presentation, onprogress);
    const file = await deckPptx(deck);
    const name = exportName(`${dashboard.dataset.meta.title} story`, deck.slides.length, 'pptx', 'slide');
    return { file, name, slides: deck.slides.length };
  } finally {
    if (entered) presentation.exit();
    presentation.framed = false;
    presentation.recording = false;
  }
}
