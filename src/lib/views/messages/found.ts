/** What a search found, in words to be said aloud: "12 messages found for “housing”". */
import { m } from '../../i18n/i18n.svelte';

export function foundWords(count: number, query: string): string {
  return count === 0 ? m.messages_found_none({ query }) : m.messages_found({ count, query });
}
