/**
 * The presentation and its speaker view, in two windows of one browser, kept in step over a
 * BroadcastChannel: the presentation says which scene is showing; the speaker view asks for
 * another.
 */
export type PresentationMessage =
  | { type: 'state'; index: number; startedAt: number; scenes: { title: string; notes: string }[] }
  | { type: 'go'; index: number }
  | { type: 'hello' };

export function presentationChannel(consultation: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consultation-atlas:${consultation}`) : null;
}
