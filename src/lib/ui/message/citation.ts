/** A citation a user can paste: the message's label, the report, its publisher and date, and the section. */
import { formatDate } from '../../data/lookup';
import type { Meta, Message } from '../../data/schema';

export function citation(message: Message, meta: Meta): string {
  return `“${message.label}”. ${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}. Section: ${message.source.section}.`;
}
