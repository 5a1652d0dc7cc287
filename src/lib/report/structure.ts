/**
 * The structure reader: from a report's blocks to a draft consultation. It reads the report as
 * a secretariat writes one: a title and a date, an introduction, a schedule (a table or a list
 * of dates), a heading per topic with its speakers and its key takeaways (lists), quotes with
 * their speaker after them, city practices, and the messages that recur across topics.
 *
 * Every proposed message keeps the report's own words (marks removed, white space folded) and
 * the blocks it came from; nothing here is written into a dataset until a person accepts it.
 */
import type { MessageKind, Session } from '../data/schema';
import { BREAK, boldPhrases, fold, plain, type Block, type Run } from './blocks';
import { foldText } from '../filters/text';
import { countryOf } from './gazetteer';

export interface Speaker {
  /** The name as the attribution writes it. */
  name: string;
  /** The whole attribution ("Nancy Perez, Mexico City"). */
  attribution: string;
  /** The draft person it names, when one matches. */
  person?: string;
}

export interface Proposal {
  id: string;
  kind: MessageKind;
  text: string;
  highlights: string[];
  /** The topic's number, or null when it spans topics (the introduction, cross-cutting messages). */
  topic: number | null;
  /** The report's headings above it ("Topic 1 – Skilling Migrants › Key Takeaways"). */
  section: string;
  /** The blocks it came from (their numbers in the report). */
  blocks: number[];
  speaker?: Speaker;
  /** A practice cited inside a takeaway or a quote: that proposal's id. */
  excerptOf?: string;
}

export interface DraftPerson {
  key: string;
  name: string;
  role: string;
  /** The place named in the person's line (a city, a state), if any. */
  place?: string;
  /** The country's ISO code, when the line ends with a country. */
  countryCode?: string;
  /** The organisation the line names ("Office for New Americans", "Cities Alliance"). */
  organisation?: string;
  topics: number[];
  /** Other spellings met in quotes' attributions. */
  variants: string[];
  block: number;
}

export interface DraftTopic {
  number: number;
  title: string;
  block: number;
  /** The key of the session that held it: the one named after it, or the next thematic one in the schedule's order. */
  session?: string;
  sessionBy?: 'title' | 'order';
}

export interface DraftSession {
  key: string;
  /** `YYYY-MM-DD`, or null when the schedule gives no date the reader understands. */
  date: string | null;
  order: number;
  type: Session['type'];
  title: string;
  block: number;
  /** The date was not on this row: it is the row's above. */
  dateInherited: boolean;
}

export interface Draft {
  title: string;
  subtitle?: string;
  /** `YYYY-MM` */
  published?: string;
  language: string;
  blocks: Block[];
  topics: DraftTopic[];
  sessions: DraftSession[];
  people: DraftPerson[];
  proposals: Proposal[];
}

type Role = 'takeaways' | 'cross-cutting' | 'people' | 'schedule' | 'practices' | 'skip';

/** What a heading says its part holds, in the report languages the app speaks (en, es, fr, pt). */
const ROLES: [Role, RegExp][] = [
  [
    'cross-cutting',
    /cross[\s-]?cutting|recurring|overarching|transvers|common (messages|themes)|general messages|cuts? across|across (the )?(sessions|topics|themes)|recurrent|récurrent|recorrent/i,
  ],
  [
    'people',
    /representatives|speakers|panel+ists|participants|presenters|contributors|interventions|who spoke|ponentes|oradores|panelistas|participantes|representantes|intervenants|orateurs|représentants|intervenções/i,
  ],
  ['schedule', /schedule|programme|program\b|programa\b|agenda|calendar|calendario|calendrier|cronograma|timeline/i],
  [
    'practices',
    /practices|case stud|examples from|city examples|initiatives|prácticas|pratiques|práticas|experiencias|iniciativas/i,
  ],
  [
    'takeaways',
    /take-?aways|key (messages|points|findings|issues)|conclusions|main (points|messages|findings|issues)|outcomes|recommendations|highlights|lessons|summary of (the )?discussion|discussion points|conclusiones|mensajes clave|puntos clave|recomendaciones|lecciones|messages cl[ée]s|points cl[ée]s|recommandations|conclusões|mensagens[- ]chave|pontos[- ]chave|recomendações|lições/i,
  ],
  [
    'skip',
    /^(contents|table of contents|references|annex(es)?|acknowledg(e)?ments|abbreviations|acronyms|índice|sommaire|anexos?|annexes?)\b/i,
  ],
];

const TOPIC_HEADING =
  /^(?:topic|theme|session|panel|breakout(?:\s+session)?|workshop|webinar|thematic\s+(?:session|breakout)|tema|eje|sesión|mesa|taller|thème|séance|atelier|sujet|tópico|sessão|oficina)\s*(?:no\.?\s*|n[°º]\s*)?(\d+|[IVX]+)\b\s*[:.–—-]?\s*(.*)$/iu;

