// Manage (managers only). Ids: #accounts-body (tr[data-username] with select[data-testid="account-role"],
// button[data-testid="account-link"], button[data-testid="account-delete"]), #pending-list,
// #account-form, #account-username, #account-role, #account-create, #account-error,
// #setup-link-box, #setup-link, #setup-link-copy, #access-log-body (tr[data-testid="access-row"]),
// #access-log-refresh.
import { api, el, fill, session, toast, topbar, when } from './common.js';

const me = await session();
topbar(me, 'nav-manage');
const $ = (name) => document.getElementById(name);

function showLink(link) {
  $('setup-link-box').hidden = false;
  $('setup-link-label').textContent = `Setup link for ${link.username} (${link.role})`;
  $('setup-link').value = link.setupUrl;
  $('setup-link').select();
}

function accountRow(account) {
  const role = el('select', { testid: 'account-role', attrs: { 'aria-label': `Role of ${account.username}` } },
    el('option', { text: 'Agent', attrs: { value: 'agent', selected: account.role === 'agent' } }),
    el('option', { text: 'Manager', attrs: { value: 'manager', selected: account.role === 'manager' } }));
  role.addEventListener('change', async () => {
    try {
      await api(`/api/accounts/${encodeURIComponent(account.username)}`, { method: 'PUT', body: { role: role.value } });
      toast(`${account.name} is now ${role.value === 'manager' ? 'a manager' : 'an agent'}.`);
    } catch (e) {
      toast(e.message, 'error');
    }
    load();
  });
  const link = el('button', { text: 'New setup link', testid: 'account-link', attrs: { type: 'button' } });
  link.addEventListener('click', async () => {
    try {
      showLink(await api(`/api/accounts/${encodeURIComponent(account.username)}/setup-link`, { method: 'POST' }));
      load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });
  const remove = el('button', { class: 'danger', text: 'Delete', testid: 'account-delete', attrs: { type: 'button' } });
  remove.addEventListener('click', async () => {
    if (!window.confirm(`Delete the account of ${account.name}? They will be logged out at once.`)) return;
    try {
      await api(`/api/accounts/${encodeURIComponent(account.username)}`, { method: 'DELETE' });
      toast('Account deleted.');
    } catch (e) {
      toast(e.message, 'error');
    }
    load();
  });
  return el('tr', { dataset: { username: account.username }, testid: 'account-row' },
    el('td', {}, el('strong', { text: account.name }), account.onRoster ? null
      : el('span', { class: 'chip sens-1', text: 'not on the roster' })),
    el('td', { class: 'muted', text: account.username }),
    el('td', {}, role),
    el('td', { class: 'muted small', text: when(account.passwordSetAt) }),
    el('td', { class: 'actions-cell' }, link, account.username === me.username ? null : remove));
}

async function load() {
  const [data, staff] = await Promise.all([api('/api/accounts'), api('/api/staff')]);
  fill($('accounts-body'), data.accounts.map(accountRow));
  fill($('pending-list'), data.pending.map((p) => {
    const withdraw = el('button', { class: 'danger', text: 'Withdraw', attrs: { type: 'button' } });
    withdraw.addEventListener('click', async () => {
      await api(`/api/accounts/${encodeURIComponent(p.username)}`, { method: 'DELETE' }).catch((e) => toast(e.message, 'error'));
      load();
    });
    return el('li', { class: 'form-row', dataset: { username: p.username } },
      el('span', { class: 'grow' }, el('strong', { text: p.name }), ` (${p.username}, ${p.role})`),
      el('span', { class: 'muted small', text: `link valid until ${when(p.expiresAt)}` }), withdraw);
  }));
  $('pending-empty').hidden = data.pending.length > 0;
  const taken = new Set([...data.accounts, ...data.pending].map((a) => a.username));
  const free = staff.filter((s) => !taken.has(s.id));
  fill($('account-username'), free.length
    ? free.map((s) => el('option', { text: `${s.name} (${s.id})`, attrs: { value: s.id } }))
    : el('option', { text: 'Everyone on the roster has an account or a link', attrs: { value: '' } }));
  $('account-create').disabled = free.length === 0;
}

const LOG_PAGE = 200;
let logOffset = 0;

function localToIso(value) {
  return value ? new Date(value).toISOString() : '';
}

async function loadLog() {
  const query = new URLSearchParams({ limit: String(LOG_PAGE), offset: String(logOffset) });
  const filters = { user: $('access-user').value.trim(), handoff: $('access-handoff').value.trim(),
    action: $('access-action').value.trim(), from: localToIso($('access-from').value),
    to: localToIso($('access-to').value) };
  for (const [name, value] of Object.entries(filters)) {
    if (value) query.set(name, value);
  }
  let data;
  try {
    data = await api(`/api/access-log?${query}`);
  } catch (e) {
    toast(e.message, 'error');
    return;
  }
  $('access-newer').disabled = logOffset === 0;
  $('access-older').disabled = !data.more;
  $('access-page').textContent = data.entries.length
    ? `${logOffset + 1}–${logOffset + data.entries.length}` : '';
  fill($('access-log-body'), data.entries.length ? data.entries.map((e) => el('tr', { testid: 'access-row' },
    el('td', { class: 'at', text: when(e.at) }),
    el('td', { text: e.username }),
    el('td', { text: e.what }),
    el('td', {}, e.handoffId !== null && e.handoffId !== undefined
      ? el('a', { attrs: { href: `/handoffs/${e.handoffId}` }, text: `#${e.handoffId}` }) : ''),
    el('td', { class: 'muted small', text: e.remoteAddress || '' })))
    : el('tr', {}, el('td', { class: 'muted', text: 'Nothing yet.', attrs: { colspan: 5 } })));
}

$('account-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('account-error').textContent = '';
  try {
    showLink(await api('/api/accounts', { method: 'POST',
      body: { username: $('account-username').value, role: $('account-role').value } }));
    load();
    loadLog();
  } catch (e) {
    $('account-error').textContent = e.message;
  }
});
$('setup-link-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('setup-link').value);
    toast('Copied.');
  } catch (e) {
    $('setup-link').select();
    toast('Select the link and copy it by hand.');
  }
});
$('access-log-refresh').addEventListener('click', loadLog);
$('access-filter').addEventListener('submit', (event) => {
  event.preventDefault();
  logOffset = 0;
  loadLog();
});
$('access-older').addEventListener('click', () => {
  logOffset += LOG_PAGE;
  loadLog();
});
$('access-newer').addEventListener('click', () => {
  logOffset = Math.max(0, logOffset - LOG_PAGE);
  loadLog();
});

load();
loadLog();
