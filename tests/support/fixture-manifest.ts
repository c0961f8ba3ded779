import { readFileSync } from 'node:fs';
import { FIXTURES } from './fixture-routes.mjs';
import path from 'node:path';

/** One row of tests/fixtures/manifest.json: what each fixture page stands for and holds. */
export interface FixturePage {
  file: string;
  url: string;
  kind: 'listing' | 'not-listing';
  entries: number;
  /** null on pages that are not listings. */
  firstId: string | null;
  lastId: string | null;
}

/** The fixture manifest, shared by the adapters' unit tests and the end-to-end tests. */
export const FIXTURE_MANIFEST: readonly FixturePage[] = JSON.parse(
  readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8'),
);
