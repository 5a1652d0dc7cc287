/**
 * Groups the passing messages by topic: messages across topics first, then topics by number;
 * within a group, in dataset order, or best match first while a search is active.
 */
import type { Dataset, Message } from '../../data/schema';
import { NO_TOPIC } from '../../filters/clauses';
import { m } from '../../i18n/i18n.svelte';

export interface MessageGroup {
  id: string;
  title: string;
  messages: Message[];
}

/**
 * `score` (a search's, higher is better) orders each group, best first; equal scores keep
 * dataset order. Without it, every group is in dataset order. Titles are in the interface's
 * language ("Across the consultation", "Topic 2: …").
 */
export function groupByTopic(
  dataset: Dataset,
  messages: Iterable<Message>,
  score?: (message: Message) => number,
): MessageGroup[] {
  const topics = [...dataset.topics].sort((a, b) => a.number - b.number);
  const groups = new Map<string, MessageGroup>([
    [NO_TOPIC, { id: NO_TOPIC, title: m.messages_across_consultation(), messages: [] }],
  ]);
  for (const topic of topics) {
    groups.set(topic.id, {
      id: topic.id,
      title: m.scale_topic_title({ number: topic.number, title: topic.title }),
      messages: [],
    });
  }
  for (const message of messages) groups.get(message.topicId ?? NO_TOPIC)?.messages.push(message);
  const filled = [...groups.values()].filter((g) => g.messages.length > 0);
  if (score) {
    for (const group of filled) {
      const scores = new Map(group.messages.map((message) => [message, score(message)]));
      // Array.prototype.sort is stable: equal scores stay in dataset order.
      group.messages.sort((a, b) => scores.get(b)! - scores.get(a)!);
    }
  }
  return filled;
}

/** The first `n` messages of the groups, in order; groups left empty are dropped. */
export function firstMessages(groups: readonly MessageGroup[], n: number): MessageGroup[] {
  const out: MessageGroup[] = [];
  let left = n;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.messages.length <= left ? group : { ...group, messages: group.messages.slice(0, left) });
    left -= group.messages.length;
  }
  return out;
}

/** The shortest a message card gets (a one-line text), in CSS pixels. */
export const MIN_CARD_HEIGHT = 120;

/**
 * How many cards to build when the filters change: enough to fill a list `viewHeight` pixels
 * tall with cards `cardHeight` tall (the shortest a card gets, until the list has measured its
 * own), one more to scroll into, and never fewer than 3 or more than 24.
 */
export function cardsToFill(viewHeight: number, cardHeight = MIN_CARD_HEIGHT): number {
  return Math.min(24, Math.max(3, Math.ceil(viewHeight / Math.max(MIN_CARD_HEIGHT, cardHeight)) + 1));
}
