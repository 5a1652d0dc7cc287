/**
 * Parses and checks a big dataset's text off the page's thread: 100,000 messages take about
 * two seconds to parse and check, which would freeze the page. Says when the text has parsed
 * (and how many messages are being checked), then answers with the problems, or with the
 * checked dataset in parts (check-protocol.ts).
 */
import { datasetParts, type CheckReply, type CheckRequest } from './check-protocol';
import { placeCheck } from './shapes';
import { parseJson, validateDataset } from './validate';

const say = (reply: CheckReply) => self.postMessage(reply);

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { text, places } = event.data;
  const json = parseJson(text);
  if (!json.ok) return say({ type: 'invalid', errors: json.errors });
  const messages = (json.data as { messages?: unknown } | null)?.messages;
  say({ type: 'checking', messages: Array.isArray(messages) ? messages.length : 0 });
  const result = validateDataset(json.data, places ? await placeCheck() : {});
  if (!result.ok) return say({ type: 'invalid', errors: result.errors });
  for (const part of datasetParts(result.data)) say(part);
};
