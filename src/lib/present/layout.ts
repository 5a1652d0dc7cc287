/** What a scene can put on stage, apart from the story itself (the dashboard reads it on every scene). */
/**
 * What a scene puts on stage:
 * - `messages`: the messages that pass its filters, as slides of their full text;
 * - `quotes`: one quote a step, with its speaker and city;
 * - `frame`: the consultation's facts (organisers, dates, who took part), then its messages;
 * - `map`, `timeline`, `themes`: one view of the dashboard;
 * - `map+messages`: the map beside the messages' words.
 */
export const STAGE_VIEWS = ['messages', 'quotes', 'frame', 'map', 'map+messages', 'timeline', 'themes'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

/** The dashboard view a stage layout shows, if any. */
export function stageViewOf(view: StageView): 'map' | 'timeline' | 'themes' | null {
  return view === 'map' || view === 'map+messages' ? 'map' : view === 'timeline' || view === 'themes' ? view : null;
}

/** Whether a stage layout shows messages' words. */
export function showsWords(view: StageView): boolean {
  return view === 'messages' || view === 'quotes' || view === 'frame' || view === 'map+messages';
}
