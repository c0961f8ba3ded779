/**
 * Every selector the Hugging Face adapter uses. Each `NAME` has a `NAME_` list of the
 * fixture pages (paths under tests/fixtures/) it must match; selectors.test.ts walks
 * these pairs for every site, so a fixture refresh that breaks a selector fails loudly. Selectors are
 * structural (tags, attributes, hrefs) because HF's Tailwind class strings churn.
 */

import { fixturePages } from './fixture-pages';

const LISTINGS = [
  'hf/2024-08-01-daily.real.html',
  'hf/date-2026-10-27.html',
  'hf/date-2026-10-27.dark.html',
  'hf/date-2026-10-27.loggedin.html',
  'hf/week-2026-W44.html',
  'hf/month-2026-10.html',
  'hf/search-rewarding.html',
  'hf/trending.html',
  'hf/spa-daily.html',
];

/** The listing's server-rendered data island (`data-props` holds the JSON). */
export const LISTING_ISLAND = '[data-target="DailyPapers"]';
export const LISTING_ISLAND_ = LISTINGS;

/** The single paper page's data island. */
export const PAPER_ISLAND = '[data-target="PaperContent"]';
export const PAPER_ISLAND_ = ['hf/paper-2510.12345.html'];

/** Card candidates; only those holding a CARD_TITLE_LINK are paper cards. */
export const CARD = 'article';
export const CARD_ = fixturePages([LISTINGS, 'hf/paper-2510.12345.html']);

/** Inside a card: the title link, whose href carries the paper id. */
export const CARD_TITLE_LINK = 'h3 a[href^="/papers/"]';
export const CARD_TITLE_LINK_ = LISTINGS;

/** Inside a card: author avatars (`title` = HF user name or plain author name), listed in reverse order. */
export const CARD_AUTHOR = 'li[title]';
// Trending cards show no avatars.
export const CARD_AUTHOR_ = fixturePages([LISTINGS], 'hf/trending.html');

/** Inside a card: the visible abstract (search rows: a link; trending: a paragraph). Daily cards have none. */
export const CARD_ABSTRACT = 'h3 + a[href^="/papers/"], h3 + p';
export const CARD_ABSTRACT_ = ['hf/search-rewarding.html', 'hf/trending.html'];

/**
 * The vote widget: the guest login link, the signed-in checkbox label, or trending's
 * orange count. On a paper page the overlay goes in the row that holds it.
 */
export const VOTE_WIDGET = 'a[href^="/login?next="], [role="checkbox"], div.text-orange-500';
export const VOTE_WIDGET_ = ['hf/paper-2510.12345.html'];

/** Any link to a paper page (titles, thumbnails, abstracts, comments), matched without the card
 *  around it: counted to notice cards the adapter no longer finds. */
export const PAPER_LINK = 'a[href*="/papers/"]';
export const PAPER_LINK_ = LISTINGS;

/** Paper page title. */
export const PAPER_TITLE = 'h1';
export const PAPER_TITLE_ = ['hf/paper-2510.12345.html'];

/** Paper page abstract paragraph (the AI summary above it sits in another block). */
export const PAPER_ABSTRACT = '.flex-col.gap-y-2\\.5 > p';
export const PAPER_ABSTRACT_ = ['hf/paper-2510.12345.html'];
