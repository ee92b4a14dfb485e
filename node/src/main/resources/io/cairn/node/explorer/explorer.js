// Cairn block explorer: one page, hash routes (#/block/<hash>), JSON-RPC 2.0 to this node (POST /)
// with the cookie token as a Bearer token. No framework, no build step, no other host contacted.
'use strict';

(() => {
  const POLL_MS = 2000;
  const RECENT_BLOCKS = 15;
  const HISTORY_PAGE = 25;
  const TOKEN_KEY = 'cairn.rpcToken';
  const UNITS = 100000000n;

  let token = sessionStorage.getItem(TOKEN_KEY);
  let info = null;          // the last chain_info
  let shown = '';           // route + tip of what #view shows, to skip needless redraws
  let seq = 0;              // newest refresh wins
  let timer = null;
  let needToken = false;    // the node refused the last call: wait for a token before polling again

  // ---------- DOM helpers (text only: never innerHTML with data) ----------

  function h(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids.flat(Infinity)) {
      if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
    }
    return e;
  }
  const $ = (id) => document.getElementById(id);
  const link = (href, text, cls) => h('a', { href, class: cls }, text);
  const mono = (text, title) => h('span', { class: 'mono', title }, text);

  function table(headers, rows, empty, id) {
    if (rows.length === 0) return h('p', { class: 'muted empty' }, empty);
    return h('div', { class: 'table-wrap' },
      h('table', { id }, h('thead', {}, h('tr', {}, headers.map((t) => h('th', {}, t)))),
        h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))))));
  }

  function facts(pairs, id) {
    return h('dl', { class: 'facts', id }, pairs.filter(Boolean).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  // ---------- formatting ----------

  const short = (hex) => (hex && hex.length > 16 ? hex.slice(0, 10) + '…' + hex.slice(-6) : hex || '');
  const shortAddr = (a) => (a && a.length > 24 ? a.slice(0, 14) + '…' + a.slice(-6) : a || '');

  function crn(units) {
    if (units === null || units === undefined) return '';
    const u = BigInt(units);
    const whole = (u / UNITS).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const frac = (u % UNITS).toString().padStart(8, '0').replace(/0+$/, '');
    return whole + (frac ? '.' + frac : '') + ' CRN';
  }

  function when(ms) {
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  }

  function ago(ms) {
    const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 90) return s + ' s ago';
    if (s < 5400) return Math.round(s / 60) + ' min ago';
    if (s < 129600) return Math.round(s / 3600) + ' h ago';
    return Math.round(s / 86400) + ' d ago';
  }

  const time = (ms) => h('span', { title: when(ms) }, ago(ms));
  const blockLink = (hash, text) => link('#/block/' + hash, text || short(hash), 'block-link mono');
  const txLink = (txid) => link('#/tx/' + txid, short(txid), 'tx-link mono');
  const addrLink = (a, full) => (a ? link('#/address/' + encodeURIComponent(a), full ? a : shortAddr(a), 'addr-link mono')
    : '—');

  // ---------- JSON-RPC ----------

  class RpcError extends Error {
    constructor(e) {
      super(e.message);
      this.code = e.code;
      this.reason = e.data && e.data.reason;
    }
  }
  class AuthNeeded extends Error {}

  /** Calls [[method, params], ...] in one HTTP batch; each slot is a result or an RpcError. */
  async function batch(calls) {
    const body = calls.map(([method, params], id) =>
      (params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params }));
    const res = await fetch('/', {
      method: 'POST',
      cache: 'no-store',
      headers: token ? { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }
        : { 'Content-Type': 'application/json' }, // a node started with --rpc-no-auth needs none
      body: JSON.stringify(body),
    });
    if (res.status === 401) throw new AuthNeeded('the node refused the token');
    if (!res.ok) throw new Error('HTTP ' + res.status + ' from the node');
    const out = new Array(calls.length);
    for (const r of await res.json()) out[r.id] = r.error ? new RpcError(r.error) : r.result;
    return out;
  }

  const must = (r) => {
    if (r instanceof Error) throw r;
    return r;
  };

  // ---------- views: each gives the calls it needs and draws their answers ----------

  function statusCards(i, mempool) {
    const card = (label, value, id) => h('div', { class: 'stat' }, h('div', { class: 'label' }, label),
      h('div', { class: 'value', id }, value));
    return h('div', { class: 'stats' },
      card('Height', String(i.height), 'tip-height'),
      card('Tip', blockLink(i.tipHash), 'tip-hash'),
      card('State', h('span', { class: i.syncing ? 'badge warn' : 'badge ok' }, i.syncing ? 'syncing' : 'in sync'),
        'sync-state'),
      card('Peers', link('#/peers', String(i.peers)), 'peer-count'),
      card('Mempool', link('#/mempool', i.mempoolSize + ' tx' + (mempool ? ' · ' + kb(mempool.bytes) : '')),
        'mempool-size'),
      card('Total work', mono(i.totalWork)));
  }

  const kb = (bytes) => (bytes < 1024 ? bytes + ' B' : (bytes / 1024).toFixed(1) + ' KiB');

  function blockRows(blocks) {
    return blocks.filter((b) => !(b instanceof Error)).map((b) => [
      link('#/block/' + b.hash, String(b.height), 'block-link'), blockLink(b.hash), String(b.txCount),
      addrLink(b.miner), time(b.timestamp), kb(b.size)]);
  }

  function mempoolTable(content, limit) {
    const rows = content.transactions.slice(0, limit).map((t) => [txLink(t.txid), addrLink(t.from),
      addrLink(t.to), crn(t.amount), crn(t.fee), String(t.nonce), memo(t)]);
    return table(['Txid', 'From', 'To', 'Amount', 'Fee', 'Nonce', 'Memo'], rows, 'The mempool is empty.', 'mempool');
  }

  function peersTable(peers) {
    const rows = peers.map((p) => [mono(p.nodeId), mono(p.address),
      h('span', { class: 'badge ' + (p.direction === 'outbound' ? 'out' : 'in') }, p.direction),
      String(p.height), p.pingMs === null ? '—' : p.pingMs + ' ms', time(p.connectedSince), p.userAgent,
      kb(p.bytesIn) + ' / ' + kb(p.bytesOut)]);
    return table(['Node id', 'Address', 'Direction', 'Height', 'Ping', 'Connected', 'Agent', 'In / out'], rows,
      'No peers connected.', 'peers');
  }

  const memo = (t) => (t.memo ? (t.memoText !== null ? t.memoText : mono(short(t.memo))) : '');

  const views = [
    {
      route: /^#?\/?$/, live: true,
      calls: (i) => {
        const c = [['mempool_info'], ['mempool_content', { limit: 10 }], ['net_peers']];
        for (let k = 0; k < RECENT_BLOCKS && i.height - k >= 0; k++) c.push(['chain_getBlock', { height: i.height - k }]);
        return c;
      },
      draw: (i, [mi, mc, peers, ...blocks]) => [
        statusCards(i, must(mi)),
        h('section', {}, h('h2', {}, 'Recent blocks'),
          table(['Height', 'Hash', 'Txs', 'Miner', 'Time', 'Size'], blockRows(blocks), 'No blocks yet.', 'recent-blocks')),
        h('div', { class: 'columns' },
          h('section', {}, h('h2', {}, link('#/mempool', 'Mempool'), ' ', h('span', { class: 'muted' },
            must(mc).size + ' pending')), mempoolTable(must(mc), 10)),
          h('section', {}, h('h2', {}, link('#/peers', 'Peers')), peersTable(must(peers)))),
      ],
    },
    {
      route: /^#\/mempool$/, live: true,
      calls: () => [['mempool_info'], ['mempool_content', { limit: 500 }]],
      draw: (i, [mi, mc]) => {
        const m = must(mi);
        return [h('h1', {}, 'Mempool'),
          facts([['Pending', String(m.size)], ['Bytes', kb(m.bytes) + ' of ' + kb(m.maxBytes)],
            ['Lowest fee accepted', crn(m.minFee)]], 'mempool-facts'),
          mempoolTable(must(mc), 500)];
      },
    },
    {
      route: /^#\/peers$/, live: true,
      calls: () => [['net_info'], ['net_peers']],
      draw: (i, [ni, peers]) => {
        const n = must(ni);
        return [h('h1', {}, 'Peers'),
          facts([['This node', mono(n.nodeId)], ['Listening', mono(n.listenAddress)],
            ['Outbound / inbound', n.outbound + ' / ' + n.inbound], ['Known addresses', String(n.knownAddresses)]],
            'net-facts'),
          peersTable(must(peers))];
      },
    },
    {
      route: /^#\/block\/([0-9a-fA-F]{64}|\d+)$/,
      calls: (i, [id]) => [['chain_getBlock', /^\d+$/.test(id) ? { height: Number(id), full: true }
        : { hash: id.toLowerCase(), full: true }]],
      draw: (i, [r]) => {
        const b = must(r);
        const nav = [];
        if (b.height > 0) nav.push(link('#/block/' + b.prevHash, '← previous', 'block-link'));
        if (b.mainChain && b.height < i.height) nav.push(link('#/block/' + (b.height + 1), 'next →', 'block-link'));
        return [h('h1', { id: 'block-page' }, 'Block ', h('span', { id: 'block-height' }, String(b.height)),
          b.mainChain ? '' : h('span', { class: 'badge warn' }, 'not on the main chain')),
        h('p', { class: 'nav' }, nav),
        facts([['Hash', mono(b.hash)], ['Previous', b.height > 0 ? blockLink(b.prevHash, b.prevHash) : '—'],
          ['Time', when(b.timestamp) + ' (' + ago(b.timestamp) + ')'], ['Miner', addrLink(b.miner, true)],
          ['Transactions', String(b.txCount)], ['Size', b.size + ' bytes'], ['Confirmations', String(b.confirmations)],
          ['Merkle root', mono(b.merkleRoot)], ['Target (bits)', mono(b.bits)], ['Nonce', mono(b.nonce)],
          ['Version', String(b.version)]], 'block-facts'),
        h('h2', {}, 'Transactions'),
        table(['#', 'Txid', 'From', 'To', 'Amount', 'Fee', 'Memo'], (b.transactions || []).map((t, k) => [String(k),
          txLink(t.txid), addrLink(t.from), addrLink(t.to), crn(t.amount), crn(t.fee), memo(t)]),
        'No transactions: the miner took only the block reward.', 'block-txs')];
      },
    },
    {
      route: /^#\/tx\/([0-9a-fA-F]{64})$/,
      calls: (i, [id]) => [['chain_getTransaction', { txid: id.toLowerCase() }]],
      draw: (i, [r]) => {
        const t = must(r);
        const confirmed = t.status === 'confirmed';
        return [h('h1', { id: 'tx-page' }, 'Transaction ',
          h('span', { class: confirmed ? 'badge ok' : 'badge warn' }, t.status)),
        facts([['Txid', mono(t.txid)], ['From', addrLink(t.from, true)], ['To', addrLink(t.to, true)], ['Amount', crn(t.amount)],
          ['Fee', crn(t.fee)], ['Nonce', String(t.nonce)],
          ['Block', confirmed ? [blockLink(t.blockHash, String(t.height)), ' (position ' + t.index + ')'] : 'pending'],
          ['Confirmations', String(t.confirmations)], t.memo ? ['Memo', memo(t)] : null, ['Size', t.size + ' bytes'],
          ['Sender key', mono(t.fromKey)], ['Signature', mono(short(t.signature), t.signature)]], 'tx-facts')];
      },
    },
    {
      route: /^#\/address\/([^/]+)(?:\/before\/([0-9a-f]{64}))?$/,
      calls: (i, [enc, before]) => {
        const address = decodeURIComponent(enc);
        const p = { address, limit: HISTORY_PAGE };
        if (before) p.before = before;
        return [['state_getAccount', { address }], ['state_getHistory', p]];
      },
      draw: (i, [acc, hist], [enc, before]) => {
        const a = must(acc);
        const page = must(hist);
        const dir = (d) => h('span', { class: 'badge ' + (d === 'in' ? 'in' : d === 'out' ? 'out' : '') }, d);
        const other = (t) => (t.direction === 'in' ? addrLink(t.from) : addrLink(t.to));
        return [h('h1', { id: 'address-page' }, 'Address'),
          h('p', { class: 'mono big' }, a.address),
          facts([['Balance', h('span', { id: 'balance' }, crn(a.balance))], ['Nonce (confirmed)', String(a.nonce)],
            ['Next nonce (with pending)', String(a.pendingNonce)]], 'account-facts'),
          h('h2', {}, 'History', before ? h('span', { class: 'muted' }, ' (older page)') : ''),
          table(['Time', 'Block', 'Txid', 'Direction', 'Counterparty', 'Amount', 'Fee'], page.transactions.map((t) => [
            time(t.timestamp), blockLink(t.blockHash, String(t.height)), txLink(t.txid), dir(t.direction), other(t),
            crn(t.amount), crn(t.fee)]), 'No confirmed transactions.', 'history'),
          h('p', { class: 'nav' }, before ? link('#/address/' + enc, '← newest') : '', ' ',
            page.next ? link('#/address/' + enc + '/before/' + page.next, 'older →') : '')];
      },
    },
  ];

  // ---------- refresh loop ----------

  function currentView() {
    const hash = location.hash || '#/';
    for (const v of views) {
      const m = v.route.exec(hash);
      if (m) return { v, args: m.slice(1), hash };
    }
    return null;
  }

  async function refresh(force) {
    const mine = ++seq;
    const cur = currentView();
    try {
      const [ci] = await batch([['chain_info']]);
      const i = must(ci);
      if (mine !== seq) return;
      info = i;
      $('auth').hidden = true;
      drawStatus(i);
      if (!cur) {
        shown = '';
        $('view').replaceChildren(h('h1', {}, 'Nothing here'), h('p', {}, 'No page at ', mono(location.hash), '. ',
          link('#/', 'Back to the overview')));
        return;
      }
      const key = cur.hash + '@' + i.tipHash;
      if (!force && !cur.v.live && key === shown) return;
      const results = await batch(cur.v.calls(i, cur.args));
      if (mine !== seq) return;
      let nodes;
      try {
        nodes = cur.v.draw(i, results, cur.args);
      } catch (e) {
        if (!(e instanceof RpcError)) throw e;
        nodes = [h('h1', {}, e.reason === 'not-found' ? 'Not found' : 'The node refused'),
          h('p', { class: 'error' }, e.message), link('#/', 'Back to the overview')];
      }
      $('view').replaceChildren(...nodes);
      shown = key;
    } catch (e) {
      if (mine !== seq) return;
      if (e instanceof AuthNeeded) {
        const refused = token !== null;
        token = null;
        needToken = true; // stop polling until a token is given
        sessionStorage.removeItem(TOKEN_KEY);
        askToken(refused ? 'The node refused this token (a restarted node writes a new one).' : '');
      } else {
        $('status-line').textContent = 'Cannot reach the node: ' + e.message;
        $('status-line').className = 'error';
      }
    }
  }

  function drawStatus(i) {
    $('network').textContent = i.network;
    document.title = 'Cairn explorer · ' + i.network + ' · ' + i.height;
    const s = $('status-line');
    s.className = 'muted';
    s.textContent = i.network + ' · height ' + i.height + ' · ' + (i.syncing ? 'syncing' : 'in sync') + ' · '
      + i.peers + ' peers · updated ' + new Date().toLocaleTimeString();
  }

  function schedule() {
    clearInterval(timer);
    timer = setInterval(() => {
      if (!document.hidden && !needToken) refresh(false);
    }, POLL_MS);
  }

  // ---------- token ----------

  /** A URL like http://127.0.0.1:7421/#token=<hex> (or #/block/<hash>&token=<hex>) hands the token over once. */
  function takeTokenFromFragment() {
    const m = /(^#|[#&?])token=([^&]+)/.exec(location.hash);
    if (!m) return;
    token = decodeURIComponent(m[2]).trim();
    needToken = false;
    sessionStorage.setItem(TOKEN_KEY, token);
    const rest = location.hash.replace(/[#&?]?token=[^&]*/, '').replace(/^#?&/, '#');
    history.replaceState(null, '', location.pathname + (rest.startsWith('#/') ? rest : '#/'));
  }

  function askToken(why) {
    $('auth').hidden = false;
    $('auth-error').textContent = why;
    $('view').replaceChildren();
    shown = '';
    $('status-line').textContent = 'Not connected: token needed';
    $('token-input').focus();
  }

  // ---------- search ----------

  async function search(raw) {
    const q = raw.trim();
    const note = $('notice');
    note.hidden = true;
    if (/^\d+$/.test(q)) {
      location.hash = '#/block/' + Number(q);
      return;
    }
    const hex = q.replace(/^0x/i, '').toLowerCase();
    if (/^[0-9a-f]{64}$/.test(hex)) {
      const [b, t] = await batch([['chain_getBlock', { hash: hex }], ['chain_getTransaction', { txid: hex }]]);
      if (!(b instanceof Error)) location.hash = '#/block/' + hex;
      else if (!(t instanceof Error)) location.hash = '#/tx/' + hex;
      else show('No block or transaction ' + short(hex) + ' on this node.');
      return;
    }
    const prefix = info ? info.addressPrefix + '1' : '1';
    if (q.toLowerCase().startsWith(prefix)) {
      location.hash = '#/address/' + encodeURIComponent(q.toLowerCase());
      return;
    }
    show('Search takes a block height, a block hash, a txid or an address (' + prefix + '…).');

    function show(text) {
      note.textContent = text;
      note.hidden = false;
    }
  }

  // ---------- start ----------

  function start() {
    takeTokenFromFragment();
    window.addEventListener('hashchange', () => {
      $('notice').hidden = true;
      takeTokenFromFragment();
      refresh(true);
    });
    $('search').addEventListener('submit', (e) => {
      e.preventDefault();
      search($('search-input').value).catch((err) => {
        if (err instanceof AuthNeeded) askToken('');
      });
    });
    $('auth-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const t = $('token-input').value.trim();
      if (!t) return;
      token = t;
      needToken = false;
      sessionStorage.setItem(TOKEN_KEY, t);
      $('token-input').value = '';
      refresh(true);
    });
    $('forget-token').addEventListener('click', () => {
      token = null;
      needToken = true;
      sessionStorage.removeItem(TOKEN_KEY);
      askToken('');
    });
    refresh(true); // without a token the node answers 401 and the page asks for one
    schedule();
  }

  start();
})();
