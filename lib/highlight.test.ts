// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHighlighter, HIGHLIGHT_CSS, HIGHLIGHT_NAME } from './highlight';
import { compileMatcher } from './match';
import { parsePatternLine } from './pattern-line';

const matcher = (...lines: string[]) => compileMatcher({ keywords: lines.map(parsePatternLine), tagRules: [] });

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  // Test input only: builds the page under test, the code under test never parses HTML.
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

// happy-dom has no CSS Custom Highlight API; these fakes follow its shape
// (a Set-like Highlight, a Map-like registry, StaticRange with its init dict).
class FakeHighlight extends Set<FakeStaticRange> {}
class FakeStaticRange {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    ({
      startContainer: this.startContainer,
      startOffset: this.startOffset,
      endContainer: this.endContainer,
      endOffset: this.endOffset,
    } = init);
  }
}
const fakeKeys = ['Highlight', 'StaticRange', 'CSS'] as const;
function installHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  const win = document.defaultView as unknown as Record<string, unknown>;
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  Object.defineProperty(win, 'StaticRange', { value: FakeStaticRange, configurable: true, writable: true });
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  return registry;
}

/** The text a static range covers. */
function textOf(r: FakeStaticRange): string {
  if (r.startContainer === r.endContainer) return (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

afterEach(() => {
  document.body.replaceChildren();
});

/** Entries with a title and an abstract each; paintAll() paints them all under a time limit. */
// The bound only catches quadratic blow-ups; speed itself is measured by `npm run bench`, not asserted here.
function stressPage(entries: number, limitMs: number) {
  const list = mount('');
  for (let i = 0; i < entries; i++) {
    const h = document.createElement('h3');
    h.textContent = `Paper ${i}: scaling diffusion language models`;
    const p = document.createElement('p');
    p.textContent = 'We train diffusion models and reward models with reinforcement learning. '.repeat(12);
    list.append(h, p);
  }
  const m = matcher('diffusion', 'reinforcement learning', 'reward model*', '/scal(e|ing)/i');
  const paintAll = (): number => {
    const hl = createHighlighter(document);
    const t0 = performance.now();
    let n = 0;
    for (const el of list.children) n += hl.paint(el, m);
    expect(performance.now() - t0).toBeLessThan(limitMs);
    return n;
  };
  return { list, paintAll };
}

describe('with the CSS Custom Highlight API', () => {
  let registry: Map<string, FakeHighlight>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  beforeEach(() => {
    const win = document.defaultView!;
    for (const k of fakeKeys) saved.set(k, Object.getOwnPropertyDescriptor(win, k));
    registry = installHighlightApi();
  });
  afterEach(() => {
    const win = document.defaultView!;
    for (const k of fakeKeys) {
      const d = saved.get(k);
      if (d) Object.defineProperty(win, k, d);
      else delete (win as unknown as Record<string, unknown>)[k];
    }
  });

  it('paints ranges over the page text without touching the DOM', () => {
    const host = mount('<h3><a href="/papers/1">Large <span class="highlight">Language</span> Models for RL</a></h3>');
    const before = host.innerHTML;
    const hl = createHighlighter(document);
    expect(hl.mode).toBe('highlight-api');
    expect(hl.paint(host, matcher('large language models', 'RL'))).toBe(2);
    expect(host.innerHTML).toBe(before);
    const h = registry.get(HIGHLIGHT_NAME)!;
    expect(h).toBeInstanceOf(FakeHighlight);
    expect([...h].map(textOf)).toEqual(['Large Language Models', 'RL']);
    const [spanning] = [...h];
    expect(spanning!.startContainer).toBe(host.querySelector('a')!.firstChild);
    expect(spanning!.endContainer).toBe(host.querySelector('a')!.lastChild);
    expect([spanning!.startOffset, spanning!.endOffset]).toEqual([0, 7]);
  });

  it('replaces an element’s ranges on repaint and clears only that element', () => {
    const a = mount('<p>diffusion and diffusion</p>');
    const b = mount('<p>more diffusion</p>');
    const hl = createHighlighter(document);
    const m = matcher('diffusion');
    expect(hl.paint(a, m)).toBe(2);
    expect(hl.paint(b, m)).toBe(1);
    expect(hl.paint(a, m)).toBe(2);
    const h = registry.get(HIGHLIGHT_NAME)!;
    expect(h.size).toBe(3);
    hl.clear(a);
    expect([...h].map((r) => r.startContainer)).toEqual([b.firstChild!.firstChild]);
    expect(hl.paint(b, matcher('nothing'))).toBe(0);
    expect(h.size).toBe(0);
    hl.paint(a, m);
    hl.clearAll();
    expect(h.size).toBe(0);
  });

  it('forgets elements that left the page', () => {
    const a = mount('<p>agent</p>');
    const b = mount('<p>agent</p>');
    const hl = createHighlighter(document);
    hl.paint(a, matcher('agent'));
    hl.paint(b, matcher('agent'));
    a.remove();
    hl.prune();
    expect([...registry.get(HIGHLIGHT_NAME)!].map((r) => r.startContainer)).toEqual([b.firstChild!.firstChild]);
  });

  it('reports an element whose text nodes the page replaced, as MathJax does', () => {
    const p = mount('<p>diffusion <i>models</i></p>').firstElementChild!;
    const hl = createHighlighter(document);
    hl.paint(p, matcher('diffusion'));
    expect(hl.stale(p)).toBe(false);
    p.replaceChildren(...[...p.childNodes].map((n) => n.cloneNode(true)), document.createElement('span'));
    expect(p.textContent).toBe('diffusion models');
    expect(hl.stale(p)).toBe(true);
    hl.paint(p, matcher('diffusion'));
    expect(hl.stale(p)).toBe(false);
    expect([...registry.get(HIGHLIGHT_NAME)!].map((r) => r.startContainer)).toEqual([p.firstChild]);
  });

  it('skips scripts, styles and our own cards', () => {
    const host = mount(
      '<p>agent<script>var agent</script><style>.agent{}</style><dogear-card>agent</dogear-card> agent</p>',
    );
    const hl = createHighlighter(document);
    expect(hl.paint(host, matcher('agent'))).toBe(2);
    expect([...registry.get(HIGHLIGHT_NAME)!].map((r) => r.startContainer.parentNode)).toEqual([
      host.firstChild,
      host.firstChild,
    ]);
  });

  it('registers nothing when there is nothing to paint', () => {
    const host = mount('<p>text</p>');
    const hl = createHighlighter(document);
    expect(hl.paint(host, matcher())).toBe(0);
    expect(hl.paint(host, matcher('absent'))).toBe(0);
    expect(registry.size).toBe(0);
  });

  it('paints every title of a real arXiv listing', () => {
    const html = readFileSync(path.resolve(process.cwd(), 'tests/fixtures/arxiv/list-cs.CL-recent.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const titles = [...doc.querySelectorAll('.list-title')];
    expect(titles.length).toBeGreaterThan(100);
    const m = matcher('language', 'LLM*');
    const expected = titles.reduce((n, t) => n + m.countKeywords(t.textContent ?? ''), 0);
    expect(expected).toBeGreaterThan(10);
    const hl = createHighlighter(document);
    expect(titles.reduce((n, t) => n + hl.paint(t, m), 0)).toBe(expected);
    expect([...registry.get(HIGHLIGHT_NAME)!].map(textOf).filter((t) => !/^(language|llm\w*)$/i.test(t))).toEqual([]);
  });

  it('paints 3000 entries quickly', () => {
    const { list, paintAll } = stressPage(3000, 30_000);
    const n = paintAll();
    expect(n).toBe(3000 * 2 + 3000 * 12 * 3);
    expect(registry.get(HIGHLIGHT_NAME)!.size).toBe(n);
    expect(list.querySelector('mark')).toBeNull();
  });
});

describe('without the API: <mark> fallback', () => {
  it('wraps matches in marks, keeping the text', () => {
    const host = mount('<h3>RL for <b>Large</b> Language Models and rl</h3>');
    const hl = createHighlighter(document);
    expect(hl.mode).toBe('mark');
    expect(hl.paint(host, matcher('large language models', 'RL'))).toBe(3);
    expect(host.textContent).toBe('RL for Large Language Models and rl');
    expect([...host.querySelectorAll('mark[data-dogear-hl]')].map((m) => m.textContent)).toEqual([
      'RL',
      'Large',
      ' Language Models',
      'rl',
    ]);
    expect(host.querySelector('b > mark')?.textContent).toBe('Large');
  });

  it('restores the original text nodes and DOM on clear', () => {
    const host = mount('<p>diffusion <i>models</i> diffusion, then diffusion</p>');
    const p = host.firstChild!;
    const before = host.innerHTML;
    const nodes = [...p.childNodes];
    const hl = createHighlighter(document);
    expect(hl.paint(host, matcher('diffusion', 'models'))).toBe(4);
    expect(host.querySelectorAll('mark')).toHaveLength(4);
    hl.clear(host);
    expect(host.innerHTML).toBe(before);
    expect([...p.childNodes]).toEqual(nodes);
    expect(p.childNodes[0]).toBe(nodes[0]);
    expect((p.childNodes[0] as Text).data).toBe('diffusion ');
  });

  it('reports an element whose marked text the page replaced', () => {
    const p = mount('<p>one agent here</p>').firstElementChild!;
    const hl = createHighlighter(document);
    hl.paint(p, matcher('agent'));
    expect(hl.stale(p)).toBe(false);
    p.replaceChildren(document.createTextNode('one agent here'));
    expect(hl.stale(p)).toBe(true);
    hl.paint(p, matcher('agent'));
    expect(hl.stale(p)).toBe(false);
    expect(p.querySelectorAll('mark[data-dogear-hl]')).toHaveLength(1);
  });

  it('repaints idempotently and clearAll restores every element', () => {
    const a = mount('<p>agent one</p>');
    const b = mount('<p>two agents, one agent</p>');
    const before = [a.innerHTML, b.innerHTML];
    const hl = createHighlighter(document);
    const m = matcher('agent');
    hl.paint(a, m);
    hl.paint(a, m);
    hl.paint(b, m);
    expect(a.querySelectorAll('mark')).toHaveLength(1);
    expect(b.querySelectorAll('mark')).toHaveLength(1);
    hl.clearAll();
    expect([a.innerHTML, b.innerHTML]).toEqual(before);
  });

  it('paints many entries without losing text', () => {
    // happy-dom inserts nodes far slower than browsers, hence fewer entries here.
    const { list, paintAll } = stressPage(400, 30_000);
    const text = list.children[1]!.textContent;
    expect(paintAll()).toBe(400 * 2 + 400 * 12 * 3);
    expect(list.querySelectorAll('mark[data-dogear-hl]')).toHaveLength(400 * 2 + 400 * 12 * 3);
    expect(list.children[1]!.textContent).toBe(text);
  }, 60_000);

  it('keeps hostile page text as text', () => {
    const host = mount('<p></p>');
    host.firstChild!.textContent = 'see <img src=x onerror=alert(1)> and <script>alert(2)</script>';
    const hl = createHighlighter(document);
    expect(hl.paint(host, matcher('<img src=x onerror=alert(1)>', '/<script>.*<\\/script>/'))).toBe(2);
    expect(host.querySelector('img, script')).toBeNull();
    expect([...host.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert(2)</script>',
    ]);
    hl.clear(host);
    expect(host.firstChild!.textContent).toBe('see <img src=x onerror=alert(1)> and <script>alert(2)</script>');
    expect(host.firstChild!.childNodes).toHaveLength(1);
  });
});

it('exports CSS for the highlight and the fallback', () => {
  expect(HIGHLIGHT_CSS).toContain(`::highlight(${HIGHLIGHT_NAME})`);
  expect(HIGHLIGHT_CSS).toContain('mark[data-dogear-hl]');
});
