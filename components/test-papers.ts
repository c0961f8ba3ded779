import { compact, type Paper } from '@/lib/model';
import { applyAction } from '@/lib/status';
import type { RequestOf, ResponseOf, MessageType } from '@/lib/messages';
import { CATALOGUE } from '@/lib/messages';

/** Test data and a fake background for the component tests. */

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

export interface FakeBackground {
  papers: Map<string, Paper>;
  calls: { type: MessageType; payload: unknown }[];
  send: <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;
}

/** Implements the messages the popup sends, validating requests as the real router does. */
export function fakeBackground(initial: Paper[], onChange: (papers: Paper[]) => void): FakeBackground {
  const papers = new Map(initial.map((p) => [p.id, p]));
  const calls: FakeBackground['calls'] = [];
  const emit = () => onChange([...papers.values()]);
  const handle = async (type: MessageType, raw: unknown): Promise<unknown> => {
    const payload = CATALOGUE[type].request.parse(raw) as never;
    calls.push({ type, payload });
    switch (type) {
      case 'paper.update': {
        const { id, addTags = [], removeTags = [], ...patch } = payload as RequestOf<'paper.update'>;
        const before = papers.get(id);
        if (!before) return { paper: null };
        const tags = [...new Set([...(patch.tags ?? before.tags), ...addTags])].filter((t) => !removeTags.includes(t));
        const after = { ...before, ...patch, tags, updatedAt: before.updatedAt + 1 };
        papers.set(id, after);
        emit();
        return { paper: after };
      }
      case 'paper.act': {
        // The real status table, so the popup is tested against the outcomes the background gives.
        const { meta, action } = payload as RequestOf<'paper.act'>;
        const before = papers.get(meta.id) ?? null;
        const t = applyAction(before ?? undefined, action, (before?.updatedAt ?? 0) + 1);
        if (t.next === 'none') papers.delete(meta.id);
        else if (before)
          papers.set(meta.id, compact({ ...before, status: t.next, readAt: t.readAt, dismissedFrom: t.dismissedFrom }));
        emit();
        return { paper: papers.get(meta.id) ?? null, previous: before, undoable: t.undoable };
      }
      case 'paper.restore': {
        for (const p of (payload as RequestOf<'paper.restore'>).papers) papers.set(p.id, p);
        emit();
        return {};
      }
      case 'papers.bulk': {
        const { ids, action, addTag, remove } = payload as RequestOf<'papers.bulk'>;
        const changed: Paper[] = [];
        for (const id of ids) {
          const p = papers.get(id);
          if (!p) continue;
          if (remove) papers.delete(id);
          else
            papers.set(id, {
              ...p,
              status: action === 'read' ? 'read' : p.status,
              tags: addTag ? [...new Set([...p.tags, addTag])] : p.tags,
            });
          changed.push(papers.get(id) ?? p);
        }
        emit();
        return { changed };
      }
      case 'papers.apply': {
        const { put, remove } = payload as RequestOf<'papers.apply'>;
        for (const id of remove) papers.delete(id);
        for (const p of put) papers.set(p.id, p);
        emit();
        return {};
      }
      default:
        throw new Error(`unexpected ${type}`);
    }
  };
  return { papers, calls, send: (type, payload) => handle(type, payload) as never };
}
