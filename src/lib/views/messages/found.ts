/** What a search found, in words to be said aloud: "12 messages found for “housing”". */
export function foundWords(count: number, query: string): string {
  const what = count === 0 ? 'No message' : count === 1 ? '1 message' : `${count} messages`;
  return `${what} found for “${query}”`;
}
