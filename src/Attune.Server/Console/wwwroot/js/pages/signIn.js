// Sign-in (sigv4 mode): the access key is exchanged for an HttpOnly session cookie; the secret is sent once, never
// stored in the browser.
import { h, field, heading } from '../dom.js';
import { consoleApi } from '../api.js';
import { apiForm } from '../ui.js';

export async function render(main, { params, session, signedIn }) {
  if (session.authMode !== 'sigv4' || session.signedIn) {
    main.append(heading('Sign in'), h('p', {}, session.authMode === 'sigv4' ? `Signed in as ${session.accessKeyId}.` : 'This server needs no sign-in (auth mode none).'),
      h('p', {}, h('a', { href: '/console/' }, 'Open the console')));
    return;
  }
  const keyId = h('input', { required: true, autocomplete: 'username', spellcheck: 'false' });
  const secret = h('input', { type: 'password', required: true, autocomplete: 'current-password' });
  const form = apiForm('Sign in', [field('Access key id', keyId), field('Secret access key', secret)], 'Sign in', async () => {
    try {
      await consoleApi.signIn(keyId.value, secret.value);
    } finally {
      secret.value = '';
    }
    await signedIn(params.get('next'));
  });
  main.append(heading('Sign in to Attune'),
    h('p', {}, 'This server signs API calls with SigV4. Sign in with one of its access keys; the console keeps a session cookie for 8 hours, never the secret.'),
    h('div', { class: 'narrow' }, form));
}
