/**
 * The pages' passkey script, served from /ui/passkeys.js (a file of our own origin, so the CSP's
 * `script-src 'self'` allows it) on the pages that offer passkeys. WebAuthn has no form to post:
 * a passkey is made and used by the browser's own `navigator.credentials`, so adding one and
 * signing in with one need this script; without it (or without passkey support in the browser)
 * those buttons stay hidden and the recovery code still works. It speaks the JSON API, converting
 * WebAuthn's binary fields to and from base64url.
 */
export const PASSKEY_SCRIPT_PATH = '/ui/passkeys.js';

export const PASSKEY_SCRIPT = String.raw`'use strict';
(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  function toBytes(text) {
    var bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function post(path, body) {
    var init = { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } };
    if (body) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(
      function (res) {
        return res.json().then(
          function (data) {
            if (res.ok) return data;
            throw new Error((data && data.error && data.error.message) || 'The request failed (' + res.status + ').');
          },
          function () { throw new Error('The request failed (' + res.status + ').'); }
        );
      },
      function () { throw new Error('Could not reach Loop Coach. Check your connection and try again.'); }
    );
  }

  // The browser's own refusals, in words: the person cancelled or waited too long, or the device already holds one.
  function browserRefusal(error) {
    if (error && error.name === 'NotAllowedError') return 'No passkey was used: it was cancelled, or took too long. Try again when you are ready.';
    if (error && error.name === 'InvalidStateError') return 'This device already holds a passkey for this account.';
    if (error && error.name === 'SecurityError') return 'Passkeys need this site to be reached by its name (like localhost), over https elsewhere.';
    return (error && error.message) || 'The passkey did not work.';
  }

  function say(el, text) {
    if (!el) return;
    el.textContent = text;
    el.hidden = !text;
    if (text) el.focus();
  }

  function addPasskey(form) {
    var alertBox = document.getElementById(form.getAttribute('data-alert'));
    var button = form.querySelector('button[type=submit]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      say(alertBox, '');
      button.disabled = true;
      var name = String(new FormData(form).get('name') || '').trim();
      post('/api/me/passkeys/options')
        .then(function (options) {
          var publicKey = Object.assign({}, options, {
            challenge: toBytes(options.challenge),
            user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
            excludeCredentials: options.excludeCredentials.map(function (c) { return Object.assign({}, c, { id: toBytes(c.id) }); })
          });
          return navigator.credentials.create({ publicKey: publicKey }).catch(function (e) { throw new Error(browserRefusal(e)); });
        })
        .then(function (credential) {
          var response = credential.response;
          var body = {
            credential: {
              id: credential.id,
              rawId: toText(credential.rawId),
              type: credential.type,
              response: {
                clientDataJSON: toText(response.clientDataJSON),
                attestationObject: toText(response.attestationObject),
                transports: typeof response.getTransports === 'function' ? response.getTransports() : []
              }
            }
          };
          if (name) body.name = name;
          return post('/api/me/passkeys', body);
        })
        .then(
          function () { location.assign('/account?added=passkey'); },
          function (error) {
            button.disabled = false;
            say(alertBox, error.message);
          }
        );
    });
  }

  function signIn(button) {
    var alertBox = document.getElementById(button.getAttribute('data-alert'));
    button.addEventListener('click', function () {
      say(alertBox, '');
      button.disabled = true;
      post('/api/auth/passkey/options')
        .then(function (options) {
          var publicKey = Object.assign({}, options, { challenge: toBytes(options.challenge) });
          return navigator.credentials.get({ publicKey: publicKey }).catch(function (e) { throw new Error(browserRefusal(e)); });
        })
        .then(function (credential) {
          var response = credential.response;
          return post('/api/auth/passkey', {
            credential: {
              id: credential.id,
              rawId: toText(credential.rawId),
              type: credential.type,
              response: {
                clientDataJSON: toText(response.clientDataJSON),
                authenticatorData: toText(response.authenticatorData),
                signature: toText(response.signature),
                userHandle: response.userHandle ? toText(response.userHandle) : null
              }
            }
          });
        })
        .then(
          function () { location.assign('/account?signed-in=1'); },
          function (error) {
            button.disabled = false;
            say(alertBox, error.message);
          }
        );
    });
  }

  document.querySelectorAll('[data-passkey-only]').forEach(function (el) { el.hidden = false; });
  document.querySelectorAll('[data-passkey-missing]').forEach(function (el) { el.hidden = true; });
  document.querySelectorAll('form[data-passkey-add]').forEach(addPasskey);
  document.querySelectorAll('button[data-passkey-sign-in]').forEach(signIn);
})();
`;
