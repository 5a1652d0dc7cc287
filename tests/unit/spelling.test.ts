import { describe, expect, it } from 'vitest';
import { canonicalWord, prefixVariants, searchForms } from '../../src/lib/filters/spelling';

/** British and American spellings of the same word, written out by hand (not taken from the rules). */
const PAIRS: [british: string, american: string][] = [
  ['regularisation', 'regularization'],
  ['regularisations', 'regularizations'],
  ['regularise', 'regularize'],
  ['regularised', 'regularized'],
  ['regularising', 'regularizing'],
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['organisational', 'organizational'],
  ['organised', 'organized'],
  ['organiser', 'organizer'],
  ['recognise', 'recognize'],
  ['analyse', 'analyze'],
  ['analysing', 'analyzing'],
  ['paralysed', 'paralyzed'],
  ['labour', 'labor'],
  ['labours', 'labors'],
  ['laboured', 'labored'],
  ['labourer', 'laborer'],
  ['colour', 'color'],
  ['colourful', 'colorful'],
  ['favourite', 'favorite'],
  ['neighbourhood', 'neighborhood'],
  ['behavioural', 'behavioral'],
  ['honourable', 'honorable'],
  ['centre', 'center'],
  ['centres', 'centers'],
  ['centred', 'centered'],
  ['litre', 'liter'],
  ['kilometre', 'kilometer'],
  ['kilometres', 'kilometers'],
  ['theatre', 'theater'],
  ['travelled', 'traveled'],
  ['travelling', 'traveling'],
  ['traveller', 'traveler'],
  ['counselling', 'counseling'],
  ['counsellor', 'counselor'],
  ['modelling', 'modeling'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['defence', 'defense'],
  ['licence', 'license'],
  ['practise', 'practice'],
  ['catalogue', 'catalog'],
  ['cataloguing', 'cataloging'],
  ['dialogue', 'dialog'],
  ['judgement', 'judgment'],
  ['ageing', 'aging'],
  ['enrolment', 'enrollment'],
  ['fulfil', 'fulfill'],
  ['paediatric', 'pediatric'],
  ['manoeuvre', 'maneuver'],
  ['sceptical', 'skeptical'],
  ['grey', 'gray'],
];

/** Different words that a careless rule (an ending, an edit distance) would merge. */
const APART: [string, string][] = [
  ['four', 'for'],
  ['our', 'or'],
  ['hour', 'or'],
  ['tour', 'tor'],
  ['health', 'wealth'],
  ['labour', 'laboratory'],
  ['labour', 'laborious'],
  ['humour', 'humorous'],
  ['rigour', 'rigorous'],
  ['litre', 'literacy'],
  ['metre', 'metropolitan'],
  ['migration', 'emigration'],
  ['protection', 'projection'],
  ['rise', 'rize'],
  ['prise', 'prize'],
  ['advice', 'advise'],
];

describe('canonicalWord', () => {
  it.each(PAIRS)('%s and %s are one word', (british, american) => {
    expect(canonicalWord(british)).toBe(canonicalWord(american));
  });

  it('gives the same canonical form twice (it is stable)', () => {
    for (const [british, american] of PAIRS) {
      const canonical = canonicalWord(british);
      expect(canonicalWord(canonical), british).toBe(canonical);
      expect(canonicalWord(american), american).toBe(canonical);
    }
  });

  it.each(APART)('%s and %s stay apart', (a, b) => {
    expect(canonicalWord(a)).not.toBe(canonicalWord(b));
  });

  it('leaves short -ise words and words of no family as they are', () => {
    for (const word of [
      'rise',
      'arise',
      'raise',
      'noise',
      'prise',
      'wise',
      'crisis',
      'analysis',
      'four',
      'for',
      'our',
    ]) {
      expect(canonicalWord(word), word).toBe(word);
    }
  });

  it('leaves words that only start like a family alone', () => {
    for (const word of ['laboratory', 'laborious', 'humorous', 'vigorous', 'literacy', 'literature', 'programming']) {
      expect(canonicalWord(word), word).toBe(word);
    }
  });
});

/** Does searching `query` find the (whole) word `word`, given the index holds its canonical form? */
const finds = (query: string, word: string) => searchForms(query).some((form) => canonicalWord(word).startsWith(form));

describe('searchForms', () => {
  it.each(PAIRS)('a whole word finds both spellings: %s / %s', (british, american) => {
    for (const query of [british, american]) {
      expect(finds(query, british), `${query} → ${british}`).toBe(true);
      expect(finds(query, american), `${query} → ${american}`).toBe(true);
    }
  });

  it('a whole word finds what both its spellings find', () => {
    expect(searchForms('regularisation')).toEqual(searchForms('regularization'));
    expect(searchForms('labour')).toEqual(searchForms('labor'));
    expect(searchForms('organisation')).toEqual(searchForms('organization'));
    expect(searchForms('programme')).toEqual(searchForms('program'));
  });

  it('a partial word finds both spellings of the words it starts', () => {
    expect(finds('regularis', 'regularization')).toBe(true);
    expect(finds('regularis', 'regularizing')).toBe(true);
    expect(finds('regulariz', 'regularisation')).toBe(true);
    expect(finds('organisat', 'organizations')).toBe(true);
    expect(finds('analys', 'analyzed')).toBe(true);
    expect(finds('labore', 'laboured')).toBe(true);
    expect(finds('travell', 'traveling')).toBe(true);
    expect(finds('cente', 'centres')).toBe(true);
    expect(finds('kilomete', 'kilometres')).toBe(true);
    expect(searchForms('regularis')).toEqual(expect.arrayContaining(['regularis', 'regulariz']));
    expect(prefixVariants('regularis')).toEqual(['regulariz']);
  });

  it('every start of either spelling (3 letters or more) finds the word', () => {
    for (const word of PAIRS.flat()) {
      for (let n = 3; n <= word.length; n++) {
        const query = word.slice(0, n);
        // A start that is itself a whole word of another family ("labor" in "laboratory") is that word.
        if (canonicalWord(query) !== query && !PAIRS.some((pair) => pair.includes(query))) continue;
        expect(finds(query, word), `${query} → ${word}`).toBe(true);
      }
    }
  });

  it('a whole word of a family is not a start of other words', () => {
    expect(finds('labor', 'laboratory')).toBe(false);
    expect(finds('labour', 'laborious')).toBe(false);
    expect(finds('liter', 'literacy')).toBe(false);
  });

  it('merges nothing by similarity: each short word searches only itself', () => {
    for (const word of ['four', 'for', 'our', 'or', 'health', 'wealth', 'hour']) {
      expect(searchForms(word), word).toEqual([word]);
    }
    expect(finds('health', 'wealth')).toBe(false);
    expect(finds('four', 'for')).toBe(false);
    expect(finds('our', 'or')).toBe(false);
    expect(finds('for', 'four')).toBe(false);
  });

  it('lists no form that another form already starts', () => {
    for (const query of ['labor', 'labore', 'center', 'cente', 'travell', 'catalog', 'regularis', 'organisat']) {
      const forms = searchForms(query);
      for (const form of forms) {
        expect(
          forms.some((other) => other !== form && form.startsWith(other)),
          `${query}: ${form}`,
        ).toBe(false);
      }
    }
  });
});
