// The review page: paste or open a draft, see Galley's findings underlined, apply safe fixes, save.
// Plain DOM, no framework; every text from the server is set as textContent, never parsed as markup.
'use strict';

(() => {
  const token = document.querySelector('meta[name="galley-token"]').content;
  const $ = (id) => document.getElementById(id);
  const rank = { info: 0, warning: 1, error: 2 };
  // What the findings on screen were computed for; `original` is the folder file as loaded.
  const state = { text: '', path: 'pasted.md', diagnostics: [], folderFile: null, original: null };
  let checkTimer = null;
  let hideTimer = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function status(message) { $('status').textContent = message; }

  async function api(method, url, body) {
    const options = { method, headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.headers['X-Galley-Token'] = token;
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    return data;
  }

  function webLink(url) { return /^https?:\/\//i.test(url || ''); }

  // The draft with one <mark> per stretch of text that the same findings cover.
  function renderDraft() {
    const draft = $('draft');
    draft.textContent = '';
    const text = state.text;
    const list = state.diagnostics;
    const cuts = new Set([0, text.length]);
    list.forEach((d) => { cuts.add(d.from); cuts.add(d.to); });
    const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const markFor = (ids, className) => {
      const mark = element('mark', className);
      mark.dataset.ids = ids.join(' ');
      return mark;
    };
    for (let k = 0; k < sorted.length; k++) {
      const from = sorted[k];
      const points = list.map((d, i) => i).filter((i) => list[i].from === from && list[i].to === from);
      if (points.length) {
        const worst = points.reduce((a, i) => (rank[list[i].severity] > rank[list[a].severity] ? i : a), points[0]);
        draft.appendChild(markFor(points, `${list[worst].severity} point`));
      }
      if (k + 1 === sorted.length) break;
      const to = sorted[k + 1];
      const piece = text.slice(from, to);
      const covering = list.map((d, i) => i).filter((i) => list[i].from <= from && to <= list[i].to && list[i].from < list[i].to);
      if (!covering.length) { draft.appendChild(document.createTextNode(piece)); continue; }
      const worst = covering.reduce((a, i) => (rank[list[i].severity] > rank[list[a].severity] ? i : a), covering[0]);
      const mark = markFor(covering, list[worst].severity);
      mark.textContent = piece;
      draft.appendChild(mark);
    }
  }

  function renderFindings() {
    const ol = $('findings');
    ol.textContent = '';
    $('count').textContent = `(${state.diagnostics.length})`;
    state.diagnostics.forEach((d, i) => {
      const li = element('li', d.severity);
      li.dataset.index = String(i);
      li.append(element('span', 'sev', d.severity), ` line ${d.line}:${d.column} `, element('span', 'message', d.message), ' ',
        element('span', 'rule', `[${d.rule}]`));
      if (d.fix && d.fix.safe) {
        const apply = element('button', 'apply', 'Apply');
        apply.type = 'button';
        apply.title = d.fix.title;
        apply.addEventListener('click', (event) => { event.stopPropagation(); applyFix(d); });
        li.append(' ', apply);
      }
      li.addEventListener('click', () => reveal(i));
      ol.appendChild(li);
    });
    $('fix-all').disabled = !state.diagnostics.some((d) => d.fix && d.fix.safe);
  }

  function reveal(index) {
    const mark = [...document.querySelectorAll('#draft mark')].find((m) => m.dataset.ids.split(' ').includes(String(index)));
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.classList.add('flash');
    setTimeout(() => mark.classList.remove('flash'), 1200);
  }

  function show(result, text) {
    state.text = text;
    state.diagnostics = result.diagnostics || [];
    renderDraft();
    renderFindings();
    status(state.diagnostics.length ? `${state.diagnostics.length} finding(s)` : 'No findings');
  }

  async function check() {
    clearTimeout(checkTimer);
    const text = $('text').value;
    state.path = $('name').value || 'pasted.md';
    try {
      show(await api('POST', '/api/check', { text, path: state.path }), text);
    } catch (error) { status(`Check failed: ${error.message}`); }
  }

  async function applyFix(diagnostic) {
    const body = { text: state.text, path: state.path };
    if (diagnostic) body.finding = { rule: diagnostic.rule, begin: diagnostic.begin, end: diagnostic.end };
    try {
      const result = await api('POST', '/api/fix', body);
      $('text').value = result.text;
      show(result, result.text);
      status(`Applied ${result.fixesApplied} fix(es)`);
    } catch (error) { status(`Fix failed: ${error.message}`); }
  }

  function download() {
    const blob = new Blob([$('text').value], { type: 'text/plain;charset=utf-8' });
    const link = element('a');
    link.href = URL.createObjectURL(blob);
    link.download = ($('name').value || 'draft.md').split('/').pop();
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // A line diff (longest common subsequence) of the file as opened and the text to save.
  function lineDiff(before, after) {
    const a = before.split('\n');
    const b = after.split('\n');
    if (a.length * b.length > 4e6) return [...a.map((l) => ['del', l]), ...b.map((l) => ['add', l])];
    const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
    for (let i = a.length - 1; i >= 0; i--)
      for (let j = b.length - 1; j >= 0; j--)
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) { out.push(['same', a[i]]); i++; j++; }
      else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) { out.push(['del', a[i]]); i++; }
      else { out.push(['add', b[j]]); j++; }
    }
    return out;
  }

  function askSave() {
    const pre = $('diff');
    pre.textContent = '';
    const lines = lineDiff(state.original, $('text').value).filter(([kind]) => kind !== 'same');
    if (!lines.length) pre.textContent = '(no change)';
    lines.forEach(([kind, line]) => pre.appendChild(element('div', kind, `${kind === 'add' ? '+' : '-'} ${line}`)));
    $('diff-path').textContent = state.folderFile;
    $('diff-dialog').hidden = false;
  }

  async function save() {
    const text = $('text').value;
    try {
      const result = await api('POST', '/api/save', { path: state.folderFile, text, original: state.original });
      state.original = text;
      $('diff-dialog').hidden = true;
      show(result, text);
      status(`Saved ${state.folderFile}`);
    } catch (error) { status(`Save failed: ${error.message}`); $('diff-dialog').hidden = true; }
  }

  async function open(path) {
    try {
      const result = await api('GET', `/api/file?path=${encodeURIComponent(path)}`);
      $('text').value = result.text;
      $('name').value = path;
      state.path = path;
      state.folderFile = path;
      state.original = result.text;
      $('save').hidden = false;
      document.querySelectorAll('#files button').forEach((b) => b.classList.toggle('open', b.dataset.path === path));
      show(result, result.text);
    } catch (error) { status(`Cannot open ${path}: ${error.message}`); }
  }

  async function listFiles() {
    try {
      const { files } = await api('GET', '/api/files');
      const ul = $('files');
      ul.textContent = '';
      if (!files.length) ul.appendChild(element('li', 'hint', 'No drafts (.md, .txt) in the folder.'));
      files.forEach((path) => {
        const button = element('button', '', path);
        button.type = 'button';
        button.dataset.path = path;
        button.addEventListener('click', () => open(path));
        const li = element('li');
        li.appendChild(button);
        ul.appendChild(li);
      });
    } catch (error) { status(`Cannot list the folder: ${error.message}`); }
  }

  // The hover card: every finding under the pointer, with its explanation and the fact's source.
  function showTip(mark) {
    clearTimeout(hideTimer);
    const tip = $('tip');
    tip.textContent = '';
    mark.dataset.ids.split(' ').map(Number).forEach((i) => {
      const d = state.diagnostics[i];
      if (!d) return;
      const card = element('div', `card ${d.severity}`);
      const head = element('div');
      head.append(element('strong', '', d.message), ' ', element('span', 'rule', `[${d.rule}]`));
      card.appendChild(head);
      if (d.explanation) card.appendChild(element('p', 'explain', d.explanation));
      if (d.notes.length) {
        const ul = element('ul');
        d.notes.forEach((note) => {
          const li = element('li', 'note', note.where ? `${note.where}: ${note.message}` : note.message);
          if (webLink(note.sourceUrl)) {
            const link = element('a', 'source', note.sourceTitle || note.sourceUrl);
            link.href = note.sourceUrl;
            link.target = '_blank';
            link.rel = 'noreferrer noopener';
            li.append(' ', link);
          }
          ul.appendChild(li);
        });
        card.appendChild(ul);
      }
      if (d.fix) card.appendChild(element('p', 'fix', `Fix (${d.fix.safe ? 'safe' : 'unsafe, not applied here'}): ${d.fix.title}`));
      tip.appendChild(card);
    });
    const box = mark.getBoundingClientRect();
    tip.style.left = `${window.scrollX + box.left}px`;
    tip.style.top = `${window.scrollY + box.bottom + 4}px`;
    tip.hidden = false;
  }

  function hideTipSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { $('tip').hidden = true; }, 400);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('check').addEventListener('click', check);
    $('fix-all').addEventListener('click', () => applyFix(null));
    $('download').addEventListener('click', download);
    $('save').addEventListener('click', askSave);
    $('save-confirm').addEventListener('click', save);
    $('save-cancel').addEventListener('click', () => { $('diff-dialog').hidden = true; });
    $('text').addEventListener('input', () => { clearTimeout(checkTimer); checkTimer = setTimeout(check, 500); });
    $('draft').addEventListener('mouseover', (event) => { if (event.target.tagName === 'MARK') showTip(event.target); });
    $('draft').addEventListener('mouseout', (event) => { if (event.target.tagName === 'MARK') hideTipSoon(); });
    $('tip').addEventListener('mouseenter', () => clearTimeout(hideTimer));
    $('tip').addEventListener('mouseleave', hideTipSoon);
    listFiles();
  });
})();
