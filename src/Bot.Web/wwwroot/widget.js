/*
 * The clinic chat widget: one <script src="https://bot.example/widget.js" defer></script> on any page.
 * Options as data attributes on that tag: data-bot-name, data-color (accent, CSS colour), data-greeting.
 * It talks Direct Line 3.0 to the host it was loaded from: a token from /api/widget/token (no secret in the page),
 * a conversation, a WebSocket stream (polling when sockets fail). Text from users and sources is only ever set
 * as text, never parsed as HTML.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.__muscleChatWidget) { return; }
  window.__muscleChatWidget = true;

  var host = new URL(script.src, document.baseURI).origin;
  var api = host + '/v3/directline';
  var config = {
    botName: script.getAttribute('data-bot-name') || 'Muscle health assistant',
    color: script.getAttribute('data-color') || '',
    greeting: script.getAttribute('data-greeting') || 'Questions about muscle wasting? Ask me.'
  };
  var CLINIC = 'Talk to the clinic';
  var REFRESH_MS = 15 * 60 * 1000;
  var POLL_MS = 1000;
  var STORAGE_KEY = 'muscleChatConversation:' + host;

  var state = { token: null, conversationId: null, watermark: null, poller: null, refresher: null, seen: {}, sent: {}, votes: {}, starting: null, messages: 0 };

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var stylesheet = el('link', { rel: 'stylesheet', href: host + '/widget.css' });
  document.head.appendChild(stylesheet);

  var root = el('div', { 'class': 'mw-root' });
  if (config.color) { root.style.setProperty('--mw-accent', config.color); }

  var launcher = el('button', { type: 'button', 'class': 'mw-launcher', 'aria-expanded': 'false', 'aria-controls': 'mw-panel', text: 'Ask ' + config.botName });
  var title = el('h2', { id: 'mw-title', 'class': 'mw-title', text: config.botName });
  var close = el('button', { type: 'button', 'class': 'mw-close', 'aria-label': 'Close chat', text: '×' });
  var intro = el('p', { 'class': 'mw-intro', text: config.greeting });
  var log = el('div', { 'class': 'mw-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
  var status = el('p', { 'class': 'mw-status', role: 'status' });
  var suggestions = el('div', { 'class': 'mw-suggestions', role: 'group', 'aria-label': 'Suggested questions' });
  var input = el('input', { id: 'mw-input', 'class': 'mw-input', type: 'text', autocomplete: 'off', maxlength: '1000', placeholder: 'Type your question' });
  var send = el('button', { type: 'submit', 'class': 'mw-send', text: 'Send' });
  var form = el('form', { 'class': 'mw-form' }, [el('label', { 'for': 'mw-input', 'class': 'mw-visually-hidden', text: 'Your question' }), input, send]);
  var clinic = el('button', { type: 'button', 'class': 'mw-clinic', text: CLINIC });
  var panel = el('section', { id: 'mw-panel', 'class': 'mw-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'mw-title', hidden: '' }, [
    el('header', { 'class': 'mw-header' }, [title, close]),
    intro, log, status, suggestions, form,
    el('footer', { 'class': 'mw-footer' }, [clinic])
  ]);
  root.appendChild(launcher);
  root.appendChild(panel);

  function mount() { document.body.appendChild(root); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    start();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () { if (panel.hidden) { open(); } else { hide(); } });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { hide(); } });
  clinic.addEventListener('click', function () { sendText(CLINIC); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (text) { input.value = ''; sendText(text); }
  });

  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + state.token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  function start() {
    if (state.starting) { return state.starting; }
    setStatus('Connecting…');
    state.starting = resume().catch(begin)
      .then(function (conversation) {
        state.conversationId = conversation.conversationId;
        state.token = conversation.token;
        remember();
        state.refresher = setInterval(refresh, REFRESH_MS);
        listen(conversation.streamUrl);
        setStatus('');
      })
      .catch(function () {
        state.starting = null;
        setStatus('The assistant is not available right now. Please try again later or contact the clinic.');
      });
    return state.starting;
  }

  /* The conversation this tab had on an earlier page of the site, streamed again from its start. */
  function resume() {
    var saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    if (!saved || !saved.conversationId || !saved.token) { return Promise.reject(new Error('nothing to resume')); }
    state.token = saved.token;
    return request('GET', '/conversations/' + encodeURIComponent(saved.conversationId));
  }

  function begin() {
    sessionStorage.removeItem(STORAGE_KEY);
    return fetch(host + '/api/widget/token', { method: 'POST' })
      .then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (issued) {
        state.token = issued.token;
        return request('POST', '/conversations');
      });
  }

  function remember() {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: state.conversationId, token: state.token }));
  }

  function refresh() {
    request('POST', '/tokens/refresh').then(function (conversation) { state.token = conversation.token; remember(); }).catch(function () { });
  }

  function listen(streamUrl) {
    if (!('WebSocket' in window) || !streamUrl) { poll(); return; }
    var socket = new WebSocket(streamUrl);
    var opened = false;
    socket.onopen = function () { opened = true; };
    socket.onmessage = function (event) { if (event.data) { receive(JSON.parse(event.data)); } };
    socket.onclose = function () {
      if (!opened) { poll(); return; }
      var query = state.watermark ? '?watermark=' + encodeURIComponent(state.watermark) : '';
      request('GET', '/conversations/' + encodeURIComponent(state.conversationId) + query)
        .then(function (conversation) { state.token = conversation.token; listen(conversation.streamUrl); })
        .catch(poll);
    };
  }

  function poll() {
    if (state.poller) { return; }
    state.poller = setInterval(function () {
      var query = state.watermark ? '?watermark=' + encodeURIComponent(state.watermark) : '';
      request('GET', '/conversations/' + encodeURIComponent(state.conversationId) + '/activities' + query).then(receive).catch(function () { });
    }, POLL_MS);
  }

  function receive(set) {
    if (set.watermark) { state.watermark = set.watermark; }
    (set.activities || []).forEach(function (activity) {
      if (!activity.id || state.seen[activity.id]) { return; }
      state.seen[activity.id] = true;
      if (!activity.from) { return; }
      if (activity.type === 'event' && activity.name === 'feedback' && activity.from.role === 'bot') { voted(activity.value || {}); return; }
      if (activity.type !== 'message') { return; }
      if (activity.from.role === 'bot') { showBot(activity); return; }
      var clientId = activity.channelData && activity.channelData.clientActivityID;
      if (!state.sent[clientId]) { showUser(activity.text || ''); }
    });
  }

  function sendText(text) {
    var clientId = 'mw-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    state.sent[clientId] = true;
    showUser(text);
    clearSuggestions();
    setStatus('');
    start().then(function () {
      if (!state.conversationId) { return; }
      return request('POST', '/conversations/' + encodeURIComponent(state.conversationId) + '/activities', {
        type: 'message', text: text, locale: navigator.language, channelData: { clientActivityID: clientId }
      });
    }).catch(function () { setStatus('Your message could not be sent. Please try again.'); });
  }

  function sendFeedback(activityId, reaction) {
    return request('POST', '/conversations/' + encodeURIComponent(state.conversationId) + '/activities', {
      type: 'invoke',
      name: 'message/submitAction',
      replyToId: activityId,
      value: { actionName: 'feedback', actionValue: { reaction: reaction, feedback: { feedbackText: '' } } }
    });
  }

  function setStatus(text) { status.textContent = text; }

  function showUser(text) {
    log.appendChild(el('div', { 'class': 'mw-message mw-user' }, [el('span', { 'class': 'mw-visually-hidden', text: 'You said: ' }), el('p', { text: text })]));
    scroll();
  }

  function showBot(activity) {
    var id = 'mw-m' + (++state.messages);
    var citations = citationsOf(activity);
    var body = el('div', { 'class': 'mw-body' });
    var text = activity.text || '';
    if (activity.textFormat === 'markdown') {
      text = text.replace(/\n\[\d+\]: [^\n]*/g, '');
      text.split(/\n{2,}/).forEach(function (paragraph) { body.appendChild(markdownParagraph(paragraph.trim(), id, citations)); });
    } else {
      text.split(/\n{2,}/).forEach(function (paragraph) { body.appendChild(linked(paragraph)); });
    }

    var message = el('div', { 'class': 'mw-message mw-bot', id: id }, [el('span', { 'class': 'mw-visually-hidden', text: config.botName + ' said: ' }), body]);
    if (citations.length) { message.appendChild(sourceList(id, citations)); }
    if (activity.channelData && activity.channelData.feedbackLoop) { message.appendChild(feedback(activity.id)); }
    log.appendChild(message);
    setStatus('');
    showSuggestions(activity.suggestedActions);
    scroll();
  }

  /* A plain-text paragraph with its web addresses and e-mail addresses as links (the clinic's contact), built as
     text nodes and anchors, never as HTML. */
  function linked(paragraph) {
    var node = el('p');
    var pattern = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(paragraph)) !== null) {
      node.appendChild(document.createTextNode(paragraph.slice(last, match.index)));
      var address = match[0];
      node.appendChild(address.indexOf('@') > 0 && !/^https?:/.test(address)
        ? el('a', { href: 'mailto:' + address, text: address })
        : el('a', { href: address, target: '_blank', rel: 'noopener noreferrer', text: address }));
      last = match.index + address.length;
    }
    node.appendChild(document.createTextNode(paragraph.slice(last)));
    return node;
  }

  function citationsOf(activity) {
    var found = [];
    (activity.entities || []).forEach(function (entity) {
      if (entity && entity.type === 'https://schema.org/Message' && Array.isArray(entity.citation)) {
        entity.citation.forEach(function (claim) { if (claim && claim.appearance) { found.push(claim); } });
      }
    });
    return found;
  }

  /* The bot escapes Markdown in quoted text with backslashes and writes its own [n] markers unescaped. */
  function markdownParagraph(paragraph, id, citations) {
    var italic = /^_.*_$/.test(paragraph) && paragraph.length > 1;
    var source = italic ? paragraph.slice(1, -1) : paragraph;
    var node = el('p', italic ? { 'class': 'mw-notice' } : {});
    var buffer = '';
    for (var i = 0; i < source.length; i++) {
      var c = source[i];
      if (c === '\\' && i + 1 < source.length) { buffer += source[++i]; continue; }
      var marker = c === '[' ? /^\[(\d+)\]/.exec(source.slice(i)) : null;
      if (marker && citationNumber(citations, Number(marker[1]))) {
        node.appendChild(document.createTextNode(buffer));
        buffer = '';
        var claim = citationNumber(citations, Number(marker[1]));
        node.appendChild(markerLink(id + '-s' + marker[1], 'Source ' + marker[1] + ': ' + claim.appearance.name, '[' + marker[1] + ']'));
        i += marker[0].length - 1;
        continue;
      }
      buffer += c;
    }
    node.appendChild(document.createTextNode(buffer));
    return node;
  }

  /* Focus moves to the source entry and only the log scrolls: following the #fragment would scroll the panel
     itself out of place and change the page's address. */
  function markerLink(targetId, label, text) {
    var link = el('a', { href: '#' + targetId, 'class': 'mw-marker', 'aria-label': label, text: text });
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var target = document.getElementById(targetId);
      if (!target) { return; }
      target.focus({ preventScroll: true });
      var box = target.getBoundingClientRect();
      var view = log.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) { log.scrollTop += box.top - view.top - 8; }
    });
    return link;
  }

  function citationNumber(citations, n) {
    for (var i = 0; i < citations.length; i++) { if (citations[i].position === n) { return citations[i]; } }
    return null;
  }

  function sourceList(id, citations) {
    var list = el('ol', { 'class': 'mw-sources', 'aria-label': 'Sources' });
    citations.forEach(function (claim) {
      var appearance = claim.appearance;
      var item = el('li', { id: id + '-s' + claim.position, value: String(claim.position), tabindex: '-1' });
      item.appendChild(isWebLink(appearance.url)
        ? el('a', { href: appearance.url, target: '_blank', rel: 'noopener noreferrer', text: appearance.name })
        : el('span', { 'class': 'mw-source-name', text: appearance.name }));
      if (appearance.abstract) { item.appendChild(el('blockquote', { text: appearance.abstract })); }
      list.appendChild(item);
    });
    return list;
  }

  function isWebLink(url) {
    try { return !!url && /^https?:$/.test(new URL(url).protocol); } catch (e) { return false; }
  }

  /* Thumbs drawn as SVG, so they show where the system has no emoji font. */
  var THUMB = 'M2 10h4v11H2zM8 21h9.2a2 2 0 0 0 2-1.6l1.6-7A2 2 0 0 0 18.8 10H14l.9-4.3A1.8 1.8 0 0 0 13.2 3.5L8 10z';
  function thumb(down) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', down ? 'mw-icon mw-icon-down' : 'mw-icon');
    var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', THUMB);
    svg.appendChild(path);
    return svg;
  }

  /* The bot confirms every vote with a "feedback" event in the transcript, so a reloaded page shows it as cast. */
  function voted(value) {
    if (!value.activityId) { return; }
    state.votes[value.activityId] = value.reaction;
    var group = log.querySelector('.mw-feedback[data-activity="' + CSS.escape(value.activityId) + '"]');
    if (group) { markVote(group, value.reaction); }
  }

  function markVote(group, reaction) {
    group.querySelectorAll('button').forEach(function (button) {
      button.disabled = true;
      button.setAttribute('aria-pressed', String(button.getAttribute('data-reaction') === reaction));
    });
  }

  function feedback(activityId) {
    var group = el('div', { 'class': 'mw-feedback', role: 'group', 'aria-label': 'Was this helpful?', 'data-activity': activityId }, [el('span', { text: 'Was this helpful?' })]);
    [['like', 'Helpful'], ['dislike', 'Not helpful']].forEach(function (choice) {
      var button = el('button', { type: 'button', 'class': 'mw-vote', 'aria-pressed': 'false', 'data-reaction': choice[0] }, [thumb(choice[0] === 'dislike'), el('span', { text: choice[1] })]);
      button.addEventListener('click', function () {
        markVote(group, choice[0]);
        sendFeedback(activityId, choice[0])
          .then(function () { setStatus('Thank you for your feedback.'); })
          .catch(function () {
            group.querySelectorAll('button').forEach(function (other) { other.disabled = false; other.setAttribute('aria-pressed', 'false'); });
            setStatus('Your feedback could not be sent. Please try again.');
          });
      });
      group.appendChild(button);
    });
    if (state.votes[activityId]) { markVote(group, state.votes[activityId]); }
    return group;
  }

  function showSuggestions(suggested) {
    clearSuggestions();
    ((suggested && suggested.actions) || []).forEach(function (action) {
      var value = typeof action.value === 'string' ? action.value : action.title;
      if (!value || value === CLINIC) { return; }
      var button = el('button', { type: 'button', 'class': 'mw-suggestion', text: action.title || value });
      button.addEventListener('click', function () { sendText(value); input.focus(); });
      suggestions.appendChild(button);
    });
  }

  function clearSuggestions() { while (suggestions.firstChild) { suggestions.removeChild(suggestions.firstChild); } }

  function scroll() { log.scrollTop = log.scrollHeight; }
}());