/** Month names in the report languages (en, es, fr, pt), and English's short forms. */
const MONTHS: string[][] = [
  ['january', 'enero', 'janvier', 'janeiro'],
  ['february', 'febrero', 'fevrier', 'fevereiro'],
  ['march', 'marzo', 'mars', 'marco'],
  ['april', 'abril', 'avril'],
  ['may', 'mayo', 'mai', 'maio'],
  ['june', 'junio', 'juin', 'junho'],
  ['july', 'julio', 'juillet', 'julho'],
  ['august', 'agosto', 'aout'],
  ['september', 'septiembre', 'setiembre', 'septembre', 'setembro', 'sept'],
  ['october', 'octubre', 'octobre', 'outubro'],
  ['november', 'noviembre', 'novembre', 'novembro'],
  ['december', 'diciembre', 'decembre', 'dezembro'],
].map((names, i) => [
  ...names,
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][i]!,
]);
const MONTH = `(${[...new Set(MONTHS.flat())]
  .sort((a, b) => b.length - a.length)
  .map(accentless)
  .join('|')})\\.?`;
const DAY_MONTH = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th|er|º)?\\s+(?:of\\s+|de\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?(\\d{4}))?\\b`,
  'i',
);
const MONTH_DAY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_YEAR = new RegExp(`^${MONTH}\\s+(?:de\\s+)?(\\d{4})$`, 'i');

const OPEN = '‘\'“"«';
const CLOSE = '’\'”"»';
const QUOTED = new RegExp(`^[${OPEN}]([\\s\\S]+)[${CLOSE}][.,;]?$`);

/** Reads a report's blocks into a draft consultation. */
export function readStructure(blocks: readonly Block[]): Draft {
  return new Reader(promoteHeadings(blocks)).read();
}

/**
 * Headings a report wrote as paragraphs: a short line naming a topic ("Theme 1: Recognising
 * skills") or a part ("Key messages", "Speakers"), or a short bold line. In a report with no
 * heading at all (plain text, a Word file without heading styles), any short line that ends
 * without a full stop is taken as a heading too. A topic's heading is level 2, its parts level 3.
 */
export function promoteHeadings(blocks: readonly Block[]): Block[] {
  const loose = !blocks.some((block) => block.type === 'heading');
  return blocks.map((block, i) => {
    if (block.type !== 'paragraph') return block;
    if (i === 0)
      return loose && words(plain(block.runs)) <= 12
        ? { type: 'heading', depth: 1, runs: block.runs, n: block.n }
        : block;
    const text = plain(block.runs);
    const short =
      !MONTH_YEAR.test(accentless(text)) &&
      words(text) <= 12 &&
      !/[.;,!?)”’"']$/.test(text) &&
      /^[\p{Lu}\d]/u.test(text) &&
      !startsWithDate(text);
    if (!short) return block;
    const topic = TOPIC_HEADING.exec(text.replace(/:$/, ''));
    const role = roleOf(text);
    const bold = block.runs.every((run) => run.bold || !run.text.trim());
    if (!(topic?.[2] || role || bold || (loose && words(text) <= 8 && !/:$/.test(text)))) return block;
    const depth = topic?.[2] ? 2 : role === 'people' || role === 'takeaways' || role === 'practices' ? 3 : 2;
    return { type: 'heading', depth, runs: block.runs, n: block.n };
  });
}

interface Heading {
  block: Block & { type: 'heading' };
  text: string;
  role: Role | null;
  topic: number | null;
}

class Reader {
  readonly #blocks: readonly Block[];
  readonly #draft: Draft;
  #stack: Heading[] = [];
  #titleBlock = 0;
  /** The proposal the last block went into, and that block: a paragraph broken by a page can continue it. */
  #last: { proposal: Proposal; block: Block; lead: boolean } | null = null;
  #sessionDate: string | null = null;
  #year: number | null = null;
  #nextId = 1;

  constructor(blocks: readonly Block[]) {
    this.#blocks = blocks;
    this.#draft = {
      title: '',
      language: detectLanguage(blocks),
      blocks: [...blocks],
      topics: [],
      sessions: [],
      people: [],
      proposals: [],
    };
  }

  read(): Draft {
    this.#readTitle();
    const topics = this.#topicHeadings();
    for (let i = 0; i < this.#blocks.length; i++) {
      const block = this.#blocks[i]!;
      if (block.n === this.#titleBlock || block.n === this.#subtitleBlock) continue;
      if (block.type === 'heading') {
        this.#heading(block, topics.get(block.n) ?? null);
        this.#last = null;
        continue;
      }
      const consumed = this.#block(block, this.#blocks[i + 1]);
      if (consumed) i++;
    }
    this.#practices();
    this.#speakers();
    this.#sessionsForTopics();
    return this.#draft;
  }

  /** The first heading is the title, unless the report opens with text; a "Month YYYY" line near it is the date. */
  #readTitle() {
    const first = this.#blocks.find((block) => block.type === 'heading' || block.type === 'paragraph');
    if (!first) return;
    const title = plain(first.runs);
    if (first.type === 'heading' || title.length <= 120) {
      this.#titleBlock = first.n;
      const [main, sub] = title.split(/\s+[—–]\s+|:\s+/, 2);
      this.#draft.title = fold(main!);
      if (sub) this.#draft.subtitle = fold(title.slice(main!.length).replace(/^\s*[—–:]\s*/, ''));
      // A short line straight under the title ("Outcome report") is its subtitle, not a passage.
      const next = this.#blocks[this.#blocks.indexOf(first) + 1];
      const line = next ? plain(next.runs) : '';
      if (
        next &&
        next.type === 'paragraph' &&
        words(line) <= 6 &&
        !/[.;!?]$/.test(line) &&
        !roleOf(line) &&
        !TOPIC_HEADING.test(line) &&
        !MONTH_YEAR.test(accentless(line))
      ) {
        this.#draft.subtitle = this.#draft.subtitle ? `${this.#draft.subtitle} — ${line}` : line;
        this.#subtitleBlock = next.n;
      }
    }
    for (const block of this.#blocks.slice(0, 12)) {
      const line = accentless(plain(block.runs));
      const match = MONTH_YEAR.exec(line) ?? DATE_IN_LINE.exec(line);
      if (match) {
        const month = monthIndex(match[1]!);
        this.#draft.published = `${match[2]}-${String(month + 1).padStart(2, '0')}`;
        this.#year = Number(match[2]);
        this.#dateBlock = block.n;
        break;
      }
    }
    this.#year ??= yearIn(this.#blocks);
  }
  #dateBlock = 0;
  #subtitleBlock = 0;

  /**
   * Which headings are topics: those named so ("Topic 2 – …", "Session 3: …"); when none is,
   * the headings that hold a list of takeaways under them.
   */
  #topicHeadings(): Map<number, DraftTopic> {
    const headings = this.#blocks.filter((block): block is Block & { type: 'heading' } => block.type === 'heading');
    const found = new Map<number, DraftTopic>();
    for (const heading of headings) {
      if (heading.n === this.#titleBlock) continue;
      const match = TOPIC_HEADING.exec(headingText(heading));
      if (match && match[2])
        found.set(heading.n, { number: numberOf(match[1]!), title: fold(match[2]), block: heading.n });
    }
    // Numbers that repeat (a "Panel 1" on each day) would make two topics one: the topics are numbered in reading order.
    const numbers = [...found.values()].map((topic) => topic.number);
    if (new Set(numbers).size < numbers.length) [...found.values()].forEach((topic, i) => (topic.number = i + 1));
    if (found.size === 0) {
      let number = 0;
      headings.forEach((heading, i) => {
        if (heading.n === this.#titleBlock || roleOf(headingText(heading))) return;
        const under = headings.slice(i + 1);
        const end = under.findIndex((next) => next.depth <= heading.depth);
        const children = end < 0 ? under : under.slice(0, end);
        if (children.some((child) => roleOf(headingText(child)) === 'takeaways'))
          found.set(heading.n, { number: ++number, title: headingText(heading), block: heading.n });
      });
    }
    this.#draft.topics = [...found.values()];
    return found;
  }

  #heading(block: Block & { type: 'heading' }, topic: DraftTopic | null) {
    while (this.#stack.length && this.#stack.at(-1)!.block.depth >= block.depth) this.#stack.pop();
    const text = headingText(block);
    this.#stack.push({ block, text, role: topic ? null : roleOf(text), topic: topic?.number ?? null });
  }

  get #topic(): number | null {
    for (let i = this.#stack.length - 1; i >= 0; i--) if (this.#stack[i]!.topic !== null) return this.#stack[i]!.topic;
    return null;
  }

  get #role(): Role | null {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      const heading = this.#stack[i]!;
      if (heading.topic !== null) return null;
      if (heading.role) return heading.role;
    }
    return null;
  }

  get #section(): string {
    const start = this.#stack.findLastIndex((heading) => heading.topic !== null);
    return this.#stack
      .slice(Math.max(0, start))
      .map((heading) => heading.text)
      .join(' › ');
  }

  /** Reads one block; returns true when it also used the next one (a quote's attribution on its own line). */
  #block(block: Block, next: Block | undefined): boolean {
    const role = this.#role;
    const topic = this.#topic;
    const inTopics = topic !== null || this.#draft.topics.length === 0;
    if (role === 'skip' || block.n === this.#dateBlock) return false;

    if (block.type === 'row') {
      this.#row(block);
      return false;
    }
    // Dated lines are sessions under a schedule's heading, or in a list before the first topic.
    if (role === 'schedule' || (block.type === 'item' && topic === null && startsWithDate(plain(block.runs)))) {
      if (this.#sessionLine(block, plain(block.runs))) return false;
    }
    if (role === 'people' && this.#person(block, topic)) return false;

    const quote = readQuote(block, next);
    if (quote) {
      this.#propose({
        kind: 'quote',
        text: quote.text,
        highlights: [],
        block,
        speaker: quote.speaker,
        extra: quote.usedNext ? next : undefined,
      });
      this.#last = null;
      return quote.usedNext;
    }
    const embedded = block.type === 'paragraph' ? embeddedQuote(block) : null;
    if (embedded) {
      this.#propose({ kind: 'quote', text: embedded, highlights: [], block });
      this.#last = null;
      return false;
    }

    const text = plain(block.runs);
    if (this.#continues(block, text, role)) return false;

    if (block.type === 'item' || block.type === 'quote') {
      const kind: MessageKind | null =
        role === 'cross-cutting'
          ? 'cross-cutting'
          : role === 'practices'
            ? 'practice'
            : role === 'takeaways' || (inTopics && role !== 'people' && topic !== null)
              ? 'takeaway'
              : null;
      if (!kind) return false; // a list in the introduction (the topics, the organisers): structure, not a message
      const runs = withoutNumber(block.runs);
      if (kind === 'takeaway' && this.#ledByPlace(runs)) {
        this.#last = null;
        this.#propose({ kind: 'practice', text: plain(runs), highlights: boldPhrases(runs), block });
        return false;
      }
      const proposal = this.#propose({ kind, text: plain(runs), highlights: boldPhrases(runs), block });
      const said = plain(runs);
      this.#last = { proposal, block, lead: boldPhrases(runs).join(' ') === said || !/[.!?…:;)’'”"]$/.test(said) };
      return false;
    }

    // A paragraph.
    if (/:$/.test(text) && next && next.type === 'item' && role !== 'takeaways') return false; // leads into a list
    const kind: MessageKind =
      role === 'cross-cutting'
        ? 'cross-cutting'
        : role === 'practices'
          ? 'practice'
          : role === 'takeaways' && inTopics
            ? 'takeaway'
            : 'context';
    const proposal = this.#propose({ kind, text, highlights: boldPhrases(block.runs), block });
    this.#last = { proposal, block, lead: false };
    return false;
  }

  /**
   * A paragraph that goes on with the message above it: one broken by a page (it starts in
   * lower case), or the text under a bold lead-in item ("1. To ensure access to services." then
   * its paragraph).
   */
  #continues(block: Block, text: string, role: Role | null): boolean {
    const last = this.#last;
    if (!last || block.type !== 'paragraph' || last.block.n !== block.n - 1) return false;
    const brokenByPage = /^[\p{Ll}]/u.test(text);
    const underLead = last.lead && last.block.type === 'item' && (role === 'takeaways' || this.#topic !== null);
    if (!brokenByPage && !underLead) return false;
    last.proposal.text = fold(`${last.proposal.text} ${text}`);
    last.proposal.highlights.push(...boldPhrases(block.runs));
    last.proposal.blocks.push(block.n);
    this.#last = { ...last, block, lead: false };
    return true;
  }

  #propose(input: {
    kind: MessageKind;
    text: string;
    highlights: string[];
    block: Block;
    speaker?: Speaker;
    extra?: Block;
    topic?: number | null;
  }): Proposal {
    const proposal: Proposal = {
      id: `p${this.#nextId++}`,
      kind: input.kind,
      text: input.text,
      highlights: input.highlights.filter((phrase) => input.text.includes(phrase)),
      topic: input.kind === 'cross-cutting' ? null : (input.topic ?? this.#topic),
      section: this.#section,
      blocks: input.extra ? [input.block.n, input.extra.n] : [input.block.n],
      ...(input.speaker ? { speaker: input.speaker } : {}),
    };
    this.#draft.proposals.push(proposal);
    return proposal;
  }

  /**
   * A practice led by its city's name in bold ("**Palermo:** the city opened…"): a lead of up to
   * three capitalised words and a colon, that names two words or more ("Mexico City:"), or a
   * place the report already named (a speaker's city, a country).
   */
  #ledByPlace(runs: readonly Run[]): boolean {
    const [lead] = runs;
    if (!lead?.bold || runs.length < 2) return false;
    const match = /^([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2})\s*[:–—]\s*$/u.exec(fold(lead.text));
    if (!match) return false;
    const name = match[1]!;
    return (
      name.includes(' ') ||
      !!countryOf(name) ||
      this.#draft.people.some((person) => person.place && sameName(person.place, name))
    );
  }

  /** A person's line: "Name, Role, Place, Country". */
  #person(block: Block, topic: number | null): boolean {
    if (block.type !== 'item' && block.type !== 'paragraph') return false;
    const parts = personParts(plain(block.runs));
    const name = parts[0] ?? '';
    if (!looksLikeName(name)) return false;
    const rest = parts.slice(1);
    const countryCode = rest.length ? countryOf(rest.at(-1)!) : undefined;
    if (countryCode) rest.pop();
    let organisation: string | undefined;
    let place = countryCode && rest.length >= 1 ? rest.pop() : undefined;
    if (place && ORGANISATION.test(place)) [organisation, place] = [place, undefined];
    organisation ??= organisationIn(rest);
    place = place?.replace(PLACE_PREFIX, '');
    const existing = this.#draft.people.find((person) => sameName(person.name, name));
    if (existing) {
      if (topic !== null && !existing.topics.includes(topic)) existing.topics.push(topic);
      return true;
    }
    this.#draft.people.push({
      key: `person-${this.#draft.people.length + 1}`,
      name,
      role: rest.join(', '),
      ...(place ? { place } : {}),
      ...(countryCode ? { countryCode } : {}),
      ...(organisation ? { organisation } : {}),
      topics: topic === null ? [] : [topic],
      variants: [],
      block: block.n,
    });
    return true;
  }

  /** A table's row: a session of the schedule, or a quote with its speaker in the next cell. */
  #row(block: Block & { type: 'row' }) {
    const cells = block.cells.map((cell) => plain(cell));
    if (this.#sessionRow(block, cells)) return;
    const at = cells.findIndex((cell) => QUOTED.test(cell) && words(cell) >= 5);
    if (at >= 0) {
      const body = QUOTED.exec(cells[at]!)![1]!.trim();
      const attribution = cells.filter((_, i) => i !== at && cells[i]).join(', ');
      this.#propose({
        kind: 'quote',
        text: body,
        highlights: [],
        block,
        ...(attribution ? { speaker: speakerOf(attribution) } : {}),
      });
    }
  }

  #sessionRow(block: Block & { type: 'row' }, cells: string[]): boolean {
    const [first = '', ...rest] = cells;
    const title = rest.filter(Boolean).join(' – ');
    if (!title) return false;
    // A blank date is the row's above only within the schedule's own table.
    if (first === '' && this.#sessionDate && this.#scheduleTable === block.table) {
      this.#addSession(block, this.#sessionDate, title, true);
      return true;
    }
    const date = readDay(first, this.#year);
    if (!date) return false;
    this.#scheduleTable = block.table;
    this.#addSession(block, date, title, false);
    return true;
  }
  #scheduleTable = 0;

  /** A schedule written as a list or lines: "4 June: Opening plenary", "June 11 – Breakout session 1". */
  #sessionLine(block: Block, text: string): boolean {
    const bare = accentless(text);
    const match = DAY_MONTH.exec(bare) ?? MONTH_DAY.exec(bare) ?? ISO_DAY.exec(bare);
    if (!match) return false;
    const date = readDay(match[0], this.#year);
    const title = fold(text.slice(match[0].length).replace(/^\s*[:–—|,-]\s*/, ''));
    if (!date || !title) return false;
    this.#addSession(block, date, title, false);
    return true;
  }

  #addSession(block: Block, date: string, title: string, dateInherited: boolean) {
    this.#sessionDate = date;
    const order = this.#draft.sessions.filter((session) => session.date === date).length + 1;
    this.#draft.sessions.push({
      key: `session-${this.#draft.sessions.length + 1}`,
      date,
      order,
      type: sessionType(title),
      title,
      block: block.n,
      dateInherited,
    });
  }

  /** City practices cited inside takeaways and quotes: the sentence that names one ("For example, Montevideo has set up a fund…"). */
  #practices() {
    for (const parent of [...this.#draft.proposals]) {
      if (parent.kind !== 'takeaway' && parent.kind !== 'quote') continue;
      const all = sentences(parent.text);
      if (parent.kind === 'takeaway' && all.length === 1 && isPractice(all[0]!)) {
        parent.kind = 'practice'; // the whole item cites a practice
        continue;
      }
      for (const sentence of all) {
        if (!isPractice(sentence)) continue;
        this.#draft.proposals.splice(
          this.#draft.proposals.indexOf(parent) +
            1 +
            this.#draft.proposals.filter((p) => p.excerptOf === parent.id).length,
          0,
          {
            id: `p${this.#nextId++}`,
            kind: 'practice',
            text: sentence,
            highlights: parent.highlights.filter((phrase) => sentence.includes(phrase)),
            topic: parent.topic,
            section: parent.section,
            blocks: [...parent.blocks],
            excerptOf: parent.id,
            ...(parent.speaker ? { speaker: { ...parent.speaker } } : {}),
          },
        );
      }
    }
  }

  /** Ties each quote's speaker to a person of the report, or adds the person the attribution names. */
  #speakers() {
    for (const proposal of this.#draft.proposals) {
      const speaker = proposal.speaker;
      if (!speaker) continue;
      let person = this.#draft.people.find((candidate) => sameName(candidate.name, speaker.name));
      person ??= this.#draft.people.find((candidate) => likelySame(candidate.name, speaker.name));
      if (!person) {
        const parts = personParts(speaker.attribution).slice(1);
        person = {
          key: `person-${this.#draft.people.length + 1}`,
          name: speaker.name,
          role: parts.join(', '),
          topics: proposal.topic === null ? [] : [proposal.topic],
          variants: [],
          block: proposal.blocks.at(-1)!,
        };
        this.#draft.people.push(person);
      } else if (!sameName(person.name, speaker.name) && !person.variants.includes(speaker.name)) {
        person.variants.push(speaker.name);
      }
      speaker.person = person.key;
    }
  }

  /** Topics meet the schedule's thematic sessions in order ("inferred from the order", says the review). */
  #sessionsForTopics() {
    const thematic = this.#draft.sessions.filter(
      (session) => session.type === 'thematic-breakout' || session.type === 'thematic-session',
    );
    const topics = [...this.#draft.topics].sort((a, b) => a.number - b.number);
    // A session named after its topic ("Session 1: Access to services") holds it; the others
    // meet the schedule's remaining thematic sessions in order.
    const key = (text: string) =>
      ` ${accentless(text)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()} `;
    const taken = new Set<string>();
    for (const topic of topics) {
      const named = thematic.find(
        (session) => !taken.has(session.key) && key(session.title).includes(key(topic.title)),
      );
      if (named) {
        topic.session = named.key;
        topic.sessionBy = 'title';
        taken.add(named.key);
      }
    }
    const rest = thematic.filter((session) => !taken.has(session.key));
    for (const topic of topics.filter((t) => !t.session)) {
      const session = rest.shift();
      if (session) [topic.session, topic.sessionBy] = [session.key, 'order'];
    }
  }
}

