/**
 * A story as PowerPoint slides (.pptx), 16:9, from a deck of boxes placed in inches: words as
 * real text boxes a presenter can edit (never pictures of words), a view as a picture, the
 * speaker's notes in each slide's notes. Built in the browser by `pptxgenjs`, loaded with the
 * first deck made. Every run of the report's own words says it is in the report's language.
 */
import PptxGenJS from 'pptxgenjs';
import { officeLang, type Run } from './words';

/** The slide's size in inches (PowerPoint's own widescreen). */
export const SLIDE = { width: 13.333, height: 7.5 } as const;

export interface DeckParagraph {
  runs: readonly Run[];
  /** Points. */
  size: number;
  /** `rrggbb`. */
  color: string;
  /** Points of space before it. */
  before?: number;
  /** A link the paragraph's words open. */
  link?: string;
}

export interface DeckText {
  x: number;
  y: number;
  w: number;
  h: number;
  paragraphs: readonly DeckParagraph[];
  /** Its box's fill, and a bar down its left edge (a message's kind colour), `rrggbb`. */
  fill?: string;
  bar?: string;
}

export interface DeckImage {
  x: number;
  y: number;
  w: number;
  h: number;
  /** A PNG as a `data:` address. */
  data: string;
  alt: string;
}

export interface DeckSlide {
  background: string;
  texts: readonly DeckText[];
  images: readonly DeckImage[];
  notes: string;
}

export interface Deck {
  title: string;
  subject: string;
  author: string;
  /** The interface's language, and the report's. */
  lang: string;
  reportLang: string;
  font: string;
  slides: readonly DeckSlide[];
}

/** The width of the bar down a message's left edge, in inches. */
const BAR = 0.06;

export async function deckPptx(deck: Deck): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = deck.subject;
  pptx.author = deck.author;
  pptx.company = deck.author;
  const report = officeLang(deck.reportLang);
  const ui = officeLang(deck.lang);
  for (const spec of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: spec.background };
    for (const image of spec.images) {
      slide.addImage({ data: image.data, x: image.x, y: image.y, w: image.w, h: image.h, altText: image.alt });
    }
    for (const text of spec.texts) {
      if (text.fill) {
        slide.addShape(pptx.ShapeType.rect, {
          x: text.x,
          y: text.y,
          w: text.w,
          h: text.h,
          fill: { color: text.fill },
          line: { type: 'none' },
        });
      }
      if (text.bar) {
        slide.addShape(pptx.ShapeType.rect, {
          x: text.x,
          y: text.y,
          w: BAR,
          h: text.h,
          fill: { color: text.bar },
          line: { type: 'none' },
        });
      }
      const runs: PptxGenJS.TextProps[] = [];
      text.paragraphs.forEach((paragraph, p) => {
        paragraph.runs.forEach((run, r) => {
          runs.push({
            text: run.text,
            options: {
              bold: Boolean(run.bold),
              italic: Boolean(run.italic),
              fontSize: paragraph.size,
              color: paragraph.color,
              fontFace: deck.font,
              lang: run.report ? report : ui,
              ...(paragraph.link ? { hyperlink: { url: paragraph.link } } : {}),
              ...(r === 0 && p > 0 && paragraph.before ? { paraSpaceBefore: paragraph.before } : {}),
              ...(r === paragraph.runs.length - 1 && p < text.paragraphs.length - 1 ? { breakLine: true } : {}),
            },
          });
        });
      });
      const inset = text.bar ? BAR * 2 : 0;
      slide.addText(runs, {
        x: text.x + inset,
        y: text.y,
        w: Math.max(0.1, text.w - inset),
        h: text.h,
        valign: 'top',
        margin: text.fill ? [4, 6, 4, 6] : 0,
        fontFace: deck.font,
        // Another typeface than the stage's may run longer: the box shrinks its words rather than overflow.
        fit: 'shrink',
      });
    }
    if (spec.notes) slide.addNotes(spec.notes);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
