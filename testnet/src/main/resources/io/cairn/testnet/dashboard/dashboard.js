// Cairn testnet dashboard: polls /api/state (the dashboard server's aggregate of every node's
// JSON-RPC) and draws the nodes, their heights over time, block propagation and peer links in
// hand-written SVG. No framework, no build step, no other host contacted.
'use strict';

(() => {
  const POLL_MS = 1000;
  const SVGNS = 'http://www.w3.org/2000/svg';
  const COLORS = ['#2f6f9f', '#d9822b', '#3c9a5f', '#6d4c41', '#7b4fb0', '#8c6d1f', '#d45d9b', '#4a5a6a',
    '#16a2b8', '#9aa531'];
  let colors = {};

  // ---------- DOM and SVG helpers (text only) ----------

  function make(el, attrs, kids) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.setAttribute('class', v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids.flat(Infinity)) {
      if (k !== null && k !== undefined && k !== false) el.append(k instanceof Node ? k : String(k));
    }
    return el;
  }
  const h = (tag, attrs, ...kids) => make(document.createElement(tag), attrs, kids);
  const s = (tag, attrs, ...kids) => make(document.createElementNS(SVGNS, tag), attrs, kids);
  const $ = (id) => document.getElementById(id);
  const short = (hash) => (hash ? hash.slice(0, 8) + '…' + hash.slice(-4) : '—');

  function ago(ms, now) {
    if (ms === null || ms === undefined) return '—';
    const sec = Math.max(0, Math.round((now - ms) / 1000));
    return sec < 120 ? sec + ' s ago' : Math.round(sec / 60) + ' min ago';
  }

  /** A chip whose colour comes from the hash, so equal tips look equal at a glance. */
  function chip(hash, extraClass) {
    const c = h('span', { class: 'chip mono ' + (extraClass || ''), title: hash || '' }, short(hash));
    if (hash) c.style.backgroundColor = 'hsl(' + (parseInt(hash.slice(0, 6), 16) % 360) + ', 60%, 86%)';
    return c;
  }

  // ---------- nodes table ----------

  function drawNodes(st) {
    const rows = st.nodes.map((n) => {
      const state = !n.up ? h('span', { class: 'badge bad', title: n.error || '' }, 'down')
        : n.differs ? h('span', { class: 'badge warn', title: 'its tip is not the one most nodes have' }, 'tip differs')
          : n.syncing ? h('span', { class: 'badge warn' }, 'syncing') : h('span', { class: 'badge ok' }, 'ok');
      const swatch = h('span', { class: 'swatch' });
      swatch.style.backgroundColor = colors[n.name];
      return h('tr', { id: 'node-' + n.name, class: n.differs ? 'differs' : !n.up ? 'down' : null },
        h('td', {}, swatch), h('td', { class: 'name' }, n.name), h('td', {}, n.miner ? 'miner' : 'relay'),
        h('td', {}, state, n.up ? '' : h('div', { class: 'error small' }, n.error || '')),
        h('td', { class: 'height' }, n.up ? String(n.height) : '—'), h('td', {}, n.up ? chip(n.tipHash) : '—'),
        h('td', {}, n.up ? String(n.peers) : '—'), h('td', {}, n.up ? String(n.mempoolSize) : '—'),
        h('td', {}, ago(n.lastBlockMs, st.nowMs)),
        h('td', {}, h('a', { href: n.rpcUrl, target: '_blank', rel: 'noopener noreferrer', class: 'mono' },
          n.rpcUrl.replace(/^http:\/\//, '').replace(/\/$/, ''))));
    });
    $('nodes').tBodies[0].replaceChildren(...rows);
    const up = st.nodes.filter((n) => n.up).length;
    const badge = $('agreement');
    if (up === 0) {
      badge.textContent = 'no node answers';
      badge.className = 'badge bad';
    } else if (st.tips <= 1) {
      badge.textContent = (up === st.nodes.length ? 'all ' + up + ' nodes' : up + ' of ' + st.nodes.length + ' nodes')
        + ' agree at height ' + st.referenceHeight;
      badge.className = up === st.nodes.length ? 'badge ok' : 'badge warn';
    } else {
      badge.textContent = 'nodes disagree: ' + st.tips + ' different tips';
      badge.className = 'badge warn';
    }
    $('updated').textContent = 'updated ' + new Date(st.nowMs).toLocaleTimeString();
    $('updated').className = 'muted';
  }

  // ---------- height chart ----------

  function drawChart(st) {
    const W = 1000, H = 240, L = 56, R = 20, T = 14, B = 30;
    const now = st.nowMs;
    let t0 = now;
    let lo = Infinity, hi = -Infinity;
    for (const n of st.nodes) {
      for (const p of n.series) {
        t0 = Math.min(t0, p.t);
        lo = Math.min(lo, p.h);
        hi = Math.max(hi, p.h);
      }
    }
    t0 = Math.max(t0, now - st.historyMs);
    if (now - t0 < 60000) t0 = now - 60000;
    if (lo === Infinity) { lo = 0; hi = 1; }
    if (hi === lo) hi = lo + 1;
    const x = (t) => L + ((Math.max(t, t0) - t0) / (now - t0)) * (W - L - R);
    const y = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
    const parts = [];
    const raw = Math.max(1, (hi - lo) / 5);
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const yStep = [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw); // 1, 2, 5 x 10^k
    for (let v = Math.ceil(lo / yStep) * yStep; v <= hi; v += yStep) {
      parts.push(s('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }),
        s('text', { x: L - 8, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, String(v)));
    }
    const span = now - t0;
    const xStep = span > 300000 ? 120000 : span > 120000 ? 60000 : 15000;
    for (let dt = 0; dt <= span; dt += xStep) {
      const label = dt === 0 ? 'now' : '−' + (dt >= 60000 ? dt / 60000 + ' min' : dt / 1000 + ' s');
      parts.push(s('text', { x: x(now - dt), y: H - 8, class: 'axis', 'text-anchor': dt === 0 ? 'end' : 'middle' },
        label));
    }
    parts.push(s('line', { x1: L, x2: L, y1: T, y2: H - B, class: 'frame' }),
      s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'frame' }));
    st.nodes.forEach((n, i) => {
      if (n.series.length === 0) return;
      let d = 'M' + x(n.series[0].t).toFixed(1) + ' ' + y(n.series[0].h).toFixed(1);
      for (const p of n.series.slice(1)) d += 'H' + x(p.t).toFixed(1) + 'V' + y(p.h).toFixed(1);
      d += 'H' + x(now).toFixed(1);
      const last = n.series[n.series.length - 1];
      const offset = (i % 3) - 1; // keeps equal lines apart by a pixel so every node stays visible
      parts.push(s('path', { d, class: 'series' + (n.up ? '' : ' down'), stroke: colors[n.name], 'data-node': n.name,
        transform: 'translate(0 ' + offset + ')' }, s('title', {}, n.name + ': height ' + last.h)));
      if (n.differs || !n.up) {
        parts.push(s('circle', { cx: x(now), cy: y(last.h), r: 7, class: n.up ? 'differs-mark' : 'down-mark' },
          s('title', {}, n.name + (n.up ? ' has another tip' : ' is down'))));
      }
    });
    $('height-chart').replaceChildren(...parts);
    $('legend').replaceChildren(...st.nodes.map((n) => {
      const sw = h('span', { class: 'swatch' });
      sw.style.backgroundColor = colors[n.name];
      return h('span', { class: 'legend-item' }, sw, n.name);
    }));
  }

  // ---------- propagation timeline ----------

  function drawPropagation(st) {
    const rows = st.blocks.map((b) => {
      const times = Object.values(b.seen);
      const first = Math.min(...times);
      return { b, first, spread: Math.max(...times) - first };
    });
    const scale = Math.max(1000, ...rows.map((r) => r.spread));
    const W = 300, X0 = 8, X1 = 292;
    const body = rows.map(({ b, first, spread }) => {
      const n = Object.keys(b.seen).length;
      const marks = [s('line', { x1: X0, x2: X1, y1: 11, y2: 11, class: 'track' })];
      for (const node of st.nodes) {
        const t = b.seen[node.name];
        if (t === undefined) continue;
        marks.push(s('circle', { cx: X0 + ((t - first) / scale) * (X1 - X0), cy: 11, r: 5, fill: colors[node.name],
          class: 'seen' }, s('title', {}, node.name + ' +' + (t - first) + ' ms')));
      }
      return h('tr', { class: b.competing ? 'competing' : null },
        h('td', {}, String(b.height)),
        h('td', {}, chip(b.hash), b.competing ? h('span', { class: 'badge warn', title: 'another block at this height' },
          'fork') : ''),
        h('td', {}, n > 1 ? spread + ' ms' : '—', h('span', { class: 'muted small' }, ' ' + n + '/' + st.nodes.length)),
        h('td', {}, s('svg', { viewBox: '0 0 ' + W + ' 22', width: W, height: 22, class: 'timeline' }, marks)));
    });
    $('propagation').tBodies[0].replaceChildren(...body);
    document.querySelector('#propagation .timeline-head').textContent = 'Timeline (0 to ' + scale + ' ms)';
  }

  // ---------- peer graph ----------

  function drawGraph(st) {
    const CX = 230, CY = 185, RING = 140, NODE = 24;
    const pos = {};
    st.nodes.forEach((n, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / st.nodes.length;
      const r = st.nodes.length === 1 ? 0 : RING;
      pos[n.name] = [CX + r * Math.cos(a), CY + r * Math.sin(a)];
    });
    const parts = [s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8,
      markerHeight: 8, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' })))];
    for (const l of st.links) {
      const a = pos[l.from], b = pos[l.to];
      if (!a || !b) continue;
      const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy) || 1;
      const ux = dx / len, uy = dy / len;
      parts.push(s('line', { x1: a[0] + ux * NODE, y1: a[1] + uy * NODE, x2: b[0] - ux * (NODE + 2),
        y2: b[1] - uy * (NODE + 2), class: 'link', 'marker-end': 'url(#arrow)', 'data-from': l.from,
        'data-to': l.to }, s('title', {}, l.from + ' dialled ' + l.to)));
    }
    for (const n of st.nodes) {
      const [px, py] = pos[n.name];
      parts.push(s('g', { class: 'graph-node' + (n.differs ? ' differs' : '') + (n.up ? '' : ' down'),
        'data-name': n.name },
      s('circle', { cx: px, cy: py, r: NODE, fill: n.up ? colors[n.name] : '#c5ced6' }),
      s('text', { x: px, y: py + 4, class: 'graph-label', 'text-anchor': 'middle' }, n.name),
      s('text', { x: px, y: py + NODE + 15, class: 'graph-height', 'text-anchor': 'middle' },
        n.up ? 'height ' + n.height : 'down'),
      s('title', {}, n.name + (n.up ? ': ' + n.peers + ' peers' : ': ' + (n.error || 'down')))));
    }
    $('peer-graph').replaceChildren(...parts);
    $('external').textContent = st.externalPeers > 0
      ? st.externalPeers + ' link(s) to peers outside this testnet are not drawn.' : '';
  }

  // ---------- loop ----------

  async function tick() {
    try {
      const res = await fetch('/api/state', { cache: 'no-store' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const st = await res.json();
      colors = {};
      st.nodes.forEach((n, i) => { colors[n.name] = COLORS[i % COLORS.length]; });
      drawNodes(st);
      drawChart(st);
      drawPropagation(st);
      drawGraph(st);
    } catch (e) {
      $('updated').textContent = 'The dashboard server does not answer (' + e.message + '); is the testnet still up?';
      $('updated').className = 'error';
    }
  }

  tick();
  setInterval(() => {
    if (!document.hidden) tick();
  }, POLL_MS);
})();
