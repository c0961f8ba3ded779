/**
 * Keyboard triage's own UI, in the overlay's look (same colour variables, set
 * on the hosts by the page stylesheet, and the overlay's button style, which
 * these roots adopt too): the key help card `<dogear-help>` and the status
 * strip `<dogear-keys>` (screen-reader announcements and the undo of a batch).
 */
export const KEYS_CSS = `
:host { all: initial; position: fixed; z-index: 2147483000; font-family: inherit; font-size: 14px; line-height: 1.35;
  color: var(--dg-fg); }
:host(dogear-help) { right: 16px; bottom: 16px; }
:host(dogear-keys) { left: 50%; bottom: 16px; transform: translateX(-50%); }
.card, .toast { background: var(--dg-pop); border: 1px solid var(--dg-border); border-radius: .57em;
  box-shadow: 0 6px 24px rgb(0 0 0 / .16); }
.card { width: 22em; max-height: calc(100vh - 32px); overflow: auto; padding: .75em .9em .8em; }
.head { display: flex; align-items: center; justify-content: space-between; gap: .5em; margin-bottom: .45em; }
h2 { all: unset; font-weight: 600; font-size: 1.05em; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .32em .8em; align-items: baseline; }
dt { white-space: nowrap; }
dd { margin: 0; color: var(--dg-fg); }
kbd { display: inline-block; min-width: 1.5em; padding: .05em .4em; margin-right: .25em; border-radius: .35em;
  border: 1px solid var(--dg-border); border-bottom-width: 2px; background: var(--dg-btn); text-align: center;
  font: inherit; font-size: .9em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.foot { margin: .65em 0 0; color: var(--dg-muted-fg); font-size: .9em; }
.toast { display: flex; align-items: center; gap: .6em; padding: .45em .5em .45em .8em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
