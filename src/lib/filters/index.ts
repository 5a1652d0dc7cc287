export * from './bitset';
export * from './cells';
export * from './clauses';
export * from './indexes';
export * from './resolve';
export * from './searcher';
export * from './sparse';
export * from './text';
