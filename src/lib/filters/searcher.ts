/**
 * Search through a library (MiniSearch, in `search.ts`), attached to the index once it has
 * loaded: the engine stays pure and synchronous, handed a searcher as it is handed world
 * regions (`withRegions`). Until then, and in the engine's own tests, a text clause falls back
 * to the substring match of `index.haystacks()`.
 */
import type { Dataset } from '../data/schema';
import type { Bitset } from './bitset';
import type { DatasetIndex } from './indexes';

/** What search covers of each message. */
export type SearchField = 'text' | 'label' | 'speaker' | 'place' | 'organisation' | 'theme' | 'topic' | 'session';

/** Why a message matched where no word of its text or title is marked: a field, and its names that matched. */
export interface SearchReason {
  readonly field: Exclude<SearchField, 'text' | 'label'>;
  readonly names: readonly string[];
}

/** The messages one query finds, how well, and which of their words matched. */
export interface SearchHits {
  /** The messages found (positions in dataset order). */
  readonly passing: Bitset;
  /** How well a message matches (higher is better; 0 when it does not). */
  score(messageId: string): number;
  /** The folded words of a message's title and text that matched, to mark them (any spelling, any prefix). */
  marksOf(messageId: string): readonly string[];
  /**
   * Why a message was kept where its title and text do not show it: for each query word that
   * no marked word shows, the other fields it matched, with their names ("theme:
   * Regularisation"). Empty when every word is marked.
   */
  reasonsOf(messageId: string): readonly SearchReason[];
}

export interface Searcher {
  /** The dataset it indexed: it answers for that dataset's messages only. */
  readonly dataset: Dataset;
  search(query: string): SearchHits;
}

/** The index with a searcher for its text clauses (left as it is if the searcher indexed another dataset). */
export function withSearcher(index: DatasetIndex, searcher: Searcher): DatasetIndex {
  return searcher.dataset === index.dataset ? { ...index, searcher } : index;
}
