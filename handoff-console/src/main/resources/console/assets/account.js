// Account page. Ids: #password-form, #password-current, #password-new, #password-new2,
// #password-submit, #password-status.
import { api, session, topbar, toast } from './common.js';

const me = await session();
topbar(me, 'nav-account');
document.getElementById('password-username').value = me.username;
document.getElementById('account-who').textContent = `${me.name} · user name ${me.username} · ${me.role}`;

const status = document.getElementById('password-status');
document.getElementById('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = '';
  const current = document.getElementById('password-current').value;
  const fresh = document.getElementById('password-new').value;
  if (fresh !== document.getElementById('password-new2').value) {
    status.textContent = 'The two new passwords differ.';
    return;
  }
  try {
    await api('/api/password', { method: 'POST', body: { current, new: fresh } });
    event.target.reset();
    toast('Password changed.');
  } catch (e) {
    status.textContent = e.message;
  }
});
