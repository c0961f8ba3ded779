import { describe, expect, it } from 'vitest';
import type { ContentSend } from '@/lib/content-client';
import type { PaperState } from '@/lib/mirror';
import type { PaperMeta } from '@/lib/model';
import { Actions, type ActionHost } from './actions';

const meta: PaperMeta = { id: '2610.19243', title: 'A paper', authors: [], abstract: '' };

/** A background that answers each message only when the test says so, as a busy one would. */
function slowBackground() {
  const states = new Map<string, PaperState | null>();
  const sent: string[] = [];
  const answers: (() => void)[] = [];
  const send = ((type: string) => {
    sent.push(type);
    return new Promise((resolve) => answers.push(() => resolve({ paper: null, undoable: false })));
  }) as unknown as ContentSend;
  const host: ActionHost = {
    send,
    source: 'huggingface',
    state: (id) => states.get(id),
    show: (id, state) => void states.set(id, state),
    settled: () => {},
    metaOf: () => () => meta,
    afterPaint: () => Promise.resolve(),
  };
  const answerNext = async () => {
    answers.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { host, sent, answerNext };
}

describe('Actions', () => {
  it('shows a click at once; reads the paper, and sends, only after the frame showing it (issue 13)', async () => {
    const bg = slowBackground();
    const frames: (() => void)[] = [];
    bg.host.afterPaint = () => new Promise((r) => frames.push(r));
    const reads: string[] = [];
    const read = (control: string) => () => (reads.push(control), meta);
    const actions = new Actions(bg.host);
    const save = actions.act(meta.id, read('save'), 'save');
    expect(bg.host.state(meta.id)?.status).toBe('saved');
    // A second click before the frame: shown at once too, sent after the first is answered.
    const markRead = actions.act(meta.id, read('read'), 'read');
    expect(bg.host.state(meta.id)?.status).toBe('read');
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toEqual([]);
    expect(bg.sent).toEqual([]);
    for (const painted of frames) painted();
    await new Promise((r) => setTimeout(r, 0));
    expect(reads).toEqual(['save']);
    expect(bg.sent).toEqual(['paper.act']);
    await bg.answerNext();
    expect(reads).toEqual(['save', 'read']);
    expect(bg.sent).toEqual(['paper.act', 'paper.act']);
    await bg.answerNext();
    await Promise.all([save, markRead]);
  });

  it('sends a tag added while the save is on its way only once the save is answered', async () => {
    const bg = slowBackground();
    const actions = new Actions(bg.host);
    const save = actions.act(meta.id, () => meta, 'save');
    const tag = actions.changeTag(meta.id, () => meta, { add: 'agents' });
    await new Promise((r) => setTimeout(r, 0));
    expect(bg.sent).toEqual(['paper.act']);
    await bg.answerNext();
    expect(bg.sent).toEqual(['paper.act', 'paper.tag']);
    await bg.answerNext();
    await Promise.all([save, tag]);
  });

  it('a failed message does not hold back the next one for the same paper', async () => {
    const bg = slowBackground();
    let first = true;
    const send = bg.host.send;
    bg.host.send = ((...args: Parameters<ContentSend>) => {
      if (!first) return send(...args);
      first = false;
      return Promise.reject(new Error('worker restarted'));
    }) as ContentSend;
    const actions = new Actions(bg.host);
    await expect(actions.act(meta.id, () => meta, 'save')).rejects.toThrow('worker restarted');
    const again = actions.act(meta.id, () => meta, 'save');
    await new Promise((r) => setTimeout(r, 0));
    expect(bg.sent).toEqual(['paper.act']);
    await bg.answerNext();
    await again;
  });
});
