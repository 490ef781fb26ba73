import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { askBot, type BotReply } from '../../api/bot';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, usePathname } from '../../router';
import { describeError } from '../../ui/errorMessage';
import { contentLang, InLanguageMark } from '../help/ContentLanguage';
import { TextArea } from '../../ui/fields';
import { useTypingElsewhere } from './typingFocus';

/** The longest question the server takes (server/modules/bot/bot.routes.ts). */
export const MAX_QUESTION = 500;

type Turn =
  | { id: number; from: 'customer'; text: string }
  | { id: number; from: 'bot'; reply: BotReply }
  | { id: number; from: 'error'; text: string };

/**
 * The virtual consultant: a chat panel opened from a button in the corner of every portal page.
 * Answers come from the help centre (POST /bot/ask); links open articles, "Write to support"
 * opens the contact wizard at the suggested category. Escape closes it and returns focus.
 * On a phone the button steps aside while a field of the page has focus (the keyboard is up).
 */
export function ConsultantWidget() {
  const { t, locale } = useI18n();
  // In the agents' section the consultant answers from the agents' articles and leads to their wizard.
  const audience = usePathname().startsWith('/agents') ? 'agent' : 'customer';
  const [open, setOpen] = useState(false);
  const [turns, setTurns] = useState<Turn[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [conversationId, setConversationId] = useState<string | undefined>();
  const nextId = useRef(1);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const typingElsewhere = useTypingElsewhere(rootRef);
  const panelId = useId();
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);
  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [turns, busy]);

  const close = () => {
    flushSync(() => setOpen(false));
    // After the panel is gone: on a phone the button is hidden while the panel is open.
    toggleRef.current?.focus();
  };

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const question = text.trim();
    if (!question || busy) return;
    if (question.length > MAX_QUESTION) {
      setTurns((all) => [...all, { id: nextId.current++, from: 'error', text: t('bot.tooLong', { max: MAX_QUESTION }) }]);
      return;
    }
    setTurns((all) => [...all, { id: nextId.current++, from: 'customer', text: question }]);
    setText('');
    setBusy(true);
    try {
      const reply = await askBot(question, locale, conversationId, audience);
      setConversationId(reply.conversationId);
      setTurns((all) => [...all, { id: nextId.current++, from: 'bot', reply }]);
    } catch (error) {
      setTurns((all) => [...all, { id: nextId.current++, from: 'error', text: describeError(error, t) }]);
    } finally {
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <div ref={rootRef} className={`consultant${typingElsewhere && !open ? ' consultant--tucked' : ''}`}>
      {open && (
        <section
          id={panelId}
          className="consultant__panel"
          role="dialog"
          aria-labelledby={titleId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <header className="consultant__header">
            <h2 id={titleId} className="consultant__title">
              {t('bot.title')}
            </h2>
            <button type="button" className="consultant__close" onClick={close} aria-label={t('bot.close')}>
              ×
            </button>
          </header>
          <div className="consultant__log" ref={logRef} role="log" aria-live="polite" aria-busy={busy}>
            <p className="consultant__msg consultant__msg--bot">{t('bot.welcome')}</p>
            {turns.map((turn) => {
              if (turn.from === 'customer')
                return (
                  <p key={turn.id} className="consultant__msg consultant__msg--customer">
                    <span className="visually-hidden">{t('bot.you')}: </span>
                    {turn.text}
                  </p>
                );
              if (turn.from === 'error')
                return (
                  <p key={turn.id} className="consultant__msg consultant__msg--error" role="alert">
                    {turn.text}
                  </p>
                );
              const { reply } = turn;
              const writeUrl = reply.category?.url ?? (audience === 'agent' ? '/agents/contact' : '/contact');
              return (
                <div key={turn.id} className="consultant__msg consultant__msg--bot">
                  <p>{reply.answer}</p>
                  {reply.articles.length > 0 && (
                    <ul className="consultant__links" aria-label={t('bot.articles')}>
                      {reply.articles.map((a) => (
                        <li key={a.slug} {...contentLang(a.locale, locale)}>
                          <Link href={a.url} onClick={() => setOpen(false)} lang={a.locale}>
                            {a.title}
                          </Link>{' '}
                          <InLanguageMark locale={a.locale} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {(reply.handoff || reply.category || reply.confidence === 'low') && (
                    <Link
                      href={writeUrl}
                      className="button button--primary button--small consultant__write"
                      onClick={() => setOpen(false)}
                    >
                      {t('bot.writeToSupport')}
                    </Link>
                  )}
                </div>
              );
            })}
            {busy && <p className="consultant__msg consultant__msg--bot consultant__typing">{t('bot.thinking')}</p>}
          </div>
          <form className="consultant__form" onSubmit={(e) => void send(e)}>
            <TextArea
              look="bare"
              inputClassName="consultant__input"
              id={inputId}
              label={t('bot.inputLabel')}
              textareaRef={inputRef}
              rows={2}
              value={text}
              maxLength={MAX_QUESTION + 50}
              placeholder={t('bot.placeholder')}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onKeyDown}
            />
            <button type="submit" className="button button--primary consultant__send" disabled={busy || text.trim().length === 0}>
              {t('bot.send')}
            </button>
          </form>
        </section>
      )}
      <button
        ref={toggleRef}
        type="button"
        className="consultant__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true" className="consultant__icon">
          ?
        </span>
        <span className="consultant__label">{open ? t('bot.hide') : t('bot.open')}</span>
      </button>
    </div>
  );
}
