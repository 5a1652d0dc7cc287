/** The review's words that are not a component's own: what was decided about a message. */
import { m } from '../i18n/later.svelte';
import type { Decision } from './review.svelte';

export function decisionWord(decision: Decision): string {
  return { pending: m.review_pending, accepted: m.review_accepted, rejected: m.review_rejected }[decision]();
}
