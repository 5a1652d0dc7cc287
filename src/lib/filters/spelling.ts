/**
 * British and American spellings as one word, for search. Every word, in the index and in a
 * query, is brought to one canonical spelling ({@link canonicalWord}), so "regularisation"
 * and "regularization", "labour" and "labor", "centre" and "center" are the same term; and a
 * word still being typed also looks for the other spelling of what it has started
 * ({@link prefixVariants}: "regularis" for "regulariz…", "travell" for "traveled…").
 *
 * Words come folded (lower case, no accents: `foldText`). Pure and table-driven:
 * - -ise/-ize and -yse/-yze with their endings (-ised, -ising, -isation, -iser…), by rule; the
 *   canonical form has the z. Only after three letters, so "rise", "arise", "prise", "noise"
 *   and "raise" stay as they are. An -ise word with no -ize twin ("advise", "promise") gets a
 *   z too, which is harmless: the canonical form is never shown, and no other word has it;
 * - every other family by word list, never by a bare ending, which would merge different
 *   words: -our/-or only for the stems listed ("four" and "for", "our" and "or", "hour" and
 *   "tour" stay apart) and only with the endings both spellings share ("laborious",
 *   "laboratory", "humorous" are never read as "labour…", "humour…"); -tre/-ter; a doubled
 *   l (travelled, counsellor); programme, defence, licence, practise, -ogue, ae/oe and a few
 *   more, word for word.
 * A canonical form is searched as a prefix, so each family's canonical spelling is the one
 * whose prefixes find no strangers: "labour" and "litre" (where "labor" starts "laboratory"
 * and "liter" starts "literacy").
 */

/** Endings after -is/-iz or -ys/-yz that make an -ise/-ize word. */
const IZE_ENDINGS = [
  'e',
  'es',
  'ed',
  'ing',
  'er',
  'ers',
  'ation',
  'ations',
  'ational',
  'able',
  'ably',
  'ability',
  'ement',
  'ements',
];

/** Letters before -is/-ys, at least: shorter words ("rise", "arise", "prise") are left alone. */
const MIN_IZE_STEM = 3;

/** British stems of the -our/-or family (the American drops the u). */
const OUR_STEMS = [
  'labour',
  'colour',
  'favour',
  'honour',
  'behaviour',
  'neighbour',
  'harbour',
  'humour',
  'rumour',
  'vapour',
  'vigour',
  'endeavour',
  'savour',
  'flavour',
  'odour',
  'armour',
  'parlour',
  'valour',
  'clamour',
  'rigour',
  'splendour',
  'tumour',
  'candour',
  'fervour',
  'ardour',
  'saviour',
  'demeanour',
  'rancour',
  'arbour',
];
/** Endings both spellings share after an -our/-or stem ("-ous", "-ary", "-atory" differ, so are left out). */
const OUR_ENDINGS = [
  '',
  's',
  'ed',
  'ing',
  'er',
  'ers',
  'able',
  'ably',
  'ful',
  'fully',
  'less',
  'ite',
  'ites',
  'itism',
  'hood',
  'hoods',
  'ly',
  'y',
  'al',
  'ally',
  'ist',
  'ists',
  'ism',
];

/** -tre/-ter roots ("cent" + re/er), with the verb forms where they exist. */
const TRE_ROOTS = [
  'cent',
  'theat',
  'met',
  'lit',
  'fib',
  'calib',
  'sab',
  'somb',
  'spect',
  'scept',
  'lust',
  'meag',
  'mit',
  'goit',
  'och',
  'saltpet',
  'reconnoit',
];
const TRE_VERB_ROOTS = new Set(['cent', 'mit', 'reconnoit']);

/** Stems that double their l in British spelling before -ed, -ing, -er, -or. */
const DOUBLED_L_STEMS = [
  'travel',
  'cancel',
  'label',
  'model',
  'counsel',
  'fuel',
  'refuel',
  'signal',
  'level',
  'channel',
  'tunnel',
  'funnel',
  'total',
  'equal',
  'dial',
  'duel',
  'marshal',
  'pedal',
  'quarrel',
  'rival',
  'shovel',
  'marvel',
  'panel',
  'initial',
  'libel',
  'jewel',
];
const DOUBLED_L_ENDINGS = ['ed', 'ing', 'er', 'ers', 'or', 'ors'];

/**
 * Listed words, canonical form first. The canonical form is the one whose prefixes find
 * fewer strangers: "analogue" (not "analog", which starts "analogy"), "programme" (not
 * "program", which starts "programming", the same in both), "mould" (not "mold", which
 * starts "Moldova"); but "license", "defense" (which start "licensed", "defenseless", the
 * same in both).
 */