function headingText(block: Block): string {
  return plain(block.runs)
    .replace(/\s*:$/, '')
    .replace(/^(?:\d+(?:\.\d+)*|[IVX]+)[.)]?\s+(?=\p{Lu})/u, '');
}

function roleOf(text: string): Role | null {
  return ROLES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

function numberOf(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  const letters = token.toLowerCase().split('');
  letters.forEach((letter, i) => {
    const value = values[letter] ?? 0;
    total += value < (values[letters[i + 1] ?? ''] ?? 0) ? -value : value;
  });
  return total;
}

/** "é" → "e": month names are matched without their accents ("février", "março"). */
function accentless(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

function monthIndex(name: string): number {
  const key = accentless(name).toLowerCase().replace('.', '');
  return MONTHS.findIndex((names) => names.includes(key));
}

const DATE_IN_LINE = new RegExp(`^(?:published|date)?[:\\s]*${MONTH}\\s+(\\d{4})$`, 'i');

function yearIn(blocks: readonly Block[]): number | null {
  for (const block of blocks) {
    const match = /\b(19|20)\d{2}\b/.exec(plain(block.runs));
    if (match) return Number(match[0]);
  }
  return null;
}

function startsWithDate(text: string): boolean {
  const bare = accentless(text);
  return DAY_MONTH.test(bare) || MONTH_DAY.test(bare) || ISO_DAY.test(bare);
}

/** A day as `YYYY-MM-DD` ("4 June", "June 4, 2020", "2020-06-04"), the year from the report when it is not written. */
export function readDay(text: string, year: number | null): string | null {
  const value = accentless(fold(text));
  const iso = ISO_DAY.exec(value);
  if (iso) return iso[0];
  let day: string, month: string, written: string | undefined;
  const dayFirst = DAY_MONTH.exec(value);
  const monthFirst = MONTH_DAY.exec(value);
  if (dayFirst) [, day, month, written] = dayFirst as unknown as [string, string, string, string | undefined];
  else if (monthFirst) [, month, day, written] = monthFirst as unknown as [string, string, string, string | undefined];
  else return null;
  const y = written ? Number(written) : year;
  if (!y) return null;
  return `${y}-${String(monthIndex(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A session's kind from its title, in the report languages (en, es, fr, pt). */
export function sessionType(title: string): Session['type'] {
  const plenary = /plenar|plénière|pleno/i.test(title);
  if (/opening|apertura|ouverture|abertura|inaugura/i.test(title)) return 'opening-plenary';
  if (/closing|cierre|clôture|cloture|encerramento|clausura|wrap[- ]up|conclu/i.test(title))
    return plenary ? 'closing-plenary' : 'closing-session';
  if (/breakout|break-out|parallel|paralel|atelier|taller|oficina|groupe de travail|grupo de trabajo/i.test(title))
    return 'thematic-breakout';
  return 'thematic-session';
}

function withoutNumber(runs: readonly Run[]): Run[] {
  const [first, ...rest] = runs;
  if (!first) return [];
  const text = first.text.replace(/^\s*(\d{1,2}|[a-z])[.)]\s+/, '');
  return text === first.text ? [...runs] : [{ ...first, text }, ...rest];
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Splits at commas that are not inside brackets. */
function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(fold(current));
      current = '';
    } else current += char;
  }
  parts.push(fold(current));
  return parts.filter(Boolean);
}

/**
 * A person's line in its parts, the name first: "Name, Role, Place, Country", "Name (Role,
 * Place)", "Name – Role, Place" or "Name: Role, Place".
 */
function personParts(text: string): string[] {
  const bracket = /^([^(),–—:]+?)\s*\((.+)\)\s*$/.exec(text);
  if (bracket) return [fold(bracket[1]!), ...splitCommas(bracket[2]!)];
  const dash = /^([^,–—:]+?)\s*[–—:]\s+(.+)$/.exec(text);
  if (dash && looksLikeName(dash[1]!)) return [fold(dash[1]!), ...splitCommas(dash[2]!)];
  return splitCommas(text);
}

const ORGANISATION =
  /\b(consortium|federation|association|commission|office|ministry|council|network|alliance|secretariat|government|department|directorate|agency|organi[sz]ation|institute|foundation|university|union|conference|coalition|international|committee|bank|forum|programme|mercociudades|uclg|iom|unhcr|unicef|undp|ilo|oecd)\b|\([\p{Lu}]{2,}\)/iu;
const ROLE_START =
  /^(focal point|director|head|secretary|adviser|advisor|coordinator|manager|mayor|deputy|vice|councillor|councilor|minister|president|chair|officer|specialist|expert|lead|chief|representative|member)\b/i;
const PLACE_PREFIX =
  /^(?:the\s+)?(?:municipality|city|town|province|state|region|department|prefecture|canton|district) of\s+/i;

/**
 * The organisation a person's role names: its last part ("…, Cities Alliance"), or what follows
 * "of the" or "in the" in it ("Director of the Office for New Americans").
 */
function organisationIn(segments: readonly string[]): string | undefined {
  const role = segments.join(', ');
  const tail = /\s(?:of|in|at)\s+(?:the\s+)?(.+)$/.exec(role)?.[1];
  if (tail && ORGANISATION.test(tail) && !ROLE_START.test(tail)) return tail.split(/\s+[-–—]\s+/).at(-1);
  const last = segments
    .at(-1)
    ?.split(/\s+[-–—]\s+/)
    .at(-1);
  return last && ORGANISATION.test(last) && !ROLE_START.test(last) ? last : undefined;
}

function looksLikeName(text: string): boolean {
  const tokens = text.split(/\s+/);
  if (tokens.length < 2 || tokens.length > 7 || /\d/.test(text)) return false;
  const capitalised = tokens.filter((token) => /^[\p{Lu}]/u.test(token)).length;
  return capitalised >= Math.max(2, tokens.length - 2);
}

function nameTokens(name: string): string[] {
  return foldText(name)
    .split(/[\s.-]+/)
    .filter(Boolean);
}

function sameName(a: string, b: string): boolean {
  return nameTokens(a).join(' ') === nameTokens(b).join(' ');
}

/** Two spellings of one person: two names in common ("Juan Pablo Gutierrez", "Juan Pablo Caceido"), or the same surname and initial. */
/** Words of a name that name no one: "de la Torre" and "de la Cruz" share no one's name. */
const PARTICLES = new Set([
  'de',
  'la',
  'las',
  'los',
  'del',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'le',
  'van',
  'von',
  'der',
  'den',
  'y',
  'e',
  'el',
  'al',
  'bin',
  'ibn',
]);

/**
 * Two spellings of one person: the same first name and another name in common ("Juan Pablo
 * Gutierrez", "Juan Pablo Caceido"), or the same surname and a first name that is the other's
 * initial ("J. Pérez", "Juan Pérez"). Particles (de, la, van…) count for nothing.
 */
function likelySame(a: string, b: string): boolean {
  const x = nameTokens(a).filter((token) => !PARTICLES.has(token));
  const y = nameTokens(b).filter((token) => !PARTICLES.has(token));
  if (!x.length || !y.length) return false;
  const shared = x.filter((token) => y.includes(token)).length;
  if (x[0] === y[0] && shared >= 2) return true;
  const initial = (p: string[], q: string[]) => p[0]!.length === 1 && q[0]!.startsWith(p[0]!);
  return x.at(-1) === y.at(-1) && (initial(x, y) || initial(y, x));
}

function speakerOf(attribution: string): Speaker {
  const text = fold(attribution.replace(/^[—–-]\s*/, ''));
  return { name: personParts(text)[0] ?? text, attribution: text };
}

/**
 * A quote: words between quotation marks (or a block quote), with who said it after them, in
 * brackets or after a dash, on the same line, the next line or the next paragraph.
 */
function readQuote(
  block: Block,
  next: Block | undefined,
): { text: string; speaker?: Speaker; usedNext: boolean } | null {
  if (block.type !== 'paragraph' && block.type !== 'quote' && block.type !== 'item') return null;
  let text = fold(block.runs.map((run) => (run.text === BREAK ? '\n' : run.text)).join(''));
  let attribution: string | undefined;
  let usedNext = false;
  const bracket = /\s*\(([^()]+(?:\([^()]*\)[^()]*)*)\)[.]?$/.exec(text);
  const dash = /\s+[—–]\s*([\p{Lu}][^—–]+)$/u.exec(text);
  const found = bracket ?? (dash && QUOTED.test(text.slice(0, dash.index).trim()) ? dash : null);
  if (found) {
    const before = text.slice(0, found.index).trim();
    if (QUOTED.test(before) || block.type === 'quote' || block.runs.every((run) => run.italic || !run.text.trim())) {
      attribution = found[1];
      text = before;
    }
  }
  const said = SAID.exec(text);
  if (said && !attribution && words(said[2]!) >= 5 && looksLikeName(personParts(said[1]!)[0] ?? ''))
    return { text: fold(said[2]!), speaker: speakerOf(said[1]!), usedNext: false };
  const quoted = QUOTED.exec(text);
  const italic = block.runs.every((run) => run.italic || !run.text.trim());
  if (!quoted && block.type !== 'quote' && !(italic && attribution)) return null;
  const body = fold(quoted ? quoted[1]! : text);
  if (words(body) < 5) return null;
  if (!attribution && next && (next.type === 'paragraph' || next.type === 'quote')) {
    const line = plain(next.runs);
    const alone = /^\(([^()]+)\)$/.exec(line) ?? /^[—–-]\s*(.+)$/.exec(line);
    if (alone && words(alone[1]!) <= 20) {
      attribution = alone[1];
      usedNext = true;
    }
  }
  if (!attribution && block.type === 'item') return null; // a list item in quotation marks, unattributed, is a takeaway
  return { text: body, ...(attribution ? { speaker: speakerOf(attribution) } : {}), usedNext };
}

/** A quote led by its speaker: "Nancy Perez (Mexico City) said: ‘…’". */
const SAID = new RegExp(
  `^([\\p{Lu}][^.!?${OPEN}]{2,80}?)\\s+(?:said|stated|noted|explained|added|stressed|affirmed|underlined|recalled|observed|dijo|afirmó|señaló|subrayó|explicó|a dit|a déclaré|a souligné|a affirmé|disse|afirmou|destacou|sublinhou)(?:\\s+that)?[:,]?\\s*[${OPEN}]([\\s\\S]+)[${CLOSE}][.]?$`,
  'u',
);

/** A quotation set in italics inside a paragraph ("mayors affirmed that ‘Cities are a force for change…’"). */
function embeddedQuote(block: Block): string | null {
  let current = '';
  const spans: string[] = [];
  for (const run of block.runs) {
    if (run.italic) current += run.text;
    else if (current) {
      spans.push(current);
      current = '';
    }
  }
  if (current) spans.push(current);
  for (const span of spans) {
    const match = QUOTED.exec(fold(span));
    if (match && words(match[1]!) >= 8) return fold(match[1]!);
  }
  return null;
}

/** Splits a text into its sentences (a full stop, then a capital or a quotation mark). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const boundary = /([.!?])[’'”"]?\s+(?=[\p{Lu}‘'“"(])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const before = text.slice(start, end);
    if (/\b(e\.g|i\.e|etc|Mr|Ms|Mrs|Dr|St|No|U\.S|vs)\.$/.test(before)) continue;
    out.push(before.trim());
    start = end;
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

const PRACTICE_LEAD =
  /^(?:For (?:example|instance),?|In \d{4},?|Some (?:cities|municipalities|local governments|regions|provinces)|Por ejemplo,?|Par exemple,?|Por exemplo,?|En \d{4},?|Em \d{4},?)\s/u;
const PRACTICE_NAMED =
  /\b(?:[Mm]unicipality|[Cc]ity|[Tt]own|[Pp]rovince|[Ss]tate|[Rr]egion) of \p{Lu}|\bsuch as \p{Lu}|\b(?:[Mm]unicipio|[Cc]iudad|[Aa]lcald[íi]a|[Vv]ille|[Cc]idade|[Mm]unic[íi]pio) de \p{Lu}|\bcomo \p{Lu}|\btelle?s? que \p{Lu}/u;

/** A sentence that cites a city's practice: led by "For example, …" and naming someone, or naming a city's office, fund or campaign. */
function isPractice(sentence: string): boolean {
  if (PRACTICE_NAMED.test(sentence)) return true;
  if (!PRACTICE_LEAD.test(sentence)) return false;
  const rest = sentence.replace(PRACTICE_LEAD, '');
  return /(^|\s)(?:the\s+|in\s+)?\p{Lu}\p{Ll}/u.test(rest.slice(0, 60));
}

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'with', 'for'],
  es: ['el', 'la', 'los', 'las', 'de', 'y', 'que', 'en', 'con', 'para'],
  fr: ['le', 'la', 'les', 'des', 'et', 'que', 'dans', 'pour', 'avec', 'une'],
  pt: ['o', 'a', 'os', 'as', 'de', 'e', 'que', 'em', 'com', 'para', 'não', 'uma'],
};

/** The report's language: the one whose common words it uses most. */
export function detectLanguage(blocks: readonly Block[]): string {
  const counts = new Map<string, number>();
  const text = blocks
    .slice(0, 200)
    .map((block) => plain(block.runs))
    .join(' ')
    .toLowerCase();
  const tokens = text.split(/[^\p{L}]+/u);
  for (const [language, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    counts.set(language, tokens.filter((token) => set.has(token)).length);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
}
