/**
 * The briefing as a Word document (.docx) a user can edit and restyle: real headings (Title,
 * Heading 1, Heading 2), the facts as a list, the pictures with their descriptions, and each
 * message's words as a quotation with its bold phrases, who said it and where it is from. Built
 * in the browser by the `docx` library, loaded with the first document made.
 *
 * The document's language is the interface's; every run of the report's own words says it is
 * in the report's language.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { officeLang, type Run } from './words';

export interface WordPicture {
  heading: string;
  /** Said under the heading (what the picture shows, or why there is none). */
  note?: Run[];
  image?: { png: Uint8Array; width: number; height: number; alt: string };
  /** Said after the picture (the places on the map). */
  after?: Run[];
}

export interface WordItem {
  label: string;
  /** Kind · who · places · date, in words. */
  meta: Run[];
  /** The report's words, with their bold phrases. */
  text: Run[];
  /** Where the words are from (a citation without the quote). */
  cite: Run[];
  themes: Run[];
}

export interface WordBriefing {
  /** The interface's language, and the report's. */
  lang: string;
  reportLang: string;
  product: string;
  title: string;
  subtitle?: string;
  facts: readonly { term: string; runs: Run[] }[];
  pictures: readonly WordPicture[];
  /** A briefing of a few messages gives their words first, then the pictures. */
  picturesFirst: boolean;
  groups: readonly { title: Run[]; items: readonly WordItem[] }[];
}

/** The widest a picture is set on an A4 page with 2.5 cm margins, in CSS pixels (Word's 96 per inch). */
const PAGE_WIDTH_PX = 600;

export async function briefingDocx(b: WordBriefing): Promise<Blob> {
  const report = officeLang(b.reportLang);
  const runs = (list: readonly Run[], extra: { size?: number; italics?: boolean } = {}): ParagraphChild[] =>
    list.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold || undefined,
          italics: r.italic || extra.italics || undefined,
          size: extra.size,
          ...(r.report ? { language: { value: report } } : {}),
        }),
    );
  const reportText = (text: string) => new TextRun({ text, language: { value: report } });
  const small = 20; // half-points: 10 pt

  const body: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: b.product, size: small, allCaps: true })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [reportText(b.title)] }),
    ...(b.subtitle ? [new Paragraph({ style: 'Subtitle', children: [reportText(b.subtitle)] })] : []),
    ...b.facts.map(
      (fact) =>
        new Paragraph({
          numbering: { reference: 'facts', level: 0 },
          children: [new TextRun({ text: `${fact.term}: `, bold: true }), ...runs(fact.runs)],
        }),
    ),
  ];

  const pictures = b.pictures.flatMap((picture) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(picture.heading)] }),
    ...(picture.note ? [new Paragraph({ children: runs(picture.note, { size: small }) })] : []),
    ...(picture.image
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: picture.image.png,
                transformation: fitted(picture.image.width, picture.image.height),
                altText: { name: picture.heading, title: picture.heading, description: picture.image.alt },
              }),
            ],
          }),
        ]
      : []),
    ...(picture.after ? [new Paragraph({ children: runs(picture.after, { size: small }) })] : []),
  ]);

  const messages = b.groups.flatMap((group) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(group.title) }),
    ...group.items.flatMap((item) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [reportText(item.label)] }),
      new Paragraph({ children: runs(item.meta, { size: small }) }),
      new Paragraph({ style: 'IntenseQuote', children: runs(item.text) }),
      new Paragraph({ children: runs(item.cite, { size: small }) }),
      new Paragraph({ children: runs(item.themes, { size: small, italics: true }) }),
    ]),
  ]);

  const doc = new Document({
    title: b.title,
    creator: b.product,
    description: b.subtitle,
    styles: {
      default: {
        document: { run: { language: { value: officeLang(b.lang) }, font: 'Arial', size: 22 } },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, size: 28, color: '444444' },
        },
        {
          id: 'IntenseQuote',
          name: 'Intense Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: {
            indent: { left: 360 },
            spacing: { before: 80, after: 80 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: '555555', space: 8 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'facts',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [{ children: [...body, ...(b.picturesFirst ? [...pictures, ...messages] : [...messages, ...pictures])] }],
  });
  return Packer.toBlob(doc);
}

/** A picture's size on the page: its own, at most the text's width, in proportion. */
function fitted(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, PAGE_WIDTH_PX / Math.max(1, width));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
