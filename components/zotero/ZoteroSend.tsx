import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/lib/errors';
import type { Send } from '@/lib/message-client';
import { ZOTERO_BATCH, type ResponseOf } from '@/lib/messages';
import type { Paper } from '@/lib/model';
import { chunks, papersWord, shortDate } from '../reading-list';
import { planSend, sentSummary, type SendPlan } from './send-plan';

/** The browser's side, injected so the flow can be tested without an extension around it. */
export interface ZoteroAccess {
  /** Whether `http://127.0.0.1/*` is granted. */
  has(): Promise<boolean>;
  /** `permissions.request`: must be the first thing a click handler does (Firefox drops the gesture after an await). */
  request(): Promise<boolean>;
  /** The per-device "check my library first" preference. */
  checkLibrary(): Promise<boolean>;
}

export interface ZoteroSendProps {
  papers: readonly Paper[];
  send: Send;
  access: ZoteroAccess;
  /** Papers whose record changed (now marked as sent). */
  onSent: (papers: Paper[]) => void;
  /** Closes the sheet; `summary` when something was sent. */
  onClose: (summary?: string) => void;
}

// A local-API lookup is one request per paper: only for lists this short.
const CHECK_LIMIT = 50;

type Step =
  | { kind: 'start' }
  | { kind: 'explain'; denied: boolean }
  | { kind: 'asking' }
  | { kind: 'connecting' }
  | { kind: 'confirm'; target: string; plan: SendPlan; checked: boolean }
  | { kind: 'sending'; target: string; done: number; total: number }
  | { kind: 'failed'; message: string; sent: number; target: string };

/**
 * Send to Zotero, one sheet for a row or the shown list: ask for the permission
 * (explained first), show where Zotero will put the papers, warn about ones sent
 * before, send in batches with progress, and report failures in an alert.
 */
