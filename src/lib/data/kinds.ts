/**
 * The contract's closed lists (DATA-MODEL.md): kinds of messages, sessions, places,
 * organisations and references, and the theme groups. Apart from the schema, so that the
 * views that name them do not load the validator with the first screen.
 */
export const THEME_GROUPS = ['cross-cutting', 'gfmd-area', 'issue'] as const;
export const SESSION_TYPES = [
  'opening-plenary',
  'thematic-breakout',
  'thematic-session',
  'closing-session',
  'closing-plenary',
] as const;
export const PLACE_KINDS = ['city', 'municipality', 'state', 'province', 'country', 'region'] as const;
export const ORGANISATION_KINDS = [
  'local-government',
  'lra-network',
  'un-agency',
  'national-government',
  'intergovernmental',
  'civil-society',
  'other',
] as const;
export const REFERENCE_KINDS = [
  'declaration',
  'agreement',
  'compact',
  'law',
  'protocol',
  'framework',
  'other',
] as const;
export const MESSAGE_KINDS = ['takeaway', 'cross-cutting', 'quote', 'practice', 'context'] as const;
