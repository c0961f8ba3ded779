import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RankPaper } from '../features';

/**
 * Real papers for the offline evaluation: the text of a real Hugging Face
 * search page (43 titles with abstracts) and the island of a real 2024 daily
 * page (13 more). Nothing here is templated.
 */

export interface FixturePaper extends RankPaper {
  day: string;
}

const fixture = (rel: string) => readFileSync(path.resolve(process.cwd(), 'tests/fixtures', rel), 'utf8');

const unescapeAttr = (s: string) =>
  s.replace(
    /&(quot|amp|lt|gt|#39);/g,
    (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#39': "'" })[e] ?? '',
  );

/** The papers of a Hugging Face page's `DailyPapers` island. */
export function islandPapers(file: string, key: 'dailyPapers' | 'searchResults'): FixturePaper[] {
  const attr = /data-target="DailyPapers"\s+data-props="([^"]*)"/.exec(fixture(`hf/${file}`))?.[1];
  if (!attr) throw new Error(`no DailyPapers island in ${file}`);
  const props = JSON.parse(unescapeAttr(attr)) as Record<string, unknown>;
  const list = props[key] as {
    title?: string;
    publishedAt: string;
    paper: { id: string; title: string; summary: string; authors: { name: string }[] };
  }[];
  return list.map((e) => ({
    id: e.paper.id,
    title: (e.title ?? e.paper.title).replace(/\s+/g, ' ').trim(),
    abstract: e.paper.summary.replace(/\s+/g, ' ').trim(),
    authors: e.paper.authors.map((a) => a.name),
    day: e.publishedAt.slice(0, 10),
  }));
}

/**
 * The page text as a reader copied it: each paper is a title line followed by
 * its abstract (the only lines longer than a few hundred characters); author
 * counts, dates and page furniture are skipped.
 */
function pageTextPapers(rel: string): FixturePaper[] {
  const lines = fixture(rel)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: FixturePaper[] = [];
  lines.forEach((line, i) => {
    const title = lines[i - 1];
    if (line.length < 300 || !title || title.length > 250) return;
    out.push({ id: `search-${out.length + 1}`, title, abstract: line, authors: [], day: '' });
  });
  return out;
}

export const searchPage = () => pageTextPapers('real/hf-search-rewarding.txt');
export const dailyPage2024 = () => islandPapers('2024-08-01-daily.real.html', 'dailyPapers');