export function ZoteroSend({ papers, send, access, onSent, onClose }: ZoteroSendProps) {
  const [step, setStep] = useState<Step>({ kind: 'start' });

  const connect = async () => {
    setStep({ kind: 'connecting' });
    try {
      const res = await send('zotero.target', {});
      if (!res.ok) {
        if (res.kind === 'no-permission') return setStep({ kind: 'explain', denied: false });
        return setStep({ kind: 'failed', message: res.message, sent: 0, target: '' });
      }
      const { found, checked } = await lookUp();
      setStep({ kind: 'confirm', target: res.target.label, plan: planSend(papers, found), checked });
    } catch (e) {
      setStep({ kind: 'failed', message: errorText(e), sent: 0, target: '' });
    }
  };

  const lookUp = async (): Promise<{ found: Set<string>; checked: boolean }> => {
    const found = new Set<string>();
    if (papers.length > CHECK_LIMIT || !(await access.checkLibrary().catch(() => false))) {
      return { found, checked: false };
    }
    const res = await send('zotero.check', { ids: papers.map((p) => p.id) });
    if (!res.ok) return { found, checked: false };
    for (const [id, hit] of Object.entries(res.found)) if (hit) found.add(id);
    return { found, checked: Object.values(res.found).some((v) => v !== null) };
  };

  useEffect(() => {
    access
      .has()
      .then((granted) => (granted ? connect() : setStep({ kind: 'explain', denied: false })))
      .catch((e) => setStep({ kind: 'failed', message: errorText(e), sent: 0, target: '' }));
  }, []);

  const allow = () => {
    // No await before this call: the browser only shows its question during the click.
    const asked = access.request();
    setStep({ kind: 'asking' });
    asked.then(
      (granted) => (granted ? connect() : setStep({ kind: 'explain', denied: true })),
      (e) => setStep({ kind: 'failed', message: errorText(e), sent: 0, target: '' }),
    );
  };

  const sendAll = async (list: Paper[], target: string) => {
    let done = 0;
    let where = target;
    setStep({ kind: 'sending', target, done, total: list.length });
    for (const part of chunks(list, ZOTERO_BATCH)) {
      let res: ResponseOf<'zotero.save'>;
      try {
        res = await send('zotero.save', { ids: part.map((p) => p.id) });
      } catch (e) {
        return setStep({ kind: 'failed', message: errorText(e), sent: done, target: where });
      }
      if (!res.ok) return setStep({ kind: 'failed', message: res.message, sent: done, target: where });
      where = res.target || where;
      done += part.length;
      onSent(res.papers);
      setStep({ kind: 'sending', target: where, done, total: list.length });
    }
    onClose(sentSummary(done, where));
  };

  return (
    <div class="editor zotero" role="dialog" aria-label="Send to Zotero" data-dogear-zotero-step={step.kind}>
      <p class="editor-title">Send {papersWord(papers.length)} to Zotero</p>
      {body(step)}
    </div>
  );

  function body(s: Step) {
    switch (s.kind) {
      case 'start':
      case 'connecting':
        return <p class="muted">Looking for Zotero on this computer…</p>;
      case 'asking':
        return <p class="muted">Answer the browser’s question to continue…</p>;
      case 'explain':
        return (
          <>
            {s.denied && (
              <p role="alert" class="zotero-error">
                The browser did not allow Dogear to reach Zotero, so nothing was sent. You can ask again at any time.
              </p>
            )}
            <p>
              Dogear hands papers to the Zotero app running on this computer (<code>127.0.0.1</code>), the way Zotero’s
              own browser connector does. The browser will ask you to allow that once. Nothing leaves your computer, and
              Dogear contacts Zotero only when you press Send.
            </p>
            <div class="editor-actions">
              <button type="button" class="primary" data-dogear-action="zotero-allow" onClick={allow}>
                {s.denied ? 'Ask again' : 'Allow access to Zotero'}
              </button>
              <button type="button" onClick={() => onClose()}>
                Cancel
              </button>
            </div>
          </>
        );
      case 'confirm':
        return confirm(s);
      case 'sending':
        return (
          <>
            <p aria-live="polite">
              Sending {s.done} of {papersWord(s.total)} to {s.target}…
            </p>
            <progress max={s.total} value={s.done} aria-label="Sent so far" />
          </>
        );
      case 'failed':
        return (
          <>
            <p role="alert" class="zotero-error" data-dogear-zotero-error>
              {s.sent ? `${sentSummary(s.sent, s.target)}, then: ` : ''}
              {s.message}
            </p>
            <div class="editor-actions">
              <button type="button" class="primary" data-dogear-action="zotero-retry" onClick={() => void connect()}>
                Try again
              </button>
              <button type="button" onClick={() => onClose()}>
                Close
              </button>
            </div>
          </>
        );
    }
  }

  function confirm({ target, plan, checked }: Extract<Step, { kind: 'confirm' }>) {
    const skip = plan.sentBefore.length + plan.inLibrary.length;
    const last = plan.sentBefore[0]?.sentToZotero;
    return (
      <>
        <p>
          Zotero will put them in <strong data-dogear-zotero-target>{target}</strong> (what is selected in Zotero now).
        </p>
        {last && (
          <p class="zotero-warn">
            {plan.sentBefore.length === 1 && papers.length === 1
              ? `Already sent on ${shortDate(last.date)} to ${last.collection}.`
              : `${plan.sentBefore.length} of these ${plan.sentBefore.length === 1 ? 'was' : 'were'} sent before.`}{' '}
            Zotero does not spot duplicates: sending again adds a second copy.
          </p>
        )}
        {plan.inLibrary.length > 0 && (
          <p class="zotero-warn">{papersWord(plan.inLibrary.length)} already in your Zotero library.</p>
        )}
        {checked && !plan.inLibrary.length && <p class="muted">None of them is in your Zotero library yet.</p>}
        <div class="editor-actions">
          {skip > 0 && plan.fresh.length > 0 && (
            <button
              type="button"
              class="primary"
              data-dogear-action="zotero-confirm-new"
              onClick={() => void sendAll(plan.fresh, target)}
            >
              Send the {papersWord(plan.fresh.length)} not in Zotero
            </button>
          )}
          <button
            type="button"
            class={skip > 0 && plan.fresh.length > 0 ? '' : 'primary'}
            data-dogear-action="zotero-confirm"
            onClick={() => void sendAll(plan.all, target)}
          >
            {skip > 0 ? `Send all ${papersWord(plan.all.length)} anyway` : `Send ${papersWord(plan.all.length)}`}
          </button>
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
        </div>
      </>
    );
  }
}
