'use strict';
// The dashboard's pages: plot data computed by the server, drawn with ECharts.
const Osprey = (() => {
  const BLUES = [[247, 251, 255], [222, 235, 247], [198, 219, 239], [158, 202, 225], [107, 174, 214],
    [66, 146, 198], [33, 113, 181], [8, 81, 156], [8, 48, 107]];
  const STATES = ['COMPLETE', 'RUNNING', 'PRUNED', 'FAIL', 'WAITING'];
  const LARGE = 200; // past this many plain points, a scatter series is drawn in ECharts' large mode

  function blues(t) {
    const p = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (BLUES.length - 1);
    const lo = Math.floor(p), hi = Math.min(lo + 1, BLUES.length - 1), f = p - lo;
    const c = [0, 1, 2].map(i => Math.round(BLUES[lo][i] + (BLUES[hi][i] - BLUES[lo][i]) * f));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }
  const num = v => typeof v === 'string' ? Number(v) : v;
  const param = name => new URLSearchParams(location.search).get(name);
  const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const fmt = v => v === undefined || v === null ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v)
      : Number(v.toPrecision(6)).toString()) : String(v);

  /** Resolves once ECharts is loaded (the study page loads it deferred, after asking for its data). */
  const echartsReady = () => window.echarts ? Promise.resolve() : new Promise(resolve =>
    document.getElementById('echarts-script').addEventListener('load', resolve, {once: true}));
  /** Times a step for the browser's performance timeline (the benchmark reads these). */
  async function timed(name, step) {
    const start = performance.now();
    try { return await step(); } finally { performance.measure(name, {start, end: performance.now()}); }
  }

  async function getJson(url) {
    const response = await fetch(url);
    const body = await response.json();
    if (!response.ok) throw new Error(body.reason || response.statusText);
    return body;
  }
  function showError(error) {
    const box = document.getElementById('error');
    box.textContent = String(error.message || error);
    box.hidden = false;
  }
  function clearError() { document.getElementById('error').hidden = true; }

  function axis(a, options = {}) {
    const base = {name: a.label, nameLocation: 'middle', nameGap: 28};
    switch (a.scale) {
      case 'LOG': return {...base, type: 'log'};
      case 'CATEGORY': return {...base, type: 'category', data: a.categories};
      case 'TIME': return {...base, type: 'time'};
      default: return {...base, type: options.log ? 'log' : 'value', scale: true};
    }
  }

  function seriesOption(s) {
    switch (s.type) {
      case 'Points': {
        const data = s.x.map((x, i) => [num(x), num(s.y[i]), s.trials[i]]);
        // ECharts' large mode draws a series as one path in one colour: plain points use it, shaded
        // ones (a colour per point; the server sends at most 1,000) are drawn point by point
        const shaded = s.shade.length > 0;
        return {type: 'scatter', name: s.name, data, symbolSize: 5, large: !shaded, largeThreshold: LARGE,
          itemStyle: {color: shaded ? (p => blues(0.25 + 0.75 * s.shade[p.dataIndex])) : s.color}};
      }
      case 'Line':
        return {type: 'line', name: s.name, showSymbol: false, color: s.color, lineStyle: {width: 1.5},
          data: s.x.map((x, i) => x === null ? '-' : [num(x), num(s.y[i])]), connectNulls: false,
          step: s.step ? 'end' : false, sampling: s.gaps ? undefined : 'lttb'};
      case 'Bars':
        return {type: 'bar', name: s.name, data: s.values.map(num), color: s.color,
          label: {show: true, position: 'right', formatter: p => p.value < 0.01 ? '<0.01' : p.value.toFixed(2)}};
      case 'Heatmap': return heatmap(s);
      case 'Spans':
        return {type: 'custom', name: s.name, color: s.color,
          data: s.row.map((r, i) => [r, num(s.start[i]), num(s.end[i]), s.trials[i]]),
          encode: {x: [1, 2], y: 0},
          renderItem: (params, api) => {
            const a = api.coord([api.value(1), api.value(0)]), b = api.coord([api.value(2), api.value(0)]);
            const h = api.size([0, 1])[1] * 0.7;
            return {type: 'rect', shape: {x: a[0], y: a[1] - h / 2, width: Math.max(b[0] - a[0], 1), height: h},
              style: {fill: s.color}};
          }};
      default: throw new Error('unknown series type ' + s.type);
    }
  }

  function heatmap(s) {
    const z = s.z.flat().map(num), lo = Math.min(...z), hi = Math.max(...z);
    const edges = xs => xs.map((x, i) => [i === 0 ? x - (xs[1] - x) / 2 : (xs[i - 1] + x) / 2,
      i === xs.length - 1 ? x + (x - xs[i - 1]) / 2 : (x + xs[i + 1]) / 2]);
    const xe = edges(s.x.map(num)), ye = edges(s.y.map(num)), data = [];
    s.z.forEach((row, i) => row.forEach((v, j) => data.push([xe[j][0], xe[j][1], ye[i][0], ye[i][1], num(v)])));
    return {type: 'custom', name: s.name, data, silent: true, encode: {x: [0, 1], y: [2, 3]},
      renderItem: (params, api) => {
        const a = api.coord([api.value(0), api.value(2)]), b = api.coord([api.value(1), api.value(3)]);
        const t = hi === lo ? 0.5 : (api.value(4) - lo) / (hi - lo);
        return {type: 'rect', shape: {x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]),
          width: Math.abs(b[0] - a[0]) + 0.5, height: Math.abs(b[1] - a[1]) + 0.5},
          style: {fill: blues(s.lowIsDark ? 1 - t : t)}};
      }};
  }

  function chartOption(chart, options) {
    const first = chart.series[0];
    if (first && first.type === 'Parallel') {
      return {animation: false, tooltip: {}, parallel: {left: 60, right: 90, top: 30, bottom: 30},
        parallelAxis: first.axes.map((a, i) => ({dim: i, name: a.label, type: a.scale === 'CATEGORY' ? 'category' : 'value',
          data: a.scale === 'CATEGORY' ? a.categories : undefined, scale: true})),
        series: [{type: 'parallel', name: first.name, lineStyle: {width: 1, opacity: 0.5}, progressive: 0,
          data: first.rows.map((row, r) => ({value: row.map((v, i) => first.axes[i].scale === 'CATEGORY'
              ? first.axes[i].categories[num(v)] : num(v)), lineStyle: {color: blues(0.2 + 0.8 * first.shade[r])}}))}]};
    }
    const bars = first && first.type === 'Bars';
    const yAxis = axis(chart.y, {log: options.logY});
    if (bars) yAxis.inverse = true;
    const xAxis = axis(chart.x);
    if (chart.series.some(s => s.type === 'Heatmap')) {
      // cells are drawn between grid points: category positions go on a numeric axis labelled by category
      [[xAxis, chart.x], [yAxis, chart.y]].filter(([, a]) => a.scale === 'CATEGORY').forEach(([option, a]) =>
        Object.assign(option, {type: 'value', data: undefined, min: -0.5, max: a.categories.length - 0.5, interval: 1,
          axisLabel: {formatter: v => a.categories[v] ?? ''}}));
    }
    return {animation: false, grid: {left: 70, right: 20, top: 30, bottom: 50}, legend: {top: 0, type: 'scroll'},
      tooltip: {trigger: 'item', formatter: p => Array.isArray(p.value) && p.value.length > 2 && p.seriesType === 'scatter'
          ? `trial ${p.value[2]}<br>${fmt(p.value[0])}, ${fmt(p.value[1])}` : `${esc(p.seriesName)}`},
      xAxis, yAxis, series: merged(chart.series).map(seriesOption)};
  }

  /**
   * Many lines of one colour (the intermediate values of up to 100 trials) drawn as one series with
   * gaps: ECharts' cost grows with the number of series more than with their points.
   */
  function merged(series) {
    const lines = series.filter(s => s.type === 'Line' && !s.step);
    if (lines.length <= 10) return series;
    const byColor = new Map();
    lines.forEach(s => byColor.set(s.color, [...(byColor.get(s.color) || []), s]));
    const joined = [...byColor.values()].map(group => ({type: 'Line', name: group.length + ' trials', color: group[0].color,
      x: group.flatMap(s => [...s.x, null]), y: group.flatMap(s => [...s.y, null]), gaps: true}));
    return [...series.filter(s => !lines.includes(s)), ...joined];
  }

  /** Draws the charts of a panel; resolves when every chart has finished rendering. */
  async function drawCharts(container, charts, options = {}) {
    await echartsReady();
    const boxes = [...container.children];
    // a redraw of the same charts (a live update) sets new options on the charts drawn: no new canvases
    const same = boxes.length === charts.length && charts.every((chart, i) =>
      chart.series.length > 0 && boxes[i].querySelector('.chart')?.dataset.title === chart.title);
    if (!same) {
      container.querySelectorAll('.chart').forEach(el => echarts.getInstanceByDom(el)?.dispose());
      container.innerHTML = '';
    }
    return Promise.all(charts.map((chart, i) => new Promise(resolve => {
      const box = same ? boxes[i] : container.appendChild(document.createElement('div'));
      if (chart.series.length === 0) {
        box.innerHTML = `<p class="note">${esc(chart.notes.join('; ') || 'nothing to plot')}</p>`;
        resolve();
        return;
      }
      let el = box.querySelector('.chart');
      if (!el) {
        el = box.appendChild(document.createElement('div'));
        el.className = 'chart';
        el.dataset.title = chart.title;
        box.appendChild(document.createElement('p')).className = 'note';
      }
      // the point marks drawn, which the notes compare with the trials when a large study is sampled
      el.dataset.points = String(chart.series.filter(s => s.type === 'Points').reduce((n, s) => n + s.x.length, 0));
      const note = box.querySelector('p.note');
      note.textContent = chart.notes.join('; ');
      note.hidden = chart.notes.length === 0;
      const instance = echarts.getInstanceByDom(el) || echarts.init(el);
      const done = () => { instance.off('finished', done); resolve(); };
      instance.on('finished', done);
      instance.setOption(chartOption(chart, options), {notMerge: true});
    })));
  }

  // ---- studies page ----
  async function studiesPage() {
    const body = document.querySelector('#studies tbody');
    const filter = document.getElementById('name-filter');
    let studies = [];
    const render = () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      body.innerHTML = studies.filter(s => words.every(w => s.name.toLowerCase().includes(w))).map(s =>
        `<tr><td><a href="/study?study=${encodeURIComponent(s.name)}">${esc(s.name)}</a></td>
         <td>${esc(s.directions.join(', '))}</td><td>${s.trials}</td>
         ${['COMPLETE', 'RUNNING', 'PRUNED', 'FAIL', 'WAITING'].map(st => `<td>${s.counts[st]}</td>`).join('')}
         <td>${fmt(s.best)}</td><td>${esc(s.lastActivity || '')}</td></tr>`).join('');
      document.body.dataset.rendered = 'true';
    };
    filter.addEventListener('input', render);
    const load = async () => {
      try { studies = (await getJson('/api/studies')).studies; clearError(); render(); } catch (e) { showError(e); }
    };
    await load();
    setInterval(load, 2000);
  }

  // ---- study page ----
  async function studyPage() {
    const study = param('study');
    const q = extra => `study=${encodeURIComponent(study)}&objective=${state.objective}${extra || ''}`;
    const state = {objective: 0, page: 0, size: 50, sort: 'number', desc: false, version: -1, loading: null, again: false, tableRequest: 0};
    document.getElementById('title').textContent = study;
    document.title = 'Osprey: ' + study;
    let meta;
    try {
      meta = await timed('fetch study', () => getJson(`/api/study?study=${encodeURIComponent(study)}`));
    } catch (e) { showError(e); return; }

    const objective = document.getElementById('objective');
    if (meta.directions.length > 1) {
      document.getElementById('objective-box').hidden = false;
      objective.innerHTML = meta.directions.map((d, i) => `<option value="${i}">${i} (${d})</option>`).join('');
      objective.addEventListener('change', () => { state.objective = Number(objective.value); reload(); });
      document.querySelector('[data-kind="pareto-front"]').hidden = meta.directions.length > 3;
    }
    const options = (select, names, chosen) => {
      const old = select.value;
      select.innerHTML = names.map(n => `<option>${esc(n)}</option>`).join('');
      select.value = names.includes(old) ? old : chosen;
    };
    const setParams = params => {
      options(document.getElementById('slice-param'), params, params[0]);
      options(document.getElementById('contour-x'), params, params[0]);
      options(document.getElementById('contour-y'), params, params[1] || params[0]);
      const range = document.getElementById('range-param');
      const old = range.value;
      range.innerHTML = '<option value="">(any)</option>' + params.map(n => `<option>${esc(n)}</option>`).join('');
      range.value = old;
    };
    setParams(meta.params);
    document.getElementById('state-filter').innerHTML = STATES.map(s =>
      `<label class="state-${s}"><input type="checkbox" name="state" value="${s}" checked> ${s}</label>`).join(' ');

    document.getElementById('importance-evaluator').value = meta.importance;
    document.getElementById('importance-evaluator').addEventListener('change', () =>
      drawPanel(document.querySelector('[data-kind=importance]')).catch(showError));
    const panelExtra = {
      'importance': () => '&evaluator=' + document.getElementById('importance-evaluator').value,
      'slice': () => '&params=' + encodeURIComponent(document.getElementById('slice-param').value),
      'contour': () => '&params=' + encodeURIComponent(document.getElementById('contour-x').value + ','
          + document.getElementById('contour-y').value),
    };
    async function drawPanel(section) {
      const kind = section.dataset.kind;
      const data = await timed('fetch ' + kind,
        () => getJson(`/api/chart?${q('&kind=' + kind + (panelExtra[kind] ? panelExtra[kind]() : ''))}`));
      const logY = kind === 'history' && document.getElementById('history-log').checked;
      await timed('draw ' + kind, () => drawCharts(section.querySelector('.charts'), data.charts, {logY}));
    }
    async function drawTable() {
      const states = [...document.querySelectorAll('input[name=state]:checked')].map(i => i.value);
      const range = document.getElementById('range-param').value;
      const extra = `&page=${state.page}&size=${state.size}&sort=${encodeURIComponent(state.sort)}&desc=${state.desc}`
          + `&state=${states.length ? states.join(',') : 'NONE_SELECTED'}`.replace('NONE_SELECTED', 'WAITING,RUNNING,COMPLETE,PRUNED,FAIL')
          + (range ? `&param=${encodeURIComponent(range)}&min=${document.getElementById('range-min').value}`
              + `&max=${document.getElementById('range-max').value}` : '');
      const asked = ++state.tableRequest;
      const page = await timed('fetch table', () => getJson(`/api/trials?${q(extra)}`));
      if (asked !== state.tableRequest) return; // a newer filter's answer is on its way
      const pages = Math.max(1, Math.ceil(page.total / state.size));
      document.getElementById('trial-total').textContent = `(${page.total} shown of ${meta.trials})`;
      document.getElementById('pages').textContent = `of ${pages}`;
      document.getElementById('page').value = state.page + 1;
      const head = ['number', 'state', ...meta.directions.map((d, i) => meta.directions.length > 1 ? `value ${i}` : 'value'),
        ...meta.params.map(p => 'param:' + p)];
      const sortKey = h => h.startsWith('value') ? 'value' : h;
      document.querySelector('#trials thead').innerHTML = '<tr>' + head.map(h =>
        `<th data-sort="${esc(sortKey(h))}">${esc(h.replace('param:', ''))}${state.sort === sortKey(h) ? (state.desc ? ' ▼' : ' ▲') : ''}</th>`).join('') + '</tr>';
      document.querySelector('#trials tbody').innerHTML = page.rows.map(t =>
        `<tr data-number="${t.number}"><td><a href="/trial?study=${encodeURIComponent(study)}&number=${t.number}">${t.number}</a></td>
         <td class="state-${t.state}">${t.state}</td>${meta.directions.map((d, i) => `<td>${fmt(t.values[i])}</td>`).join('')}
         ${meta.params.map(p => `<td>${esc(fmt(t.params[p]))}</td>`).join('')}</tr>`).join('');
    }
    document.querySelector('#trials thead').addEventListener('click', e => {
      const key = e.target.dataset.sort;
      if (!key) return;
      state.desc = state.sort === key ? !state.desc : false;
      state.sort = key;
      drawTable().catch(showError);
    });
    const tableChanged = () => { state.page = 0; drawTable().catch(showError); };
    document.getElementById('state-filter').addEventListener('change', tableChanged);
    ['range-param', 'range-min', 'range-max'].forEach(id => document.getElementById(id).addEventListener('change', tableChanged));
    document.getElementById('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); drawTable().catch(showError); });
    document.getElementById('next').addEventListener('click', () => { state.page++; drawTable().catch(showError); });
    document.getElementById('page').addEventListener('change', e => { state.page = Math.max(0, Number(e.target.value) - 1); drawTable().catch(showError); });
    const panels = () => [...document.querySelectorAll('section[data-kind]')].filter(s => !s.hidden);
    document.getElementById('history-log').addEventListener('change', () =>
      drawPanel(document.querySelector('[data-kind=history]')).catch(showError));
    ['slice-param'].forEach(id => document.getElementById(id).addEventListener('change', () =>
      drawPanel(document.querySelector('[data-kind=slice]')).catch(showError)));
    ['contour-x', 'contour-y'].forEach(id => document.getElementById(id).addEventListener('change', () =>
      drawPanel(document.querySelector('[data-kind=contour]')).catch(showError)));

    /**
     * Redraws the panels and the table; a change that arrives meanwhile triggers one more round. The
     * first load asks for everything at once. A live round draws what a new trial changes at once
     * (the count, the history and the table) first, marks the page updated, then the other panels.
     */
    async function reload(known) {
      if (state.loading) { state.again = true; return state.loading; }
      state.loading = (async () => {
        try {
          document.body.dataset.rendered = 'false';
          meta = known || await timed('fetch study', () => getJson(`/api/study?study=${encodeURIComponent(study)}`));
          setParams(meta.params);
          document.querySelector('[data-kind=intermediate]').hidden = !meta.hasIntermediate;
          const first = document.body.dataset.firstRenderMs === undefined;
          const prompt = panels().filter(s => s.dataset.kind === 'history');
          const others = panels().filter(s => s.dataset.kind !== 'history');
          const drawn = first ? Promise.all(others.map(drawPanel)) : null;
          await Promise.all([...prompt.map(drawPanel), drawTable()]);
          document.body.dataset.trials = meta.trials;
          document.body.dataset.renderedAt = String(Date.now()); // for measurements: when new trials showed (epoch ms)
          document.getElementById('live').textContent = `${meta.trials} trials, updated ${new Date().toLocaleTimeString()}`;
          await (drawn || Promise.all(others.map(drawPanel)));
          clearError();
          document.body.dataset.version = meta.version;
          document.body.dataset.rendered = 'true';
          // for measurements: when the page first showed every panel (ms from navigation start)
          document.body.dataset.firstRenderMs ??= String(Math.round(performance.now()));
        } catch (e) { showError(e); }
      })();
      await state.loading;
      state.loading = null;
      if (state.again) { state.again = false; await reload(); }
    }
    await reload(meta);
    let source = null;
    const listen = () => {
      source = new EventSource(`/api/events?study=${encodeURIComponent(study)}`);
      // an event carries the study's summary: the page goes on to the panels without asking for it
      source.onmessage = e => { const change = JSON.parse(e.data); if (change.version !== meta.version) reload(change.study); };
    };
    document.getElementById('live-toggle').addEventListener('change', e => {
      if (e.target.checked) { listen(); reload(); } else { source.close(); }
    });
    listen();
  }

  // ---- trial page ----
  async function trialPage() {
    const study = param('study'), number = param('number');
    document.getElementById('study-link').textContent = study;
    document.getElementById('study-link').href = `/study?study=${encodeURIComponent(study)}`;
    document.getElementById('title').textContent = 'Trial ' + number;
    const rows = (id, entries) => { document.querySelector(`#${id} tbody`).innerHTML = entries.map(([k, v]) =>
      `<tr><th>${esc(k)}</th><td>${esc(typeof v === 'object' ? JSON.stringify(v) : fmt(v))}</td></tr>`).join(''); };
    const load = async () => {
      const t = await getJson(`/api/trial?study=${encodeURIComponent(study)}&number=${encodeURIComponent(number)}`);
      rows('summary', [['number', t.number], ['state', t.state], ...t.values.map((v, i) => [`value ${i}`, v]),
        ...Object.entries(t.constraints || {}).map(([k, v]) => [`constraint ${k} (<= 0 holds)`, v]),
        ...(t.reason ? [['reason', t.reason]] : []), ['start', t.start || ''], ['end', t.end || '']]);
      rows('params', Object.entries(t.params).map(([k, v]) => [`${k} (${t.distributions[k]})`, v]));
      rows('attrs', Object.entries(t.userAttrs));
      const panel = document.getElementById('intermediate-panel');
      panel.hidden = t.intermediate.length === 0;
      const pending = [];
      if (!panel.hidden) {
        const el = document.getElementById('intermediate');
        const chart = echarts.getInstanceByDom(el) || echarts.init(el);
        pending.push(new Promise(resolve => { const done = () => { chart.off('finished', done); resolve(); };
          chart.on('finished', done); }));
        chart.setOption({animation: false, grid: {left: 60, right: 20, top: 20, bottom: 40}, tooltip: {trigger: 'axis'},
          xAxis: {type: 'value', name: 'Step', nameLocation: 'middle', nameGap: 26},
          yAxis: {type: 'value', scale: true, name: 'Intermediate Value'},
          series: [{type: 'line', data: t.intermediate.map(p => [p.step, num(p.value)]),
            color: t.state === 'PRUNED' ? '#ff7f0e' : '#1f77b4'}]});
      }
      const files = t.files || {};
      document.getElementById('files-panel').hidden = !files.directory;
      if (files.directory) {
        document.getElementById('job-dir').textContent = files.directory;
        document.getElementById('files').innerHTML = ['config', 'overrides', 'stdout', 'stderr'].filter(k => k in files)
          .map(k => `<h3>${k}</h3><pre data-file="${k}">${esc(files[k])}</pre>`).join('');
      }
      await Promise.all(pending);
      document.body.dataset.rendered = 'true';
      document.getElementById('live').textContent = `updated ${new Date().toLocaleTimeString()}`;
      return t;
    };
    try {
      const t = await load();
      if (t.state === 'RUNNING' || t.state === 'WAITING') {
        const source = new EventSource(`/api/events?study=${encodeURIComponent(study)}`);
        source.onmessage = () => load().then(now => { if (now.state !== 'RUNNING' && now.state !== 'WAITING') source.close(); })
          .catch(showError);
      }
    } catch (e) { showError(e); }
  }

  return {studiesPage, studyPage, trialPage, blues};
})();
