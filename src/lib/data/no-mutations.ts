/**
 * TanStack Query's mutations, which this app never uses: it only reads (consultations, their
 * list, the basemap). The query client still builds a mutation cache, whose import of the
 * Mutation class (about 1 KB gzipped of first load) resolves here instead (vite.config.ts);
 * a mutation, were one ever made, says so at once.
 */
export class Mutation {
  constructor() {
    throw new Error('Consultation Atlas uses no TanStack Query mutations (see src/lib/data/no-mutations.ts)');
  }
}

export function getDefaultState(): Record<string, unknown> {
  return {
    context: undefined,
    data: undefined,
    error: null,
    failureCount: 0,
    failureReason: null,
    isPaused: false,
    status: 'idle',
    variables: undefined,
    submittedAt: 0,
  };
}
