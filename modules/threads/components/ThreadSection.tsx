import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/ClientMessages';
import { When } from '@/components/When';
import { Card } from '@/components/ui/Card';
import { db } from '@/lib/data/db';
import { getThread, type ThreadMessageView } from '@/lib/data/threads';
import type { ThreadRecordType } from '@/lib/domain/threads/kinds';
import { localName } from '@/lib/web/i18n/local-name';
import { requireActor } from '@/lib/web/session';
import { addNoteAction, sendMessageAction } from '@/modules/threads/actions';
import { ThreadComposer } from './ThreadComposer';

const excerpt = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * The thread of a record, for every record page: the messages and internal notes the user may
 * read (loaded through the record's visibility; opening it records the user's read receipts),
 * then the two composers — a message to both institutions and, apart, an internal note.
 * A server component: only the composers are client code, and they get only what the user may
 * see (own colleagues for a note, own messages to correct).
 */
export async function ThreadSection({ recordType, recordId }: { recordType: ThreadRecordType; recordId: string }) {
  const actor = await requireActor();
  const thread = await getThread(db(), actor, recordType, recordId);
  if (!thread) return null;
  const [t, format] = await Promise.all([getTranslations('threads'), getFormatter()]);
  const when = (at: Date) => format.dateTime(at, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const own = (audience: 'shared' | 'internal') =>
    thread.messages.filter((m) => m.mine && m.audience === audience).map((m) => ({ id: m.id, label: `${when(m.sentAt)} · ${excerpt(m.body)}` }));
  const { shared, internal } = thread.composers;
  return (
    <Card id="thread" title={t('title')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600" data-testid="thread-unread" data-count={thread.unreadCount}>
          {thread.unreadCount ? t('unread', { count: thread.unreadCount }) : thread.messages.length ? t('allRead') : t('empty')}
        </p>
        {thread.messages.length > 0 && (
          <ol className="space-y-3" aria-label={t('messages')}>
            {thread.messages.map((m) => (
              <li key={m.id}>
                <Message m={m} byId={thread.messages} />
              </li>
            ))}
          </ol>
        )}
        <ClientMessages namespaces={['threads']}>
          <div className="space-y-4" id="thread-compose">
            {shared.allowed ? (
              <ThreadComposer variant="message" action={sendMessageAction} recordType={recordType} recordId={recordId} candidates={shared.candidates} corrects={own('shared')} />
            ) : (
              <p className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="message-composer-closed">
                {t(`composer.closed.${shared.reason === 'otherSideCannotSee' ? 'otherSideCannotSee' : 'forbidden'}`)}
              </p>
            )}
            {internal.allowed && (
              <ThreadComposer variant="note" action={addNoteAction} recordType={recordType} recordId={recordId} candidates={internal.candidates} corrects={own('internal')} />
            )}
          </div>
        </ClientMessages>
      </div>
    </Card>
  );
}

async function Message({ m, byId }: { m: ThreadMessageView; byId: ThreadMessageView[] }) {
  const [t, locale] = await Promise.all([getTranslations('threads'), getLocale()]);
  const note = m.audience === 'internal';
  const corrected = m.correctsId ? byId.find((x) => x.id === m.correctsId) : undefined;
  return (
    <article
      id={`msg-${m.id}`}
      data-testid="thread-message"
      data-audience={m.audience}
      data-unread={m.unread ? 'true' : undefined}
      aria-label={note ? t('noteLabel') : undefined}
      className={
        note
          ? 'rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-3'
          : m.own
            ? 'ml-6 rounded-lg border border-brand-100 bg-white p-3'
            : 'mr-6 rounded-lg border border-slate-200 bg-white p-3'
      }
    >
      <header className="flex flex-wrap items-center gap-2 text-sm">
        {note && <span className="rounded bg-amber-200 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('noteBadge')}</span>}
        <span className="font-medium">{m.author}</span>
        <span className="text-slate-500">{localName(locale, m.institution)}</span>
        <span className="text-slate-500">
          <When at={m.sentAt} />
        </span>
        {m.unread && <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="message-unread">{t('new')}</span>}
        {m.mentionsMe && <span className="rounded bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-900" data-testid="mentions-me">{t('mentionsYou')}</span>}
      </header>
      {m.correctsId && (
        <p className="mt-1 text-xs text-slate-600">
          <a href={`#msg-${m.correctsId}`} className="text-brand-600 underline">
            {t('correctionOf', { excerpt: corrected ? excerpt(corrected.body) : '…' })}
          </a>
        </p>
      )}
      <p className="mt-2 whitespace-pre-wrap text-sm" data-testid="message-body">{m.body}</p>
      {m.mentions.length > 0 && <p className="mt-1 text-xs text-slate-600">{t('mentioned', { names: m.mentions.join('、') })}</p>}
      {m.attachments.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label={t('attachments')}>
          {m.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/threads/${m.id}/attachments/${a.id}`} className="text-brand-600 underline" data-testid="message-attachment">
                {a.fileName}
              </a>{' '}
              <span className="text-xs text-slate-500">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
            </li>
          ))}
        </ul>
      )}
      {m.receipts && (
        <p className="mt-2 text-xs text-slate-600" data-testid="message-receipts">
          {m.receipts.length ? (
            <>
              {t('readBy')}{' '}
              {m.receipts.map((r, i) => (
                <span key={i}>
                  {i > 0 ? '、' : ''}
                  {r.name} (<When at={r.readAt} />)
                </span>
              ))}
            </>
          ) : (
            t('notYetRead')
          )}
        </p>
      )}
    </article>
  );
}
