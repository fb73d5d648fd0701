/**
 * The chat page's own script: a small object shaped like DirectLineJS (activity$,
 * connectionStatus$, postActivity), which is all Web Chat needs from a connection, talking to
 * POST /api/chat. It keeps the conversation id in memory only, and never logs anything typed.
 * Plain browser JavaScript in a string, because the page runs it inline under a nonce.
 */
export const WEBCHAT_SCRIPT = String.raw`
(() => {
  'use strict';
  const root = document.getElementById('webchat');
  const { endpoint, failure, busy } = root.dataset;
  if (!window.WebChat) {
    document.getElementById('chat-status').textContent = failure;
    return;
  }

  const observerOf = (next, error, complete) =>
    typeof next === 'function' ? { next, error, complete } : next || {};

  // Subscribable streams, as Web Chat reads them; a replaying one stands in for a BehaviorSubject.
  const createStream = (replay, initial) => {
    let observers = [];
    let current = initial;
    return {
      getValue: () => current,
      next(value) {
        current = value;
        for (const observer of observers.slice()) observer.next?.(value);
      },
      subscribe(next, error, complete) {
        const observer = observerOf(next, error, complete);
        observers.push(observer);
        if (replay) observer.next?.(current);
        const subscription = {
          closed: false,
          unsubscribe() {
            observers = observers.filter((o) => o !== observer);
            subscription.closed = true;
          },
        };
        return subscription;
      },
    };
  };

  const bot = { id: 'faq-bot', name: 'FAQ', role: 'bot' };
  const activity$ = createStream(false);
  const connectionStatus$ = createStream(true, 0);
  let conversationId;
  let sequence = 0;
  let counter = 0;
  let joined = false;

  const newId = () => 'local-' + Date.now().toString(36) + '-' + (counter += 1);
  const deliver = (activity) => {
    sequence += 1;
    const channelData = { ...activity.channelData, 'webchat:sequence-id': sequence };
    activity$.next({ ...activity, timestamp: new Date().toISOString(), channelData });
  };
  const say = (text, replyToId) => deliver({ type: 'message', id: newId(), from: bot, text, replyToId });

  // Sends one request and shows the replies; a failure is said in the transcript, where Web
  // Chat's live region announces it, with the emergency number and the practice's contacts.
  const ask = async (request, replyToId) => {
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...request, conversationId }),
      });
      if (response.status === 429) return say(busy, replyToId);
      if (!response.ok) return say(failure, replyToId);
      const reply = await response.json();
      conversationId = reply.conversationId;
      for (const activity of reply.activities) deliver({ ...activity, id: newId(), from: bot, replyToId });
    } catch {
      say(failure, replyToId);
    }
  };

  const directLine = {
    activity$,
    connectionStatus$,
    end() {
      connectionStatus$.next(5);
    },
    postActivity(activity) {
      let sent;
      return {
        subscribe(next, error, complete) {
          const observer = observerOf(next, error, complete);
          if (!sent) {
            // Web Chat shows a message as sent once it comes back on activity$ with its id.
            sent = newId();
            deliver({ ...activity, id: sent, from: { ...activity.from, role: 'user' } });
            if (activity.type === 'message') void ask({ text: activity.text || '' }, sent);
          }
          observer.next?.(sent);
          observer.complete?.();
          return { closed: true, unsubscribe() {} };
        },
      };
    },
  };

  // The welcome comes from the bot's conversationUpdate turn, asked for once Web Chat is connected
  // and listening, so that none of it arrives before anyone reads activity$.
  const store = window.WebChat.createStore({}, () => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !joined) {
      joined = true;
      void ask({ type: 'conversationUpdate' });
    }
    return next(action);
  });

  connectionStatus$.next(2);
  window.WebChat.renderWebChat(
    {
      directLine,
      store,
      userID: 'visitor',
      locale: 'en-US',
      styleOptions: { hideUploadButton: true, rootHeight: '100%' },
    },
    root,
  );
})();
`;
