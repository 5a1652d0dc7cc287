/**
 * The words of what loads on demand (presentation, export, dialogs, tables, details), in
 * `messages/later/<locale>.json`: they arrive with the code that shows them, never in the first
 * load. Import `m` from here in such code; it holds the first screen's words too.
 */
import * as en from '../../paraglide-later/messages/en.js';
import { addPart, partMessages, type Messages, type MessagesOf } from './i18n.svelte';

addPart('later', en);

export const m = partMessages<Messages & MessagesOf<typeof en>>('later');
/** Every message: the first screen's and the later part's. */
export type Words = typeof m;
