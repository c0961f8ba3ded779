// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { PageReport } from '@/lib/page-report-read';
import { PageNotice } from './PageNotice';

afterEach(cleanup);

const report: PageReport = {
  site: 'huggingface',
  kind: 'listing',
  path: '/papers/date/2026-10-27',
  linked: 30,
  read: 0,
  skipped: 0,
  paths: { island: 0, cards: 0 },
};
const versions = { extension: '0.1.0', browser: 'Chrome/140' };

it('says how much of the page was read, and copies the diagnostic', async () => {
  const copy = vi.fn(async () => {});
  const { container } = render(<PageNotice report={report} versions={versions} copy={copy} />);
  expect(container.textContent).toContain('Dogear could read 0 of 30 papers on this page — the site may have changed');
  fireEvent.click(screen.getByText('Copy diagnostic'));
  expect(await screen.findByText('Copied')).toBeTruthy();
  expect(copy).toHaveBeenCalledTimes(1);
  const text = (copy.mock.calls[0] as unknown as [string])[0];
  expect(text).toContain('page: listing /papers/date/2026-10-27');
  expect(text).toContain('found by each reading path: island 0, cards 0');
  expect(text).toContain('extension: 0.1.0');
});

it('says so when the clipboard refuses', async () => {
  const copy = vi.fn(async () => {
    throw new Error('Document is not focused');
  });
  render(<PageNotice report={report} versions={versions} copy={copy} />);
  fireEvent.click(screen.getByText('Copy diagnostic'));
  expect(await screen.findByText(/Could not copy: Document is not focused/)).toBeTruthy();
});
