import type { Paper } from '@/lib/model';

/** Test data for the component tests: paper `i` of a list, with any field overridden. */
export function paper(i: number, over: Partial<Paper> = {}): Paper {
  const num = String(10000 + i).padStart(5, '0');
  return {
    id: `2610.${num}`,
    title: `Paper number ${i}`,
    authors: [`Author ${i}`, 'Second Person', 'Third Person'],
    abstract: `Abstract ${i}`,
    published: '2026-10-27',
    status: 'saved',
    tags: [],
    ruleTags: [],
    note: '',
    sources: ['huggingface'],
    savedAt: 1_000_000 + i,
    updatedAt: 1_000_000 + i,
    ...over,
  };
}
