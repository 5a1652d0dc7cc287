/**
 * The presentation and its speaker view, in two windows of one browser, kept in step over a
 * BroadcastChannel: the presentation says what is on stage; the speaker view asks for another
 * scene, or passes on a key pressed in its window (a clicker aimed at the wrong window still works).
 */
export type PresentationMessage =
  | {
      type: 'state';
      active: boolean;
      index: number;
      step: number;
      steps: number;
      /** The message ids on stage at this step, and at the next step of the same scene. */
      onStage: string[];
      nextOnStage: string[];
      startedAt: number;
      scenes: { title: string; notes: string; filters: string }[];
    }
  | { type: 'go'; index: number }
  | { type: 'key'; key: string }
  | { type: 'hello' };

export function presentationChannel(consultation: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consultation-atlas:${consultation}`) : null;
}
