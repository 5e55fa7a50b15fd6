// First-time password page (/setup?token=…). Ids: #setup-form, #setup-password, #setup-password2,
// #setup-submit, #setup-error, #setup-who, #setup-invalid.
import { api } from './common.js';

const token = new URLSearchParams(window.location.search).get('token') || '';
const form = document.getElementById('setup-form');
const who = document.getElementById('setup-who');
const error = document.getElementById('setup-error');
const invalid = document.getElementById('setup-invalid');
let formToken = null;

async function start() {
  try {
    const info = await api(`/api/setup?token=${encodeURIComponent(token)}`, { allow401: true });
    who.textContent = `For ${info.name} (${info.username}), who will be ${info.role === 'manager' ? 'a manager' : 'an agent'}.`;
    document.getElementById('setup-username').value = info.username;
    form.hidden = false;
    formToken = (await api('/api/csrf')).csrfToken;
    document.getElementById('setup-password').focus();
  } catch (e) {
    who.textContent = '';
    invalid.textContent = e.message;
    invalid.hidden = false;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const password = document.getElementById('setup-password').value;
  if (password.length < 10) {
    error.textContent = 'The password must be at least 10 characters long.';
    return;
  }
  if (password !== document.getElementById('setup-password2').value) {
    error.textContent = 'The two passwords differ.';
    return;
  }
  const button = document.getElementById('setup-submit');
  button.disabled = true;
  try {
    await api('/api/setup', { method: 'POST', body: { token, password }, csrf: formToken, allow401: true });
    window.history.replaceState(null, '', '/setup');
    window.location.assign('/');
  } catch (e) {
    error.textContent = e.message;
  } finally {
    button.disabled = false;
  }
});

start();
