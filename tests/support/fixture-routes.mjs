// The offline stand-in for the live sites: which fixture page answers which URL.
// Shared by the Playwright tests, the Firefox smoke test, the demo and the benchmark.
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');
export const STYLE_CSS = resolve(FIXTURES, 'hf/style.css');

/** path+search → fixture file (relative to tests/fixtures). */
export const PAGES = {
  'https://huggingface.co/papers': 'hf/date-2026-10-27.html',
  'https://huggingface.co/papers?date=2024-08-01': 'hf/2024-08-01-daily.real.html',
  'https://huggingface.co/papers/date/2026-10-27': 'hf/date-2026-10-27.html',
  'https://huggingface.co/papers/week/2026-W44': 'hf/week-2026-W44.html',
  'https://huggingface.co/papers/month/2026-10': 'hf/month-2026-10.html',
  'https://huggingface.co/papers/trending': 'hf/trending.html',
  'https://huggingface.co/papers?q=rewarding': 'hf/search-rewarding.html',
  'https://huggingface.co/papers/2510.12345': 'hf/paper-2510.12345.html',
  'https://arxiv.org/list/cs.LG/new': 'arxiv/list-cs.LG-new.html',
  'https://arxiv.org/list/cs.CL/recent?skip=0&show=250': 'arxiv/list-cs.CL-recent.html',
  'https://arxiv.org/abs/2610.22702': 'arxiv/abs-2610.22702.html',
  'https://arxiv.org/abs/hep-th/9901001v2': 'arxiv/abs-hep-th-9901001v2.html',
  'https://arxiv.org/html/2610.23241v1': 'arxiv/html-2610.23241v1.html',
  // Keys drop the path's trailing slash: this answers `/search/?query=…` and `/search?query=…`.
  'https://arxiv.org/search?query=diffusion&searchtype=all&source=header': 'arxiv/search-diffusion.html',
  'https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=reward+model&terms-0-field=title&classification-computer_science=y&classification-include_cross_list=include&date-filter_by=all_dates&abstracts=hide&size=25&order=-announced_date_first':
    'arxiv/search-advanced-reward.html',
  'https://arxiv.org/catchup/cs.LG/2026-10-26?abs=True': 'arxiv/catchup-cs.LG-2026-10-26.html',
};

/** The sites' origins, from the routes above; lib/sites/index.test.ts checks they are the registry's. */
export const ORIGINS = [...new Set(Object.keys(PAGES).map((u) => new URL(u).origin))];

/** Whether `url` is on one of the sites (and so answered from the fixtures, never the network). */
export function isSiteUrl(url) {
  return ORIGINS.some((o) => url.startsWith(`${o}/`));
}

/** The file that answers `url`, given per-test overrides (absolute paths or paths under tests/fixtures). */
export function fixtureFor(url, overrides = {}) {
  const u = new URL(url);
  const key = u.origin + u.pathname.replace(/\/+$/, '') + u.search;
  const file = overrides[key] ?? PAGES[key];
  return file ? resolve(FIXTURES, file) : null;
}

export function isSiteStyleSheet(url) {
  return /^https:\/\/huggingface\.co\/front\/build\/[^/]+\/style\.css/.test(url);
}
