/**
 * The presentation and its speaker view, in two windows of one browser, kept in step over a
 * BroadcastChannel named by the presenting window's token (in the speaker view's address): the
 * speaker view says hello; the presentation answers with its consultation (so a consultation
 * opened from a file or an address works as well as a bundled one) and, whenever it changes,
 * what is on stage; the speaker view asks for another scene, or passes on a key pressed in its
 * window (a clicker aimed at the wrong window still works).
 */
import type { Dataset } from '../data/schema';

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
      /** The presenting window's view, as its address writes it (view.ts). */
      view: string;
    }
  | { type: 'dataset'; dataset: Dataset }
  | { type: 'go'; index: number }
  | { type: 'key'; key: string }
  | { type: 'hello' };

export function presentationChannel(token: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`consultation-atlas:speaker:${token}`) : null;
}

const TOKEN_KEY = 'consultation-atlas:speaker-token';

/**
 * This window's token: random, kept for the window's session, so a speaker view still hears the
 * presentation after the presenting window reloads, and two presenting windows never cross.
 */
export function speakerToken(): string {
  try {
    const kept = sessionStorage.getItem(TOKEN_KEY);
    if (kept) return kept;
  } catch {
    // No session storage (a locked-down browser): a token for this page only.
  }
  const token = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // As above.
  }
  return token;
}
