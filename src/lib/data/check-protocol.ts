/**
 * What the page and the dataset checker's worker (check.worker.ts) say to each other. A checked
 * dataset comes back in parts: everything but its messages, then its messages a few thousand
 * at a time, so the page takes each part in a task of its own and never freezes for the whole.
 */
import type { Dataset, Message } from './schema';
import type { ValidationError } from './validate';

/** Messages per part (about 40 ms to take in on a slow machine). */
export const MESSAGES_PER_PART = 5000;

export interface CheckRequest {
  text: string;
  /** Check its places against their countries (a consultation from elsewhere). */
  places: boolean;
}

export type CheckReply =
  /** Parsed: the contract is being checked, for this many messages. */
  | { type: 'checking'; messages: number }
  | { type: 'invalid'; errors: ValidationError[] }
  | { type: 'head'; dataset: Dataset }
  | { type: 'messages'; messages: Message[] }
  | { type: 'done' };

/** A dataset's parts, in the order the page takes them in. */
export function* datasetParts(dataset: Dataset, size = MESSAGES_PER_PART): Generator<CheckReply> {
  yield { type: 'head', dataset: { ...dataset, messages: [] } };
  for (let start = 0; start < dataset.messages.length; start += size)
    yield { type: 'messages', messages: dataset.messages.slice(start, start + size) };
  yield { type: 'done' };
}

/** Puts the parts back together: the head's dataset with every part's messages, in order. */
export class DatasetAssembly {
  #dataset: Dataset | null = null;
  readonly #messages: Message[] = [];

  /** Takes one reply in; the dataset once the last part has come. */
  take(reply: CheckReply): Dataset | null {
    if (reply.type === 'head') this.#dataset = reply.dataset;
    else if (reply.type === 'messages') for (const message of reply.messages) this.#messages.push(message);
    else if (reply.type === 'done' && this.#dataset) return { ...this.#dataset, messages: this.#messages };
    return null;
  }
}
