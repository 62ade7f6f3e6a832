/* eventwatch dashboard: a small single-page app over the JSON API (no build step, no framework).
 *
 * Safety: every string from the API (titles, article text, names) reaches the page through
 * textContent / setAttribute / createTextNode only; nothing here assigns innerHTML.
 * The filters live in the URL query string and are shared by every view.
 */
'use strict';
(function () {
  const FILTERS = ['since', 'until', 'country', 'actor', 'source', 'target', 'root', 'plover', 'quad_class', 'text'];
  const FORM_FIELDS = ['since', 'until', 'country', 'actor', 'root', 'plover', 'quad_class', 'text'];
  const QUAD = {
    1: ['Verbal cooperation', '#5aa469'], 2: ['Material cooperation', '#1f6f8b'],
    3: ['Verbal conflict', '#e6a23c'], 4: ['Material conflict', '#c0392b'],
  };
  const SVGNS = 'http://www.w3.org/2000/svg';
  const view = document.getElementById('view');
  const status = document.getElementById('status');
  let renderToken = 0;

  /* ---------- DOM helpers (text only) ---------- */
  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    return node;
  }
  function append(node, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function el(tag, attrs, ...children) { return append(setAttrs(document.createElement(tag), attrs), children); }
  function sv(tag, attrs, ...children) { return append(setAttrs(document.createElementNS(SVGNS, tag), attrs), children); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function fmt(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'); }
  function fmt1(x) { return x === null || x === undefined ? '–' : Number(x).toFixed(1); }
  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null; }

  /* ---------- URL state ---------- */
  function current() {
    const q = new URLSearchParams(location.search);
    const f = {};
    for (const k of FILTERS) { const v = q.get(k); if (v) f[k] = v; }
    return f;
  }
  function qs(obj) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? '?' + s : '';
  }
  function api(path, extra) { return path + qs(Object.assign({}, current(), extra || {})); }
  function href(path, extra) { return path + qs(Object.assign({}, current(), extra || {})); }
  function navigate(url, replace) {
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    render();
  }
  function setFilter(changes, path) {
    const f = Object.assign(current(), changes);
    const page = new URLSearchParams(location.search);
    const keep = {};
    for (const k of ['interval', 'cell']) if (page.get(k)) keep[k] = page.get(k);
    navigate((path || location.pathname) + qs(Object.assign(keep, f)));
  }
  function articleHref(articleId, eventIdx) {
    return '/article/' + encodeURIComponent(articleId) + qs(Object.assign(current(), eventIdx === undefined || eventIdx === null ? {} : { event: eventIdx }));
  }
  function navLink(path, attrs, ...children) {
    return el('a', Object.assign({ href: path, 'data-nav': '' }, attrs || {}), ...children);
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      // the API's one error shape: {ok: false, error: "E104", status: 400, title: "..."}
      const msg = body && body.title ? body.title + ' (' + body.error + ')' : r.statusText;
      throw new Error(url.split('?')[0] + ': ' + msg);
    }
    return body;
  }
  function fail(err) { status.textContent = String(err && err.message ? err.message : err); }

  /* ---------- filter form ---------- */
  const form = document.getElementById('filters');
  function fillForm() {
    const f = current();
    for (const k of FORM_FIELDS) if (form.elements[k]) form.elements[k].value = f[k] || '';
    const chips = clear(document.getElementById('chips'));
    for (const k of ['source', 'target']) {
      if (!f[k]) continue;
      chips.appendChild(el('span', { class: 'chip' }, k + ': ' + f[k],
        el('button', { type: 'button', 'aria-label': 'remove ' + k + ' filter', onclick: () => setFilter({ [k]: null }) }, '×')));
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const changes = {};
    for (const k of FORM_FIELDS) changes[k] = form.elements[k].value.trim() || null;
    if (changes.country) changes.country = changes.country.toUpperCase();
    setFilter(changes);
  });
  document.getElementById('clear').addEventListener('click', () => {
    const reset = {};
    for (const k of FILTERS) reset[k] = null;
    setFilter(reset);
  });
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-nav]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    let url = a.getAttribute('href');
    if (a.hasAttribute('data-view')) url = url.split('?')[0] + qs(current());
    navigate(url);
  });
  window.addEventListener('popstate', render);

  /* ---------- code names (GET /api/codes, loaded once) ---------- */
  let CODES = { cameo: {}, plover: {} };
  let codesP = null;
  function loadCodes() {
    if (!codesP) codesP = getJSON('/api/codes').then((c) => { CODES = c; codeChoices(); }).catch(() => { codesP = null; });
    return codesP;
  }
  function codeChoices() {  // the filter form suggests roots and PLOVER types with their names
    const lists = { root: el('datalist', { id: 'root-choices' }), plover: el('datalist', { id: 'plover-choices' }) };
    for (const [code, c] of Object.entries(CODES.cameo)) {
      if (code.length === 2) lists.root.appendChild(el('option', { value: code }, code + ' ' + sentenceCase(c.name)));
    }
    for (const [t, d] of Object.entries(CODES.plover)) lists.plover.appendChild(el('option', { value: t }, t + ': ' + d));
    for (const k of ['root', 'plover']) {
      form.appendChild(lists[k]);
      form.elements[k].setAttribute('list', lists[k].id);
    }
  }
  function sentenceCase(name) {  // the codebook writes root names in capitals ("MAKE PUBLIC STATEMENT")
    return name && name === name.toUpperCase() ? name.charAt(0) + name.slice(1).toLowerCase() : name;
  }
  function cameoName(code) {  // an unknown sub-code takes its parent's name (1822 -> 182)
    if (!code) return '';
    for (const k of [code, code.slice(0, 3), code.slice(0, 2)]) if (CODES.cameo[k]) return sentenceCase(CODES.cameo[k].name);
    return '';
  }
  function codeLabel(cameo, plover) {
    // "145 Protest violently, riot · PROTEST" with the PLOVER description on hover
    const name = cameoName(cameo);
    const plv = plover ? el('span', { class: 'plover', title: CODES.plover[plover] || '' }, plover) : null;
    return el('span', { class: 'code' }, el('span', { class: 'cameo' }, cameo || ''),
      name ? el('span', { class: 'code-name' }, ' ' + name) : null, plv ? ' · ' : null, plv);
  }
  function codeText(cameo, plover) {
    const name = cameoName(cameo);
    return [cameo, name, plover ? '· ' + plover : ''].filter(Boolean).join(' ');
  }
  const GENERIC_ID = /^(?:([A-Z]{3})-|---)([A-Z]{3})$/;  // "AFG-MIL", "---COP": an unnamed group (actors/labels.py)
  function wordsOf(text) {  // " kenyan police ": as actors/labels.words
    return ' ' + String(text || '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ') + ' ';
  }
  function actorName(id, name) {
    // an unnamed country-sector group is named by its sector and country ("armed forces (Afghanistan)"),
    // not by the first words an article used for it ("force"), unless those words say its country
    // ("Kenyan police"); every other actor by its name (actors/labels.actor_label)
    const m = GENERIC_ID.exec(id || '');
    const sector = m && CODES.sectors ? CODES.sectors[m[2]] : null;
    const said = wordsOf(name);
    if (!sector || (m[1] && name && ((CODES.country_words || {})[m[1]] || []).some((w) => said.includes(' ' + w + ' ')))) return name || id;
    return m[1] ? sector + ' (' + ((CODES.countries || {})[m[1]] || m[1]) + ')' : sector;
  }
  function actorLabel(id, name, country) {
    // what is known of one side of an event: its name, else its id, else "unknown" (styled as such)
    const shown = actorName(id, name);
    if (shown) return el('span', { class: 'actor-name', title: id + (name && name !== shown ? ' · in the text: ' + name : '') }, shown);
    return el('span', { class: 'unknown', title: 'the actor was not identified in the text' },
      'unknown' + (country ? ' (' + country + ')' : ''));
  }
  function actorText(id, name) { return actorName(id, name) || 'unknown'; }

  /* ---------- shared bits ---------- */
  function goldColor(g) {
    if (g === null || g === undefined) return '#9ca3af';
    const t = Math.max(-1, Math.min(1, g / 10));
    const lerp = (a, b, s) => Math.round(a + (b - a) * s);
    const mid = [156, 163, 175];
    const end = t < 0 ? [192, 57, 43] : [31, 111, 139];
    const s = Math.abs(t);
    return 'rgb(' + lerp(mid[0], end[0], s) + ',' + lerp(mid[1], end[1], s) + ',' + lerp(mid[2], end[2], s) + ')';
  }
  function panel(title, ...children) { return el('section', { class: 'panel' }, el('h3', { text: title }), ...children); }
  function quadLegend() {
    return el('div', { class: 'legend' }, [1, 2, 3, 4].map((q) => el('span', {}, el('i', { class: 'q' + q }), QUAD[q][0])));
  }
  function eventRow(ev) {
    const open = () => navigate(articleHref(ev.article_id, ev.event_idx));
    const flags = [];
    if (ev.negated) flags.push(el('span', { class: 'flag' }, 'negated'));
    if (ev.hypothetical) flags.push(el('span', { class: 'flag' }, 'hypothetical'));
    return el('tr', { class: 'clickable event-row', onclick: open },
      el('td', { class: 'muted' }, ev.date || el('span', { class: 'unknown' }, 'undated')),
      el('td', {}, el('a', { href: articleHref(ev.article_id, ev.event_idx), 'data-nav': '', class: 'event-link',
        onclick: (e) => e.stopPropagation() }, actorLabel(ev.source, ev.source_name, ev.source_country), ' → ',
        actorLabel(ev.target, ev.target_name, ev.target_country))),
      el('td', {}, el('span', { class: 'q' + ev.quad_class, title: QUAD[ev.quad_class] ? QUAD[ev.quad_class][0] : '' }, '\u00a0'),
        ' ', codeLabel(ev.cameo, ev.plover), flags),
      el('td', {}, evidenceSentence(ev)));
  }
  function evidenceSentence(ev) {
    // the event's sentence with its source, trigger and target words marked (offsets into the article text)
    const text = ev.sentence || '';
    const base = ev.sentence_start || 0;
    const ok = (a, b) => Number.isInteger(a) && Number.isInteger(b) && a - base >= 0 && a < b && b - base <= text.length;
    const marks = [['source', ev.source_start, ev.source_end, 'source: ' + actorText(ev.source, ev.source_name) + (ev.source ? ' · ' + ev.source : '')],
      ['trigger', ev.trigger_start, ev.trigger_end, 'trigger: ' + codeText(ev.cameo, ev.plover)],
      ['target', ev.target_start, ev.target_end, 'target: ' + actorText(ev.target, ev.target_name) + (ev.target ? ' · ' + ev.target : '')]]
      .filter((m) => ok(m[1], m[2])).map((m) => ({ kind: m[0], s: m[1] - base, e: m[2] - base, title: m[3] }))
      .sort((a, b) => a.s - b.s);
    const out = el('div', { class: 'sent' });
    let at = 0;
    for (const m of marks) {
      if (m.s < at) continue;  // overlapping marks: the first wins
      append(out, [text.slice(at, m.s), el('mark', { class: 'ew ew-' + m.kind, title: m.title }, text.slice(m.s, m.e))]);
      at = m.e;
    }
    return append(out, [text.slice(at)]);
  }
  function eventsTable(items, compact) {
    if (!items.length) return el('p', { class: 'empty' }, 'No matching events.');
    if (compact) {
      return el('table', { class: 'events compact' }, el('tbody', {}, items.map((ev) => {
        const row = eventRow(ev);
        const cells = row.querySelectorAll('td');
        cells[1].appendChild(el('div', { class: 'muted' }, cells[2].textContent.trim()));
        cells[1].appendChild(cells[3].firstChild);
        row.removeChild(cells[2]); row.removeChild(cells[3]);
        return row;
      })));
    }
    return el('table', { class: 'events' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Who → whom'), el('th', {}, 'Code'), el('th', {}, 'Evidence'))),
      el('tbody', {}, items.map(eventRow)));
  }
  function drawn(token) {  // the main content is on screen (slower extras may follow)
    if (token === renderToken) document.body.dataset.drawnMs = String(Math.round(performance.now()));
  }
  function done(name, token) {
    if (token !== renderToken) return;
    const now = String(Math.round(performance.now()));
    if (!document.body.dataset.drawnMs) document.body.dataset.drawnMs = now;
    document.body.dataset.readyMs = now;
    document.body.dataset.ready = name;
  }

  /* ---------- Overview ---------- */
  async function overview(token) {
    const cards = el('div', { class: 'cards' });
    const split = el('div');
    const alerts = panel('Alerts: latest day');
    const actors = panel('Top actors');
    const dyads = panel('Top dyads');
    const events = panel('Latest events');
    const articles = panel('Latest articles');
    append(view, [el('h2', {}, 'Overview'), cards, split,
      el('div', { class: 'grid3' }, alerts, actors, dyads), el('div', { class: 'grid2' }, events, articles)]);

    // alerts only for the last week of the data (their baseline reaches further back on the server);
    // they take longest, so the other panels are drawn first
    const alertsP = getJSON(api('/api/events', { limit: 1, total: 'false' })).then((latest) => {
      const f = current();
      const last = latest.items && latest.items.length ? latest.items[0].date : null;
      let since = last ? dayStr(dayNum(last) - 6) : null;
      if (f.since && (!since || f.since > since)) since = f.since;
      return getJSON(api('/api/alerts', { limit: 200, since: since }));
    }).catch((e) => ({ error: e.message, items: [] }));
    append(alerts, [el('p', { class: 'empty' }, 'computing alerts…')]);
    const [sum, act, dy, ev] = await Promise.all([getJSON(api('/api/summary')),
      getJSON(api('/api/actors', { limit: 10 })), getJSON(api('/api/ui/dyads', { limit: 10 })),
      getJSON(api('/api/events', { limit: 15, total: 'false' }))]);
    if (token !== renderToken) return;
    const card = (k, v, cls) => el('div', { class: 'card' }, el('div', { class: 'v' + (cls ? ' ' + cls : '') }, v), el('div', { class: 'k' }, k));
    append(cards, [card('events (mentions)', fmt(sum.events)), card('unique events', fmt(sum.unique_events)),
      card('articles with events', fmt(sum.articles_with_events)), card('mean Goldstein', fmt1(sum.goldstein_mean)),
      card('first … last event date', (sum.first_date || '–') + ' … ' + (sum.last_date || '–'), 'small'),
      card('in store: articles · quotes', fmt(sum.store.articles) + ' · ' + fmt(sum.store.quotes), 'small')]);
    const total = Object.values(sum.by_quad_class || {}).reduce((a, b) => a + b, 0) || 1;
    append(split, [el('div', { class: 'split', role: 'img', 'aria-label': 'events by QuadClass' },
      [1, 2, 3, 4].map((q) => {
        const n = (sum.by_quad_class || {})[q] || 0;
        const seg = el('div', { class: 'q' + q, title: QUAD[q][0] + ': ' + fmt(n) });
        seg.style.width = (100 * n / total) + '%';
        return seg;
      })), quadLegend()]);

    const actorRows = (act.items || []).map((a) => el('tr', {},
      el('td', {}, el('button', { class: 'link', type: 'button', title: 'filter by ' + a.id, onclick: () => setFilter({ actor: a.id }) }, actorName(a.id, a.name))),
      el('td', { class: 'muted' }, a.country || ''),
      el('td', { class: 'num' }, fmt(a.n_events)),
      el('td', { class: 'num', title: 'mean Goldstein' }, fmt1(a.goldstein_mean))));
    append(actors, [actorRows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Actor'), el('th', {}, ''),
      el('th', { class: 'num' }, 'Events'), el('th', { class: 'num' }, 'Gold.'))), el('tbody', {}, actorRows)) : el('p', { class: 'empty' }, 'No actors.')]);

    const dyRows = (dy.items || []).map((d) => el('tr', {},
      el('td', {}, el('button', { class: 'link', type: 'button', onclick: () => setFilter({ source: d.source, target: d.target }) },
        actorText(d.source, d.source_name) + ' → ' + actorText(d.target, d.target_name))),
      el('td', { class: 'num' }, fmt(d.n_events)),
      el('td', { class: 'num' }, el('span', { title: 'mean Goldstein' }, fmt1(d.goldstein_mean)))));
    append(dyads, [dyRows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Source → target'),
      el('th', { class: 'num' }, 'Events'), el('th', { class: 'num' }, 'Gold.'))), el('tbody', {}, dyRows)) : el('p', { class: 'empty' }, 'No dyads.')]);

    append(events, [eventsTable(ev.items || [])]);
    await articlePage(articles, 0, token);
    drawn(token);
    const al = await alertsP;
    if (token !== renderToken) return;
    fillAlerts(alerts, al);
    done('overview', token);
  }

  function fillAlerts(box, al) {
    while (box.childNodes.length > 1) box.removeChild(box.lastChild);
    const last = (al.items || []).length ? al.items[0].date : null;
    const today = (al.items || []).filter((a) => a.date === last).slice(0, 10);
    if (al.error) append(box, [el('p', { class: 'empty' }, 'alerts unavailable: ' + al.error)]);
    else if (!today.length) append(box, [el('p', { class: 'empty' }, 'No alerts.')]);
    else {
      append(box, [el('p', { class: 'muted' }, last + ' · ' + fmt(al.total) + (al.total === 1 ? ' alert' : ' alerts') + ' in the last 7 days of data'),
        el('table', {}, el('tbody', {}, today.map((a) => el('tr', {},
          el('td', {}, el('button', { class: 'link', type: 'button', title: 'show this ' + a.scope + ' on the timeline',
            onclick: () => setFilter(a.scope === 'country' ? { country: a.key } : { actor: String(a.key).split('>')[0] }, '/timeline') }, a.key)),
          el('td', {}, String(a.metric || '').replace(/_/g, ' ')),
          el('td', { class: a.direction === 'down' ? 'alert-down' : 'alert-up' }, (a.direction === 'down' ? '▼ ' : '▲ ') + fmt1(a.value)),
          el('td', { class: 'num muted', title: 'robust z' }, 'z ' + fmt1(a.z))))))]);
    }
  }

  async function articlePage(box, offset, token) {
    const limit = 12;
    const data = await getJSON(api('/api/articles', { limit: limit, offset: offset }));
    if (token !== renderToken) return;
    while (box.childNodes.length > 1) box.removeChild(box.lastChild);
    const rows = (data.items || []).map((a) => el('tr', {},
      el('td', { class: 'muted' }, a.published || ''),
      el('td', {}, navLink(articleHref(a.id), { class: 'article-link' }, a.title || a.id),
        a.n_errors ? el('span', { class: 'flag' }, a.n_errors + ' error(s)') : null),
      el('td', { class: 'muted' }, a.outlet || ''),
      el('td', { class: 'num', title: 'events' }, fmt(a.n_events))));
    append(box, [rows.length ? el('table', {}, el('tbody', {}, rows)) : el('p', { class: 'empty' }, 'No articles.'),
      el('div', { class: 'pager' },
        el('button', { type: 'button', disabled: offset === 0, onclick: () => articlePage(box, Math.max(0, offset - limit), renderToken) }, '‹ Newer'),
        el('span', { class: 'muted' }, (offset + 1) + '–' + (offset + rows.length)),
        el('button', { type: 'button', disabled: rows.length < limit, onclick: () => articlePage(box, offset + limit, renderToken) }, 'Older ›'))]);
  }

  /* ---------- Timeline ---------- */
  function dayNum(s) { return Math.round(Date.parse(s + 'T00:00:00Z') / 86400000); }
  function dayStr(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  /* ---------- Timeline (Apache ECharts, vendored in static/vendor; loaded on first use) ---------- */
  let echartsP = null;
  let activeChart = null;
  function loadECharts() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!echartsP) {
      echartsP = new Promise((resolve, reject) => {
        const s = el('script', { src: '/static/vendor/echarts.min.js' });
        s.addEventListener('load', () => resolve(window.echarts));
        s.addEventListener('error', () => { echartsP = null; reject(new Error('could not load the chart library')); });
        document.head.appendChild(s);
      });
    }
    return echartsP;
  }
  window.addEventListener('resize', () => { if (activeChart) activeChart.resize(); });
  function disposeChart() { if (activeChart) { activeChart.dispose(); activeChart = null; } }

  async function timeline(token) {
    const page = new URLSearchParams(location.search);
    const f = current();
    let interval = page.get('interval');
    if (!['day', 'week', 'month'].includes(interval)) {
      interval = 'day';
      if (f.since && f.until && dayNum(f.until) - dayNum(f.since) > 400) interval = 'week';
    }
    const select = el('select', { 'aria-label': 'interval' }, ['day', 'week', 'month'].map((i) => el('option', { value: i, selected: i === interval }, i)));
    select.addEventListener('change', () => {
      const q = new URLSearchParams(location.search); q.set('interval', select.value);
      navigate(location.pathname + '?' + q.toString());
    });
    const box = el('div', { class: 'timeline-chart', role: 'img' });
    const note = el('p', { class: 'timeline-note muted' });
    const list = panel('Latest events in range');
    append(view, [el('h2', {}, 'Timeline'),
      el('div', { class: 'toolbar' }, el('label', {}, 'Interval ', select),
        el('span', { class: 'muted' }, 'Drag across the chart to filter every view to that date range (asserted events only); wheel or slider to zoom.'),
        el('button', { type: 'button', onclick: () => setFilter({ since: null, until: null }) }, 'Clear date range')),
      box, note, list]);

    const alertsP = getJSON(api('/api/alerts', { limit: 1000 })).catch(() => ({ items: [] }));
    const undatedP = getJSON(api('/api/summary', { since: null, until: null })).catch(() => null);
    const [tr, echarts] = await Promise.all([getJSON(api('/api/trends', { interval: interval, fill: 'true' })), loadECharts()]);
    if (token !== renderToken) return;
    let items = tr.items || [];
    if (interval === 'day' && !page.get('interval') && items.length > 400) {
      items = weekly(items); interval = 'week'; select.value = 'week';
    }
    const chart = timelineChart(echarts, box, items, interval);
    drawn(token);
    const [al, ev, sum] = await Promise.all([alertsP, getJSON(api('/api/events', { limit: 10, total: 'false' })), undatedP]);
    if (token !== renderToken) return;
    if (chart) addAlerts(chart, items, al.items || [], interval);
    timelineNote(note, items, interval, sum);
    list.appendChild(eventsTable(ev.items || []));
    done('timeline', token);
  }

  function timelineNote(note, items, interval, sum) {
    // what the chart cannot show: events without any date, and periods without events (gaps, not zeros joined up)
    const empty = items.filter((i) => !i.n_events).length;
    const n = sum ? sum.undated_events || 0 : null;
    append(clear(note), [
      n === null ? null : el('span', { class: 'undated-count' + (n ? ' unknown' : ''), 'data-n': n },
        n ? fmt(n) + (n === 1 ? ' event has' : ' events have') + ' no date and is not on the timeline.' : 'Every matching event has a date.'),
      ' ', items.length ? el('span', { class: 'gap-count', 'data-n': empty },
        fmt(empty) + ' of ' + fmt(items.length) + ' ' + interval + 's without events: the Goldstein line breaks there.') : null]);
  }

  function weekly(days) {
    // daily rows -> ISO weeks (Monday), summing counts and weighting the Goldstein mean by events
    const weeks = new Map();
    const keys = ['n_events', 'n_verbal_coop', 'n_material_coop', 'n_verbal_conflict', 'n_material_conflict'];
    for (const it of days) {
      const d = dayNum(it.period), monday = d - ((new Date(d * 86400000).getUTCDay() + 6) % 7);
      if (!weeks.has(monday)) weeks.set(monday, { period: dayStr(monday), gsum: 0, gn: 0, n_events: 0, n_verbal_coop: 0, n_material_coop: 0, n_verbal_conflict: 0, n_material_conflict: 0 });
      const w = weeks.get(monday);
      for (const k of keys) w[k] += it[k] || 0;
      if (it.goldstein_mean !== null && it.n_events) { w.gsum += it.goldstein_mean * it.n_events; w.gn += it.n_events; }
    }
    return [...weeks.values()].sort((a, b) => (a.period < b.period ? -1 : 1)).map((w) => Object.assign(w, { goldstein_mean: w.gn ? w.gsum / w.gn : null }));
  }

  function periodEnd(start, interval) {  // the last day of the period that begins on `start`
    if (interval === 'day') return start;
    if (interval === 'week') return dayStr(dayNum(start) + 6);
    const d = new Date(start + 'T00:00:00Z');
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  }
  function periodIndex(periods, date, interval) {
    for (let i = periods.length - 1; i >= 0; i--) if (periods[i] <= date) return date <= periodEnd(periods[i], interval) ? i : -1;
    return -1;
  }

  const QKEYS = { 1: 'n_verbal_coop', 2: 'n_material_coop', 3: 'n_verbal_conflict', 4: 'n_material_conflict' };

  function timelineTooltip(items, alertText) {
    // plain text (ECharts richText mode: drawn on the canvas, never parsed as HTML)
    return (params) => {
      const i = params[0].dataIndex, it = items[i];
      const lines = [it.period + ': ' + fmt(it.n_events) + ' events'];
      for (const q of [1, 2, 3, 4]) if (it[QKEYS[q]]) lines.push(QUAD[q][0] + ': ' + fmt(it[QKEYS[q]]));
      lines.push('mean Goldstein: ' + (it.n_events ? fmt1(it.goldstein_mean) : 'no events'));
      for (const a of (alertText.get(i) || []).slice(0, 6)) lines.push('▼ ' + a);
      return lines.join('\n');
    };
  }

  function timelineChart(echarts, box, items, interval) {
    if (!items.length) { box.appendChild(el('p', { class: 'empty' }, 'No dated events in range.')); return null; }
    const periods = items.map((i) => i.period);
    box.setAttribute('aria-label', 'events per ' + interval + ' by QuadClass with mean Goldstein, ' + periods[0] + ' to ' + periods[periods.length - 1]);
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    activeChart = chart;
    chart.alertText = new Map();
    const bars = [1, 2, 3, 4].map((q) => ({ name: QUAD[q][0], type: 'bar', stack: 'events', barCategoryGap: '12%',
      itemStyle: { color: QUAD[q][1] }, data: items.map((i) => i[QKEYS[q]] || 0) }));
    const gline = { name: 'Mean Goldstein', type: 'line', yAxisIndex: 1, connectNulls: false, symbolSize: 3,
      lineStyle: { color: '#111827', width: 1.6 }, itemStyle: { color: '#111827' },
      data: items.map((i) => (i.n_events && i.goldstein_mean !== null ? Math.round(i.goldstein_mean * 100) / 100 : null)) };
    const alerts = { id: 'alerts', name: 'Alert', type: 'scatter', yAxisIndex: 1, symbol: 'triangle', symbolRotate: 180, symbolSize: 11,
      itemStyle: { color: '#7c3aed' }, data: [] };
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      legend: { top: 0, left: 0, type: 'scroll', itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true, axisPointer: { type: 'shadow' },
        formatter: timelineTooltip(items, chart.alertText) },
      grid: { left: 44, right: 40, top: 52, bottom: 62 },
      toolbox: { show: false },
      xAxis: { type: 'category', data: periods, axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', name: 'events', minInterval: 1 },
        { type: 'value', name: 'Goldstein', min: -10, max: 10, interval: 5, splitLine: { show: false } }],
      dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 16, bottom: 6 },
        { type: 'inside', xAxisIndex: 0, zoomOnMouseWheel: true, moveOnMouseMove: false, moveOnMouseWheel: false }],
      brush: { toolbox: [], xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false, removeOnClick: true,
        brushStyle: { color: 'rgba(31, 95, 191, .15)', borderColor: '#1f5fbf', borderWidth: 1 } },
      series: bars.concat([gline, alerts]),
    });
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    chart.on('brushEnd', (e) => {
      const range = e.areas && e.areas[0] && e.areas[0].coordRange;
      if (!range) return;
      const i0 = Math.max(0, Math.min(range[0], range[1])), i1 = Math.min(periods.length - 1, Math.max(range[0], range[1]));
      setFilter({ since: periods[i0], until: periodEnd(periods[i1], interval) });
    });
    return chart;
  }

  function addAlerts(chart, items, alerts, interval) {
    const periods = items.map((i) => i.period);
    for (const a of alerts) {
      const i = periodIndex(periods, a.date, interval);
      if (i < 0) continue;
      if (!chart.alertText.has(i)) chart.alertText.set(i, []);
      chart.alertText.get(i).push(a.date + ' ' + a.key + ' ' + String(a.metric || '').replace(/_/g, ' ') + ' ' + fmt1(a.value) + ' (z ' + fmt1(a.z) + ')');
    }
    const data = [...chart.alertText.entries()].map(([i, texts]) => ({ value: [i, 9], name: texts.join('\n') }));
    chart.setOption({ series: [{ id: 'alerts', data: data }] });
  }

  /* ---------- Map ---------- */
  let worldCache = null;
  const MW = 1000, MH = 500;
  const px = (lon) => (lon + 180) / 360 * MW;
  const py = (lat) => (90 - lat) / 180 * MH;
  function unwrap(ring) {
    // Natural Earth rings may cross the antimeridian (Fiji, Chukotka) or circle a pole (Antarctica)
    const out = [];
    let shift = 0, prev = null;
    for (const [lon, lat] of ring) {
      if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += lon + shift > prev ? -360 : 360;
      out.push([lon + shift, lat]); prev = lon + shift;
    }
    return out;
  }
  function ringPath(ring) {
    let pts = unwrap(ring);
    const lons = pts.map((p) => p[0]);
    const lo = Math.min(...lons), hi = Math.max(...lons);
    if (hi - lo >= 359 && Math.abs(pts[0][0] - pts[pts.length - 1][0]) > 180) {  // circles a pole: close via it
      const pole = pts.reduce((a, p) => a + p[1], 0) < 0 ? -90 : 90;
      pts = pts.concat([[pts[pts.length - 1][0], pole], [pts[0][0], pole]]);
    }
    const copies = [0];
    if (hi > 180) copies.push(-360);
    if (lo < -180) copies.push(360);
    return copies.map((dx) => {
      let d = '';
      for (let i = 0; i < pts.length; i++) d += (i ? 'L' : 'M') + px(pts[i][0] + dx).toFixed(1) + ',' + py(pts[i][1]).toFixed(1);
      return d + 'Z';
    }).join('');
  }
  function geomPath(g) {
    if (!g) return '';
    if (g.type === 'Polygon') return g.coordinates.map(ringPath).join('');
    if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p.map(ringPath).join('')).join('');
    return '';
  }
  async function world() {
    if (!worldCache) {
      const topo = await getJSON('/static/vendor/countries-110m.json');
      const fc = window.topojson.feature(topo, topo.objects.countries);
      worldCache = fc.features.map((f) => ({ name: (f.properties || {}).name || '', d: geomPath(f.geometry) }));
    }
    return worldCache;
  }
  const CELLS = [[1, 5], [2, 2], [4, 1], [8, 0.5], [16, 0.25]];
  function cellFor(zoom) { let c = 5; for (const [z, s] of CELLS) if (zoom >= z) c = s; return c; }

  async function mapView(token) {
    const state = { zoom: 1, cx: MW / 2, cy: MH / 2 };
    const svg = sv('svg', { class: 'chart map', viewBox: '0 0 ' + MW + ' ' + MH, role: 'group', 'aria-label': 'world map of events' });
    const land = sv('g'), placesLayer = sv('g', { class: 'places' }), dots = sv('g');
    svg.appendChild(land); svg.appendChild(placesLayer); svg.appendChild(dots);
    const placesBox = el('input', { type: 'checkbox', id: 'show-places' });
    placesBox.addEventListener('change', () => (placesBox.checked ? loadPlaces() : clear(placesLayer)));
    async function loadPlaces() {
      const data = await getJSON(api('/api/places', { limit: 500 }));
      if (token !== renderToken || !placesBox.checked) return;
      clear(placesLayer);
      for (const p of data.items || []) {
        if (p.lat === null || p.lon === null) continue;
        const s = 3 / Math.sqrt(state.zoom);
        placesLayer.appendChild(sv('rect', { class: 'place-pt', x: px(p.lon) - s / 2, y: py(p.lat) - s / 2, width: s, height: s },
          sv('title', {}, (p.name || p.id) + (p.country ? ' (' + p.country + ')' : '') + ': mentioned in ' + fmt(p.n_articles) + ' articles, ' + fmt(p.n_events) + ' events')));
      }
    }
    const info = el('span', { class: 'muted' });
    const side = el('section', { class: 'panel side', 'aria-live': 'polite' }, el('h3', {}, 'Events at a point'),
      el('p', { class: 'empty' }, 'Click (or focus and press Enter on) a circle to list its events.'));
    const zoomBy = (k) => { state.zoom = Math.max(1, Math.min(32, state.zoom * k)); applyView(); scheduleGrid(); };
    append(view, [el('h2', {}, 'Map'),
      el('div', { class: 'toolbar' }, el('button', { type: 'button', 'aria-label': 'zoom in', onclick: () => zoomBy(2) }, '+'),
        el('button', { type: 'button', 'aria-label': 'zoom out', onclick: () => zoomBy(0.5) }, '−'),
        el('button', { type: 'button', onclick: () => { state.zoom = 1; state.cx = MW / 2; state.cy = MH / 2; applyView(); scheduleGrid(); } }, 'Reset'),
        el('label', {}, placesBox, ' places mentioned (top 500)'), info),
      el('div', { class: 'map-wrap' }, svg, side),
      el('div', { class: 'legend' }, el('span', {}, 'Circle area: events in a grid cell; colour: mean Goldstein (red conflict … blue cooperation).'))]);

    function applyView() {
      const w = MW / state.zoom, h = MH / state.zoom;
      state.cx = Math.max(w / 2, Math.min(MW - w / 2, state.cx));
      state.cy = Math.max(h / 2, Math.min(MH - h / 2, state.cy));
      svg.setAttribute('viewBox', (state.cx - w / 2) + ' ' + (state.cy - h / 2) + ' ' + w + ' ' + h);
      for (const c of dots.childNodes) c.setAttribute('r', c.dataset.r / Math.sqrt(state.zoom));
    }
    let timer = null, lastCell = null;
    function scheduleGrid() {
      const cell = cellFor(state.zoom);
      if (cell === lastCell) return;
      clearTimeout(timer); timer = setTimeout(() => loadGrid(cell), 150);
    }
    async function loadGrid(cell) {
      lastCell = cell;
      const g = await getJSON(api('/api/ui/grid', { cell: cell }));
      if (token !== renderToken) return;
      clear(dots);
      const max = Math.max(1, ...g.items.map((i) => i.n));
      for (const c of g.items.slice().reverse()) {
        const r = 2 + 16 * Math.sqrt(c.n / max);
        // the cell's name says what its places share ("United Kingdom (3 places)"), never one place for all
        const label = fmt(c.n) + ' events in ' + (c.name || (fmt1(c.lat) + ', ' + fmt1(c.lon))) + ', mean Goldstein ' + fmt1(c.goldstein_mean);
        const dot = sv('circle', { class: 'cellpt', cx: px(c.lon).toFixed(2), cy: py(c.lat).toFixed(2), r: r / Math.sqrt(state.zoom),
          fill: goldColor(c.goldstein_mean), tabindex: 0, role: 'button', 'aria-label': label, 'data-r': r }, sv('title', {}, label));
        const open = () => { for (const o of dots.querySelectorAll('.sel')) o.classList.remove('sel'); dot.classList.add('sel'); cellEvents(c, cell, 0); };
        dot.addEventListener('click', open);
        dot.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
        dots.appendChild(dot);
      }
      info.textContent = fmt(g.events) + ' placed events in ' + fmt(g.cells) + (g.cells === 1 ? ' cell' : ' cells') + ' of ' + cell + '°' +
        (g.truncated ? ' (largest cells only)' : '') + ' · ' + fmt(g.unplaced) + ' without coordinates';
    }
    async function cellEvents(c, cell, offset) {
      const data = await getJSON(api('/api/ui/grid/events', { gy: c.gy, gx: c.gx, cell: cell, limit: 25, offset: offset }));
      if (token !== renderToken) return;
      clear(side);
      append(side, [el('h3', { class: 'cell-name' }, 'Events in ' + (data.name || c.name || 'this cell')),
        el('p', { class: 'muted' }, fmt(data.total) + ' events · places: ' + data.places.map((p) => (p.name || p.id) + ' (' + fmt(p.n_events) + ')').join(', ')),
        eventsTable(data.items, true),
        el('div', { class: 'pager' },
          el('button', { type: 'button', disabled: offset === 0, onclick: () => cellEvents(c, cell, Math.max(0, offset - 25)) }, '‹ Prev'),
          el('span', { class: 'muted' }, (offset + 1) + '–' + (offset + data.items.length) + ' of ' + fmt(data.total)),
          el('button', { type: 'button', disabled: offset + 25 >= data.total, onclick: () => cellEvents(c, cell, offset + 25) }, 'Next ›'))]);
      side.dataset.loaded = '1';
    }
    // pan & wheel zoom
    let drag = null;
    svg.addEventListener('pointerdown', (e) => { if (e.target.tagName === 'circle') return; drag = { x: e.clientX, y: e.clientY, cx: state.cx, cy: state.cy }; });
    svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const r = svg.getBoundingClientRect(), k = MW / state.zoom / r.width;
      state.cx = drag.cx - (e.clientX - drag.x) * k; state.cy = drag.cy - (e.clientY - drag.y) * k; applyView();
    });
    window.addEventListener('pointerup', () => { drag = null; }, { once: false });
    svg.addEventListener('wheel', (e) => { e.preventDefault(); zoomBy(e.deltaY < 0 ? 1.5 : 1 / 1.5); }, { passive: false });

    const [countries] = await Promise.all([world(), loadGrid(cellFor(state.zoom))]);
    if (token !== renderToken) return;
    for (const c of countries) land.appendChild(sv('path', { class: 'country', d: c.d }, sv('title', {}, c.name)));
    done('map', token);
  }

  /* ---------- Network ---------- */
  function layout(nodes, edges, W, H) {
    const n = nodes.length;
    nodes.forEach((nd, i) => { const a = 2 * Math.PI * i / n; nd.x = W / 2 + W / 4 * Math.cos(a); nd.y = H / 2 + H / 3 * Math.sin(a); nd.vx = 0; nd.vy = 0; });
    const k = Math.sqrt(W * H / Math.max(1, n)) * 0.55;
    for (let it = 0; it < 300; it++) {
      const t = 1 - it / 300;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = nodes[i], b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y; const d2 = Math.max(1, dx * dx + dy * dy), d = Math.sqrt(d2);
          const f = k * k / d2; dx /= d; dy /= d;
          a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
        }
      }
      for (const e of edges) {
        const a = e.a, b = e.b; const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
        const f = d * d / k / d * 0.5;
        a.vx -= dx * f * 0.05; a.vy -= dy * f * 0.05; b.vx += dx * f * 0.05; b.vy += dy * f * 0.05;
      }
      for (const nd of nodes) {
        nd.vx += (W / 2 - nd.x) * 0.01; nd.vy += (H / 2 - nd.y) * 0.01;
        const v = Math.sqrt(nd.vx * nd.vx + nd.vy * nd.vy) || 1, lim = Math.min(v, 30 * t + 1);
        nd.x = Math.max(40, Math.min(W - 40, nd.x + nd.vx / v * lim)); nd.y = Math.max(20, Math.min(H - 20, nd.y + nd.vy / v * lim));
        nd.vx = 0; nd.vy = 0;
      }
    }
    const xs = nodes.map((nd) => nd.x), ys = nodes.map((nd) => nd.y);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    for (const nd of nodes) {
      nd.x = x1 > x0 ? 30 + (nd.x - x0) / (x1 - x0) * (W - 60) : W / 2;
      nd.y = y1 > y0 ? 30 + (nd.y - y0) / (y1 - y0) * (H - 60) : H / 2;
    }
  }

  function networkLegend() {
    const ramp = sv('svg', { class: 'ramp', viewBox: '0 0 100 10', width: 100, height: 10, 'aria-hidden': 'true' });
    for (let g = -10; g < 10; g += 1) ramp.appendChild(sv('rect', { x: (g + 10) * 5, y: 0, width: 5.5, height: 10, fill: goldColor(g + 0.5) }));
    const dot = (r, fill) => sv('svg', { width: 2 * r + 2, height: 2 * r + 2, 'aria-hidden': 'true' }, sv('circle', { cx: r + 1, cy: r + 1, r: r, fill: fill }));
    return el('div', { class: 'legend net-legend', role: 'note', 'aria-label': 'network legend' },
      el('span', {}, dot(4, '#334e68'), dot(8, '#334e68'), ' node size: events in these dyads'),
      el('span', {}, 'edge colour: mean Goldstein ', el('span', { class: 'muted' }, 'conflict −10 '), ramp, el('span', { class: 'muted' }, ' +10 cooperation')),
      el('span', {}, 'edge width: events'),
      el('span', {}, dot(6, '#f59e0b'), ' the actor filtered on'));
  }

  function placeLabels(nodes, layer, W, H) {
    // biggest actors first; each label goes right, left, above or below its node, wherever it overlaps
    // no other label and no other node; a label with no free place is left out (the node keeps its title)
    const placed = [];
    let hidden = 0;
    const hits = (b) => placed.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0) ||
      nodes.some((m) => {
        const cx = Math.max(b.x0, Math.min(m.x, b.x1)), cy = Math.max(b.y0, Math.min(m.y, b.y1));
        return (cx - m.x) ** 2 + (cy - m.y) ** 2 < (m.r + 1) ** 2;
      });
    for (const n of nodes.slice().sort((a, b) => b.n - a.n)) {
      const text = n.name.length > 24 ? n.name.slice(0, 23) + '…' : n.name;
      const w = text.length * 6.2 + 4;
      const spots = [[n.x + n.r + 3, n.y + 4, 'start', n.x + n.r + 3], [n.x - n.r - 3, n.y + 4, 'end', n.x - n.r - 3 - w],
        [n.x, n.y - n.r - 5, 'middle', n.x - w / 2], [n.x, n.y + n.r + 13, 'middle', n.x - w / 2]];
      const spot = spots.find(([, y, , x0]) => {
        const b = { x0: x0, x1: x0 + w, y0: y - 10, y1: y + 3 };
        return b.x0 >= 0 && b.x1 <= W && b.y0 >= 0 && b.y1 <= H && !hits(b);
      });
      if (!spot) { hidden += 1; continue; }
      placed.push({ x0: spot[3], x1: spot[3] + w, y0: spot[1] - 10, y1: spot[1] + 3 });
      layer.appendChild(sv('text', { class: 'net-label', x: spot[0], y: spot[1], 'text-anchor': spot[2], 'data-actor': n.id }, text));
    }
    return hidden;
  }

  async function network(token) {
    const box = el('div');
    const side = panel('Selected');
    append(view, [el('h2', {}, 'Dyad network'),
      el('p', { class: 'muted' }, 'Click an actor (or Tab to it and press Enter) to filter every view by it; click an edge to list its events.'),
      networkLegend(), el('div', { class: 'map-wrap' }, box, side)]);
    const data = await getJSON(api('/api/ui/dyads', { limit: 80 }));
    if (token !== renderToken) return;
    const byId = new Map();
    const node = (id, name, country) => {
      if (!byId.has(id)) byId.set(id, { id: id, name: actorText(id, name), country: country, n: 0 });
      return byId.get(id);
    };
    const edges = (data.items || []).map((d) => {
      const a = node(d.source, d.source_name, d.source_country), b = node(d.target, d.target_name, d.target_country);
      a.n += d.n_events; b.n += d.n_events;
      return { a: a, b: b, d: d };
    });
    const nodes = [...byId.values()];
    // drawn at the box's own pixel size, so labels keep their 11 px on a phone as on a wide screen
    const W = Math.max(320, Math.round(box.clientWidth || 1000)), H = Math.round(Math.max(340, Math.min(620, W * 0.62)));
    const svg = sv('svg', { class: 'chart network', viewBox: '0 0 ' + W + ' ' + H, role: 'group', 'aria-label': 'dyad network' });
    box.appendChild(svg);
    if (!nodes.length) { svg.appendChild(sv('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No dyads in range.')); done('network', token); return; }
    layout(nodes, edges, W, H);
    const maxE = Math.max(...edges.map((e) => e.d.n_events)), maxN = Math.max(...nodes.map((n) => n.n));
    const eg = sv('g'), ng = sv('g'), lg = sv('g');
    for (const e of edges) {
      const w = 1 + 7 * Math.log1p(e.d.n_events) / Math.log1p(maxE);
      const line = sv('line', { class: 'net-edge', x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y, stroke: goldColor(e.d.goldstein_mean), 'stroke-width': w },
        sv('title', {}, actorText(e.d.source, e.d.source_name) + ' → ' + actorText(e.d.target, e.d.target_name) + ': ' + fmt(e.d.n_events) + ' events, mean Goldstein ' + fmt1(e.d.goldstein_mean) + ' (click: list them)'));
      line.addEventListener('click', () => setFilter({ source: e.d.source, target: e.d.target }, '/'));
      eg.appendChild(line);
    }
    const f = current();
    for (const n of nodes) n.r = 5 + 14 * Math.sqrt(n.n / maxN);
    for (const n of nodes) {
      const r = n.r;
      const label = (n.name || n.id) + (n.country ? ' (' + n.country + ')' : '') + ': ' + fmt(n.n) + ' events in these dyads';
      const c = sv('circle', { class: 'net-node', cx: n.x, cy: n.y, r: r, fill: f.actor === n.id ? '#f59e0b' : '#334e68', tabindex: 0, role: 'button',
        'aria-label': label, 'data-actor': n.id }, sv('title', {}, label));
      const pick = () => setFilter({ actor: n.id });
      c.addEventListener('click', pick);
      c.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
      c.addEventListener('focus', () => { clear(side); append(side, [el('h3', {}, 'Selected'), el('p', {}, label)]); });
      ng.appendChild(c);
    }
    const hidden = placeLabels(nodes, lg, W, H);
    svg.appendChild(eg); svg.appendChild(ng); svg.appendChild(lg);
    append(side, [el('p', { class: 'muted' }, fmt(nodes.length) + ' actors, ' + fmt(edges.length) + ' dyads (the 80 largest)' +
      (hidden ? '; ' + fmt(hidden) + ' labels left out where they would overlap (hover or focus a node for its name)' : '')),
      el('table', {}, el('tbody', {}, (data.items || []).slice(0, 15).map((d) => el('tr', {},
        el('td', {}, actorText(d.source, d.source_name) + ' → ' + actorText(d.target, d.target_name)), el('td', { class: 'num' }, fmt(d.n_events)),
        el('td', { class: 'num' }, fmt1(d.goldstein_mean))))))]);
    done('network', token);
  }

  /* ---------- Article reader ---------- */
  const KINDS = ['sentence', 'trigger', 'source', 'target', 'actor', 'place', 'quote', 'cue'];
  const KEYED = [['actor', 'data-actor'], ['place', 'data-place'], ['sentence', 'data-event'], ['trigger', 'data-trigger'],
    ['source', 'data-source'], ['target', 'data-target'], ['quote', 'data-quote']];
  function sideLabel(side, i, ev, actor, names) {
    // "source of event 0 (173 Arrest · ARREST): police (Kenya) · KEN-COP, code KENCOP"
    const id = ev[side];
    return side + ' of event ' + i + ' (' + codeText(ev.cameo, ev.plover) + '): ' + actorText(id, names[id]) +
      (id ? ' · ' + id : '') + (actor && actor.code ? ', code ' + actor.code : '');
  }
  function recordSpans(rec) {
    const names = {}, byId = {};
    for (const a of rec.actors || []) { names[a.id] = a.name || a.id; byId[a.id] = a; }
    const out = [];
    const pair = (p) => (Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && Number.isInteger(p[1]) ? p : null);
    for (const a of rec.actors || []) for (const m of a.mentions || []) if (pair(m)) out.push({ s: m[0], e: m[1], kind: 'actor', key: a.id, label: 'actor: ' + actorText(a.id, a.name) + ' (' + a.id + ')' });
    for (const p of rec.places || []) for (const m of p.mentions || []) if (pair(m)) out.push({ s: m[0], e: m[1], kind: 'place', key: p.id, label: 'place: ' + p.name + (p.country ? ' (' + p.country + ')' : '') });
    (rec.events || []).forEach((ev, i) => {
      const label = 'event ' + i + ': ' + codeText(ev.cameo, ev.plover) + ', ' + actorText(ev.source, names[ev.source]) + ' → ' + actorText(ev.target, names[ev.target]) +
        (ev.negated ? ' (negated)' : '') + (ev.hypothetical ? ' (hypothetical)' : '');
      if (pair(ev.sentence)) out.push({ s: ev.sentence[0], e: ev.sentence[1], kind: 'sentence', key: String(i), label: label });
      if (pair(ev.trigger)) out.push({ s: ev.trigger[0], e: ev.trigger[1], kind: 'trigger', key: String(i), label: label });
      for (const side of ['source', 'target']) {  // the words that tied each side to the event (record source_span, target_span)
        const p = pair(ev[side + '_span']);
        if (p) out.push({ s: p[0], e: p[1], kind: side, key: String(i), label: sideLabel(side, i, ev, byId[ev[side]], names) });
      }
    });
    (rec.quotes || []).forEach((q, i) => {
      const who = q.speaker_name || names[q.speaker] || q.speaker || 'unknown speaker';
      if (pair(q.span)) out.push({ s: q.span[0], e: q.span[1], kind: 'quote', key: String(i), label: (q.kind || 'quote') + ' quote ' + i + ' by ' + who });
      if (pair(q.cue)) out.push({ s: q.cue[0], e: q.cue[1], kind: 'cue', key: String(i), label: 'speech cue of quote ' + i + ' (' + who + ')' });
    });
    return out;
  }
  function highlighted(rec) {
    const text = rec.text || '';
    const spans = recordSpans(rec).filter((s) => s.s >= 0 && s.s < s.e && s.e <= text.length);
    const cuts = [...new Set([0, text.length].concat(spans.map((s) => s.s), spans.map((s) => s.e)))].sort((a, b) => a - b);
    const opening = new Map();
    for (const s of spans) { if (!opening.has(s.s)) opening.set(s.s, []); opening.get(s.s).push(s); }
    const root = el('div', { class: 'ew-article', id: 'article-text' });
    let active = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i], b = cuts[i + 1];
      active = active.filter((s) => s.e > a).concat(opening.get(a) || []);
      for (const s of opening.get(a) || []) if (s.kind === 'sentence') root.appendChild(el('span', { class: 'ew-anchor', id: 'ev-' + s.key }));
      const piece = text.slice(a, b);
      if (!active.length) { root.appendChild(document.createTextNode(piece)); continue; }
      const kinds = [...new Set(active.map((s) => s.kind))].sort((x, y) => KINDS.indexOf(x) - KINDS.indexOf(y));
      const attrs = { class: 'ew ' + kinds.map((k) => 'ew-' + k).join(' '), title: [...new Set(active.map((s) => s.label))].join('; ') };
      for (const [kind, attr] of KEYED) {
        const keys = [...new Set(active.filter((s) => s.kind === kind).map((s) => s.key))];
        if (keys.length) attrs[attr] = keys.join(' ');
      }
      root.appendChild(el('span', attrs, piece));
    }
    return root;
  }
  function focusEvent(idx, scroll) {
    for (const n of document.querySelectorAll('#article-text .focus')) n.classList.remove('focus', 'focus-source', 'focus-trigger', 'focus-target');
    for (const n of document.querySelectorAll('tr.current')) n.classList.remove('current');
    const has = (n, key) => (n.dataset[key] || '').split(' ').includes(String(idx));
    for (const n of document.querySelectorAll('#article-text .ew-sentence')) if (has(n, 'event')) n.classList.add('focus');
    for (const side of ['source', 'trigger', 'target']) {  // the focused event's own words, not another event's
      for (const n of document.querySelectorAll('#article-text .ew-' + side)) if (has(n, side)) n.classList.add('focus', 'focus-' + side);
    }
    const row = document.getElementById('event-row-' + idx);
    if (row) row.classList.add('current');
    const anchor = document.getElementById('ev-' + idx);
    if (anchor && scroll) anchor.scrollIntoView({ block: 'center' });
  }

  async function reader(token, articleId) {
    const rec = await getJSON('/api/articles/' + encodeURIComponent(articleId));
    if (token !== renderToken) return;
    const names = {};
    for (const a of rec.actors || []) names[a.id] = a.name || a.id;
    const words = (p) => (Array.isArray(p) && p.length === 2 ? (rec.text || '').slice(p[0], p[1]) : '');
    const url = safeUrl(rec.url);
    const meta = el('dl', { class: 'meta' });
    const row = (k, v) => append(meta, [el('dt', {}, k), el('dd', {}, v)]);
    row('id', rec.id); row('source', rec.source || '–'); row('published', rec.published || '–');
    row('dateline', rec.dateline || '–'); row('tone', fmt1(rec.tone));
    row('url', url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url) : (rec.url || '–'));
    row('counts', (rec.events || []).length + ' events · ' + (rec.actors || []).length + ' actors · ' + (rec.quotes || []).length + ' quotes · ' + (rec.places || []).length + ' places');
    const errors = rec.errors || [];
    const errBox = errors.length ? el('div', { class: 'errors' }, el('h3', {}, 'Errors'),
      el('ul', {}, errors.map((e) => el('li', {}, (e.stage || '?') + ': ' + (e.message || ''))))) : null;

    const evTable = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, 'Who → whom'), el('th', {}, 'Code'), el('th', { class: 'num' }, 'Conf.'))),
      el('tbody', {}, (rec.events || []).map((ev, i) => {
        const go = () => { history.replaceState(null, '', articleHref(rec.id, i)); focusEvent(i, true); };
        return el('tr', { class: 'clickable', id: 'event-row-' + i, onclick: go },
          el('td', {}, el('button', { class: 'link', type: 'button', 'aria-label': 'show event ' + i + ' in the text', onclick: (e) => { e.stopPropagation(); go(); } }, String(i))),
          el('td', {}, el('span', { class: 'who' }, actorLabel(ev.source, names[ev.source]), ' → ', actorLabel(ev.target, names[ev.target])),
            el('div', { class: 'evidence', title: 'the words of the source, the trigger and the target in the sentence' },
              [['source', words(ev.source_span)], ['trigger', words(ev.trigger)], ['target', words(ev.target_span)]]
                .map(([k, w]) => (w ? el('mark', { class: 'ew ew-' + k, title: k }, w) : el('span', { class: 'unknown', title: 'the sentence does not name the ' + k }, '–')))
                .flatMap((m, j) => (j ? [' ', m] : [m])))),
          el('td', {}, el('span', { class: 'q' + ev.quad_class }, '\u00a0'), ' ', codeLabel(ev.cameo, ev.plover),
            ev.negated ? el('span', { class: 'flag' }, 'negated') : null, ev.hypothetical ? el('span', { class: 'flag' }, 'hypothetical') : null),
          el('td', { class: 'num' }, ev.confidence === undefined ? '' : Number(ev.confidence).toFixed(2)));
      })));
    // the words the article used for an actor (its first mention; a canonical name such as "armed forces
    // (Afghanistan)" is not what the article wrote, "force" is): actors/labels.said_words
    const saidAs = (a) => (GENERIC_ID.test(a.id || '') && words((a.mentions || [])[0])) || a.name;
    const actorList = el('ul', {}, (rec.actors || []).map((a) => el('li', {},
      el('button', { class: 'link', type: 'button', title: 'filter the overview by this actor', onclick: () => setFilter({ actor: a.id }, '/') }, actorName(a.id, a.name)),
      el('span', { class: 'muted' }, ' ' + [saidAs(a) !== actorName(a.id, a.name) ? 'in the text: ' + saidAs(a) : null, a.kind, a.country, a.code, a.role]
        .filter(Boolean).join(' · ') + ' · ' + (a.mentions || []).length + '×'))));
    const quoteList = el('ul', {}, (rec.quotes || []).map((q) => el('li', {},
      el('strong', {}, (q.speaker_name || names[q.speaker] || q.speaker || 'unknown') + ': '), '“' + (q.text || '') + '”', el('span', { class: 'muted' }, ' (' + (q.kind || '') + ')'))));
    const placeList = el('ul', {}, (rec.places || []).map((p) => el('li', {}, p.name || p.id,
      el('span', { class: 'muted' }, ' ' + [p.country, p.admin1, p.feature].filter(Boolean).join(' · ') + (p.lat !== null && p.lat !== undefined ? ' · ' + fmt1(p.lat) + ', ' + fmt1(p.lon) : '')))));
    const legend = el('div', { class: 'legend hl-legend' }, el('span', { class: 'ew-actor' }, 'actor'), el('span', { class: 'ew-source' }, 'source'), el('span', { class: 'ew-trigger' }, 'event trigger'), el('span', { class: 'ew-target' }, 'target'),
      el('span', { class: 'ew-sentence' }, 'evidence sentence'), el('span', { class: 'ew-quote' }, 'quote'), el('span', { class: 'ew-cue' }, 'speech cue'),
      el('span', { class: 'ew-place' }, 'place'));
    append(view, [el('p', {}, el('a', { href: '/' + qs(current()), 'data-nav': '' }, '‹ Overview')),
      el('h2', { id: 'article-title' }, rec.title || '(untitled)'),
      el('div', { class: 'reader' },
        el('section', { class: 'panel' }, legend, highlighted(rec)),
        el('div', {}, el('section', { class: 'panel' }, el('h3', {}, 'Record'), meta, errBox),
          el('section', { class: 'panel' }, el('h3', {}, 'Events'), (rec.events || []).length ? evTable : el('p', { class: 'empty' }, 'No events.')),
          el('section', { class: 'panel' }, el('h3', {}, 'Actors'), actorList),
          el('section', { class: 'panel' }, el('h3', {}, 'Quotes'), quoteList),
          el('section', { class: 'panel' }, el('h3', {}, 'Places'), placeList)))]);
    document.title = (rec.title || rec.id) + ' — eventwatch';
    const want = new URLSearchParams(location.search).get('event');
    if (want !== null && want !== '') focusEvent(Number(want), true);
    done('article', token);
  }

  /* ---------- new data (serve --watch writes while the page is open) ---------- */
  // every so often, while the tab is visible, ask how many articles the store holds; when the number
  // grows, offer to redraw the view (never redraw under the reader's hands)
  const fresh = document.getElementById('fresh');
  let storeArticles = null;
  async function checkFresh() {
    if (document.hidden) return;
    try {
      const sum = await getJSON('/api/summary');
      const n = sum.store ? sum.store.articles : null;
      if (storeArticles === null || n < storeArticles) { storeArticles = n; return; }
      if (n > storeArticles) {
        const added = n - storeArticles;
        append(clear(fresh), [added + (added === 1 ? ' new article' : ' new articles') + ' stored since this view was drawn. ',
          el('button', { type: 'button', onclick: () => { storeArticles = null; fresh.hidden = true; render().then(checkFresh); } }, 'Show')]);
        fresh.hidden = false;
      }
    } catch (e) { /* the server may be restarting: try again next time */ }
  }
  setInterval(checkFresh, window.EW_REFRESH_MS || 30000);  // EW_REFRESH_MS: tests only
  checkFresh();

  /* ---------- router ---------- */
  async function render() {
    const token = ++renderToken;
    delete document.body.dataset.ready;
    delete document.body.dataset.drawnMs;
    status.textContent = '';
    disposeChart();
    clear(view);
    fillForm();
    const path = location.pathname;
    let name = 'overview';
    if (path.startsWith('/timeline')) name = 'timeline';
    else if (path.startsWith('/map')) name = 'map';
    else if (path.startsWith('/network')) name = 'network';
    else if (path.startsWith('/article/')) name = 'article';
    for (const a of document.querySelectorAll('nav a[data-view]')) {
      if (a.dataset.view === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
      a.setAttribute('href', a.getAttribute('href').split('?')[0] + qs(current()));
    }
    if (name !== 'article') document.title = 'eventwatch — ' + name;
    try {
      await loadCodes();  // names beside codes in every view (one request, then cached)
      if (token !== renderToken) return;
      if (name === 'timeline') await timeline(token);
      else if (name === 'map') await mapView(token);
      else if (name === 'network') await network(token);
      else if (name === 'article') await reader(token, decodeURIComponent(path.slice('/article/'.length)));
      else await overview(token);
    } catch (err) {
      if (token === renderToken) { fail(err); document.body.dataset.ready = 'error'; }
    }
  }
  render();
})();