const WORD_PAIRS: readonly (readonly [canonical: string, other: string])[] = [
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['defense', 'defence'],
  ['defenses', 'defences'],
  ['defenseless', 'defenceless'],
  ['offense', 'offence'],
  ['offenses', 'offences'],
  ['license', 'licence'],
  ['licenses', 'licences'],
  ['pretense', 'pretence'],
  ['pretenses', 'pretences'],
  ['practice', 'practise'],
  ['practices', 'practises'],
  ['practiced', 'practised'],
  ['practicing', 'practising'],
  ['catalogue', 'catalog'],
  ['catalogues', 'catalogs'],
  ['catalogued', 'cataloged'],
  ['cataloguing', 'cataloging'],
  ['dialogue', 'dialog'],
  ['dialogues', 'dialogs'],
  ['analogue', 'analog'],
  ['analogues', 'analogs'],
  ['marvelous', 'marvellous'],
  ['marvelously', 'marvellously'],
  ['jewelry', 'jewellery'],
  ['enroll', 'enrol'],
  ['enrolls', 'enrols'],
  ['enrollment', 'enrolment'],
  ['enrollments', 'enrolments'],
  ['fulfill', 'fulfil'],
  ['fulfills', 'fulfils'],
  ['fulfillment', 'fulfilment'],
  ['installment', 'instalment'],
  ['installments', 'instalments'],
  ['skillful', 'skilful'],
  ['skillfully', 'skilfully'],
  ['willful', 'wilful'],
  ['ageing', 'aging'],
  ['judgement', 'judgment'],
  ['judgements', 'judgments'],
  ['acknowledgement', 'acknowledgment'],
  ['acknowledgements', 'acknowledgments'],
  ['grey', 'gray'],
  ['aluminium', 'aluminum'],
  ['paediatric', 'pediatric'],
  ['paediatrics', 'pediatrics'],
  ['paediatrician', 'pediatrician'],
  ['paediatricians', 'pediatricians'],
  ['anaemia', 'anemia'],
  ['anaemic', 'anemic'],
  ['anaesthesia', 'anesthesia'],
  ['anaesthetic', 'anesthetic'],
  ['anaesthetics', 'anesthetics'],
  ['haemorrhage', 'hemorrhage'],
  ['leukaemia', 'leukemia'],
  ['diarrhoea', 'diarrhea'],
  ['oestrogen', 'estrogen'],
  ['oesophagus', 'esophagus'],
  ['foetus', 'fetus'],
  ['foetuses', 'fetuses'],
  ['foetal', 'fetal'],
  ['encyclopaedia', 'encyclopedia'],
  ['encyclopaedias', 'encyclopedias'],
  ['orthopaedic', 'orthopedic'],
  ['orthopaedics', 'orthopedics'],
  ['gynaecology', 'gynecology'],
  ['gynaecologist', 'gynecologist'],
  ['gynaecologists', 'gynecologists'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['manoeuvred', 'maneuvered'],
  ['manoeuvring', 'maneuvering'],
  ['manoeuvrable', 'maneuverable'],
  ['sceptic', 'skeptic'],
  ['sceptics', 'skeptics'],
  ['sceptical', 'skeptical'],
  ['scepticism', 'skepticism'],
  ['mould', 'mold'],
  ['moulds', 'molds'],
  ['plough', 'plow'],
  ['ploughs', 'plows'],
  ['cosy', 'cozy'],
];

/** Roots whose -tre form also ends compound words (kilometre, millilitre, epicentre). */
const COMPOUND_ROOTS = new Set(['met', 'lit', 'cent']);
const MIN_COMPOUND_PREFIX = 2;

interface Twin {
  /** The spelling that is not the canonical one. */
  readonly other: string;
  /** The canonical spelling. */
  readonly canonical: string;
}

/** The -tre/-ter forms of a root, the British one canonical: "litre" (where "liter" starts "literacy"). */
function treTwins(root: string): Twin[] {
  const endings: [string, string][] = [
    ['re', 'er'],
    ['res', 'ers'],
  ];
  if (TRE_VERB_ROOTS.has(root)) endings.push(['red', 'ered'], ['ring', 'ering']);
  return endings.map(([british, american]) => ({ other: root + american, canonical: root + british }));
}

/** Every listed word in its other spelling, with its canonical form. */
function twins(): Twin[] {
  const out: Twin[] = [];
  // -our: the British spelling is canonical, so "labor" is read as "labour" and "laboratory" stays itself.
  for (const british of OUR_STEMS) {
    const american = british.slice(0, -2) + 'r';
    for (const ending of OUR_ENDINGS) out.push({ other: american + ending, canonical: british + ending });
  }
  for (const root of TRE_ROOTS) out.push(...treTwins(root));
  // A doubled l: the American single l is canonical ("traveled" for "travelled").
  for (const stem of DOUBLED_L_STEMS) {
    for (const ending of DOUBLED_L_ENDINGS) out.push({ other: `${stem}l${ending}`, canonical: stem + ending });
  }
  for (const [canonical, other] of WORD_PAIRS) out.push({ other, canonical });
  return out;
}

const TWINS = twins();
const CANONICAL = new Map(TWINS.map((t) => [t.other, t.canonical]));
/** Forms that also end compound words: "kilometer" is "kilo" + "meter". */
const COMPOUND_TWINS = TRE_ROOTS.filter((root) => COMPOUND_ROOTS.has(root)).flatMap(treTwins);

function isPrefixOfAny(part: string, words: readonly string[]): boolean {
  return words.some((w) => w.startsWith(part));
}

/** The -ise/-ize rule: "regularisation" → "regularization", "analyse" → "analyze". */
function izeForm(word: string): string | undefined {
  for (let at = MIN_IZE_STEM; at < word.length - 2; at++) {
    const letter = word[at];
    if ((letter !== 'i' && letter !== 'y') || word[at + 1] !== 's') continue;
    if (IZE_ENDINGS.includes(word.slice(at + 2))) return `${word.slice(0, at + 1)}z${word.slice(at + 2)}`;
  }
  return undefined;
}

/**
 * The canonical spelling of a whole (folded) word: the same for its British and American
 * forms, the word itself when it has no twin.
 */
export function canonicalWord(word: string): string {
  const listed = CANONICAL.get(word);
  if (listed) return listed;
  for (const twin of COMPOUND_TWINS) {
    const head = word.length - twin.other.length;
    if (head >= MIN_COMPOUND_PREFIX && word.endsWith(twin.other)) return word.slice(0, head) + twin.canonical;
  }
  return izeForm(word) ?? word;
}

/**
 * For a word still being typed (a prefix of some word, and not a whole word with a twin),
 * the canonical prefixes of its other spelling: "regularis" → ["regulariz"], "labore" →
 * ["laboured", "labourer", "labourers"], "cente" → ["centre", "centres", "centred", "centring"]. Only once the
 * prefix has passed the point where the spellings differ: "labo" needs none (it is a prefix
 * of "labour" as it is). The prefix itself is always searched too; it is not in the list.
 */
export function prefixVariants(prefix: string): string[] {
  const out = new Set<string>();
  // -is…/-ys… with the start of an ending: "regularis", "organisat", "analysi".
  for (let at = MIN_IZE_STEM; at < prefix.length - 1; at++) {
    const letter = prefix[at];
    if ((letter !== 'i' && letter !== 'y') || prefix[at + 1] !== 's') continue;
    const rest = prefix.slice(at + 2);
    if (isPrefixOfAny(rest, IZE_ENDINGS)) out.add(`${prefix.slice(0, at + 1)}z${rest}`);
  }
  // Listed words: the whole twin of every form the prefix has started to spell.
  const add = (head: string, part: string, twin: Twin) => {
    if (twin.other.startsWith(part) && !twin.canonical.startsWith(part)) out.add(head + twin.canonical);
  };
  for (const twin of TWINS) add('', prefix, twin);
  for (let at = MIN_COMPOUND_PREFIX; at < prefix.length; at++) {
    for (const twin of COMPOUND_TWINS) add(prefix.slice(0, at), prefix.slice(at), twin);
  }
  out.delete(prefix);
  return [...out];
}

/**
 * What one query word searches for, as prefixes: its canonical spelling (so "labor" and
 * "labour" find the same messages), and the other spelling of what it has started
 * ("regularis" → "regularis", "regulariz"; "center" → "centre", "centring", as "center"
 * starts "centering"; "catalog" → "catalogue", "cataloguing"). A form that another form
 * starts is left out: it would find nothing more, and count twice in the ranking.
 */
export function searchForms(word: string): string[] {
  const canonical = canonicalWord(word);
  const found = new Set([canonical, ...prefixVariants(word)]);
  // A whole word with a twin is searched as its canonical form, not as typed: the longer words
  // of its family that it starts are searched in their canonical form ("catalog" starts
  // "cataloging", which is "cataloguing", which "catalogue" does not start).
  if (canonical !== word) for (const twin of TWINS) if (twin.canonical.startsWith(word)) found.add(twin.canonical);
  const forms = [...found];
  return forms.filter((form) => !forms.some((other) => other !== form && form.startsWith(other)));
}
