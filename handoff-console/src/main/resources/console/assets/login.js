// Login page. Ids: #login-form, #login-username, #login-password, #login-submit, #login-error.
// The form token comes from GET /api/csrf (an HttpOnly cookie plus the same value for the header).
import { api } from './common.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');
let formToken = null;

// The server sends a logged-in person from /login straight to the queue.
async function start() {
  formToken = (await api('/api/csrf')).csrfToken;
  document.getElementById('login-username').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const username = document.getElementById('login-username').value.trim();
  const password = document.getElementById('login-password').value;
  if (!username || !password) {
    error.textContent = 'Enter your user name and password.';
    return;
  }
  submit.disabled = true;
  try {
    if (!formToken) formToken = (await api('/api/csrf')).csrfToken;
    await api('/api/login', { method: 'POST', body: { username, password }, csrf: formToken, allow401: true });
    window.location.assign('/');
  } catch (e) {
    error.textContent = e.message;
    document.getElementById('login-password').select();
  } finally {
    submit.disabled = false;
  }
});

start();
