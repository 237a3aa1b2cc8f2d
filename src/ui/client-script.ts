/**
 * The pages' only script, served from /ui/app.js (never inline, so the CSP needs no
 * 'unsafe-inline'). Every page works without it; with it, replies stream in token by token and
 * forms answer without a reload. It calls the JSON API, which accepts the page's cookie.
 */
export const CLIENT_SCRIPT = String.raw`'use strict';
(function () {
  var JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
  // Which element takes focus once the next page has loaded (the debrief's heading after ending).
  var FOCUS_KEY = 'loop-coach:focus';

  // The API's own words for a refusal: its field issues, each led by the field's data-label (as the
  // no-script form routes word them), else its message. "Invalid json." alone would say nothing.
  function refusalText(e, status) {
    var issues = e && Array.isArray(e.details) ? e.details.filter(function (d) { return d && typeof d.message === 'string'; }) : [];
    if (!issues.length) return (e && e.message) || 'The request failed (' + status + ').';
    return issues.map(function (d) {
      var path = String(d.path || '');
      var field = path && document.querySelector('[name="' + CSS.escape(path.split('.').pop()) + '"][data-label]');
      var text = ((field ? field.getAttribute('data-label') : path) + ' ' + d.message).trim();
      return /[.!?]$/.test(text) ? text : text + '.';
    }).join(' ');
  }

  function errorOf(body, status) {
    var e = body && body.error;
    return { code: (e && e.code) || 'http_' + status, message: refusalText(e, status), details: e && e.details };
  }

  // One request to the JSON API: { ok, status, body } or { ok: false, error } on any failure.
  function callApi(path, opts) {
    return fetch(path, Object.assign({ credentials: 'same-origin' }, opts)).then(
      function (res) {
        if (res.status === 204) return { ok: true, status: 204, body: null };
        return res.json().then(
          function (body) {
            return res.ok ? { ok: true, status: res.status, body: body } : { ok: false, status: res.status, error: errorOf(body, res.status) };
          },
          function () { return { ok: false, status: res.status, error: errorOf(null, res.status) }; }
        );
      },
      function () { return { ok: false, status: 0, error: { code: 'network', message: 'Could not reach Loop Coach. Check your connection and try again.' } }; }
    );
  }

  // The one status region every page has: what the script did, read out once, where no focus move says it.
  function announce(text) {
    var region = document.getElementById('announcer');
    if (!region) return;
    region.textContent = '';
    region.textContent = text;
  }

  function showAlert(el, message) {
    if (!el) return;
    el.textContent = message;
    el.hidden = !message;
  }

  function busy(button, label) {
    if (!button) return function () {};
    var before = button.textContent;
    button.disabled = true;
    if (label) button.textContent = label;
    return function () { button.disabled = false; button.textContent = before; };
  }

  // Reads a text/event-stream response, calling onEvent(name, data) for each event.
  function readEvents(res, onEvent) {
    var reader = res.body.getReader();
    var decoder = new TextDecoder();
    var buffer = '';
    function flush(block) {
      var name = 'message';
      var data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf('event:') === 0) name = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          if (buffer.trim()) flush(buffer);
          return;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        var blocks = buffer.split(/\r?\n\r?\n/);
        buffer = blocks.pop();
        blocks.forEach(function (b) { if (b.trim()) flush(b); });
        return pump();
      });
    }
    return pump();
  }

  // A live count under each text box with a limit: a warning near it, how far over past it. Nothing
  // is cut (no maxlength): a long paste stays whole, and the API's refusal says what to do.
  function counters() {
    document.querySelectorAll('textarea[data-max]').forEach(function (box) {
      var max = Number(box.getAttribute('data-max'));
      var counter = document.getElementById(box.id + '-count');
      var status = document.getElementById(box.id + '-status');
      if (!counter) return;
      var said = 'ok';
      function update() {
        var n = box.value.length;
        var state = n > max ? 'over' : n >= max * 0.9 ? 'near' : 'ok';
        var text = n.toLocaleString('en') + ' / ' + max.toLocaleString('en') + ' characters';
        if (state === 'over') text += ': ' + (n - max).toLocaleString('en') + ' over the limit. Shorten it before you send.';
        else if (state === 'near') text += ': ' + (max - n).toLocaleString('en') + ' left.';
        counter.textContent = text;
        counter.setAttribute('data-state', state);
        if (state === 'over') box.setAttribute('aria-invalid', 'true');
        else box.removeAttribute('aria-invalid');
        // Read out when the state changes, not on every key.
        if (status && state !== said) status.textContent = state === 'ok' ? '' : text;
        said = state;
      }
      box.addEventListener('input', update);
      update();
    });
  }

  // A link to a check opens the collapsed checklist and moves focus to the check.
  function checkLinks() {
    document.addEventListener('click', function (event) {
      var link = event.target instanceof Element ? event.target.closest('a[href^="#check-"]') : null;
      var check = link && document.getElementById(link.getAttribute('href').slice(1));
      if (!check) return;
      var details = check.closest('details');
      if (details) details.open = true;
      check.focus();
    });
  }

  function focusAfterLoad() {
    var id = null;
    try {
      id = sessionStorage.getItem(FOCUS_KEY);
      sessionStorage.removeItem(FOCUS_KEY);
    } catch (e) {
      return;
    }
    var target = id && document.getElementById(id);
    if (!target) return;
    window.scrollTo(0, 0);
    target.focus({ preventScroll: true });
  }

  function copyButtons() {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        var text = source ? source.textContent : '';
        var done = function () {
          button.textContent = 'Copied';
          announce(button.getAttribute('data-copied') || 'The rewrite is copied.');
          setTimeout(function () { button.textContent = label; }, 2000);
        };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, function () {});
        else {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          if (document.execCommand('copy')) done();
        }
      });
    });
  }

  function draftForm() {
    var form = document.getElementById('draft-form');
    if (!form) return;
    var alertBox = document.getElementById('form-alert');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      var managerName = String(data.get('managerName') || '').trim();
      var body = { text: String(data.get('text') || ''), mode: String(data.get('mode') || 'employee') };
      if (managerName) body.context = { managerName: managerName };
      // What the message is for: only for messages to one's manager; '' lets Loop Coach decide.
      var purpose = String(data.get('purpose') || '');
      if (purpose && body.mode === 'employee') body.purpose = purpose === 'advanced' ? purpose : Number(purpose);
      showAlert(alertBox, '');
      var restore = busy(form.querySelector('button[type=submit]'), 'Checking your draft…');
      announce('Checking your draft…');
      callApi('/api/drafts/critique', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }).then(function (r) {
        if (r.ok) return location.assign('/drafts/' + encodeURIComponent(r.body.draftId));
        // Saved but not critiqued (the model failed): its page offers the retry.
        if (r.error.details && r.error.details.draftId) return location.assign('/drafts/' + encodeURIComponent(r.error.details.draftId));
        restore();
        showAlert(alertBox, r.error.message);
        alertBox.focus();
      });
    });
  }

  // Forms that post to a page route and reload: done through the API instead, same result.
  function apiForms() {
    document.querySelectorAll('form[data-api]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var alertBox = document.getElementById(form.getAttribute('data-alert') || 'form-alert');
        var restore = busy(form.querySelector('button'), form.getAttribute('data-busy'));
        if (form.getAttribute('data-busy')) announce(form.getAttribute('data-busy'));
        var apiInit = { method: form.getAttribute('data-method') || 'POST', headers: { accept: 'application/json' } };
        callApi(form.getAttribute('data-api'), apiInit).then(function (r) {
          if (r.ok) return location.assign(form.getAttribute('data-then') || location.pathname);
          restore();
          showAlert(alertBox, r.error.message);
        });
      });
    });
  }

  // The set-up form: a scenario shows the cards of the side that plays it (the other side's are
  // hidden and disabled, so never sent); a goal still as suggested follows the partner picked.
  function newSessionForm() {
    var scenario = document.getElementById('scenarioId');
    if (!scenario) return;
    var goal = document.getElementById('goal');
    var objective = document.getElementById('objective');
    var groups = document.querySelectorAll('fieldset.partners');
    function followGoal(radio) {
      if (!goal || !radio) return;
      if (goal.value === '' || goal.getAttribute('data-suggested') === goal.value) {
        goal.value = radio.getAttribute('data-goal');
        goal.setAttribute('data-suggested', goal.value);
      }
    }
    function sync() {
      var option = scenario.options[scenario.selectedIndex];
      var side = option.getAttribute('data-mode') === 'manager' ? 'employee' : 'manager';
      var shown = null;
      groups.forEach(function (group) {
        var mine = group.getAttribute('data-side') === side;
        group.hidden = !mine;
        group.disabled = !mine;
        if (mine) shown = group;
      });
      if (objective) objective.textContent = option.getAttribute('data-objective');
      if (shown && !shown.querySelector('input:checked')) {
        var usual = shown.querySelector('input[value="' + CSS.escape(option.getAttribute('data-default-persona')) + '"]');
        if (usual) usual.checked = true;
      }
      followGoal(shown && shown.querySelector('input:checked'));
    }
    scenario.addEventListener('change', sync);
    document.querySelectorAll('input[name="personaId"]').forEach(function (radio) {
      radio.addEventListener('change', function () { followGoal(radio); });
    });
    sync();
  }

  function rehearsal() {
    var root = document.querySelector('[data-session-id]');
    if (!root || root.getAttribute('data-status') !== 'active') return;
    var id = root.getAttribute('data-session-id');
    var base = '/api/sessions/' + encodeURIComponent(id);
    var transcript = document.getElementById('transcript');
    var form = document.getElementById('turn-form');
    var textarea = document.getElementById('turn-text');
    var alertBox = document.getElementById('session-alert');
    var sendButton = form.querySelector('button[type=submit]');
    var hintButton = document.querySelector('button[form="hint-form"]');
    var personaName = root.getAttribute('data-persona-name');
    var inFlight = false;
    var hintPending = false;

    // After every reply the composer is back in view with focus in it (on a phone the reply pushes it
    // off screen); the page's status region reads the reply out, once, whole. The transcript is no
    // live region: it would read the user's own line back, and the reply piece by piece as it streams.
    function backToComposer() {
      form.scrollIntoView({ block: 'nearest' });
      textarea.focus({ preventScroll: true });
    }

    function message(role, text) {
      var li = document.createElement('li');
      li.className = 'msg ' + role;
      li.tabIndex = -1;
      li.setAttribute('data-role', role);
      var who = document.createElement('span');
      who.className = 'who';
      who.textContent = role === 'user' ? 'You' : role === 'coach' ? 'Coach hint' : personaName;
      var body = document.createElement('span');
      body.className = 'text';
      body.textContent = text;
      li.appendChild(who);
      li.appendChild(body);
      transcript.appendChild(li);
      return li;
    }

    function failed(li, error) {
      li.setAttribute('aria-busy', 'false');
      li.classList.add('failed');
      li.setAttribute('data-status', 'failed');
      var note = document.createElement('p');
      note.className = 'failed-note';
      note.textContent = 'The reply failed: ' + error.message;
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'secondary retry';
      retry.textContent = 'Retry the reply';
      retry.addEventListener('click', function () { streamInto(li, base + '/retry', null); });
      li.appendChild(note);
      li.appendChild(retry);
      retry.focus();
    }

    // POSTs and streams the reply into li; the text box keeps its text until a reply arrives.
    function streamInto(li, url, payload) {
      if (inFlight) return Promise.resolve();
      inFlight = true;
      var restore = busy(sendButton, 'Sending…');
      showAlert(alertBox, '');
      li.classList.remove('failed');
      li.removeAttribute('data-status');
      li.querySelectorAll('.failed-note, .retry').forEach(function (n) { n.remove(); });
      var text = li.querySelector('.text');
      text.textContent = '';
      li.setAttribute('aria-busy', 'true');
      var outcome = null;
      var init = { method: 'POST', credentials: 'same-origin', headers: { accept: 'text/event-stream', 'content-type': 'application/json' } };
      if (payload) init.body = JSON.stringify(payload);
      return fetch(url, init)
        .then(function (res) {
          var type = res.headers.get('content-type') || '';
          if (!res.ok || type.indexOf('text/event-stream') < 0) {
            return res.json().then(
              function (b) { outcome = { refused: true, error: errorOf(b, res.status) }; },
              function () { outcome = { refused: true, error: errorOf(null, res.status) }; }
            );
          }
          return readEvents(res, function (name, data) {
            if (name === 'delta') text.textContent += data.text;
            else if (name === 'done') outcome = { done: data };
            else if (name === 'error') outcome = { error: data };
          });
        })
        .catch(function () { outcome = outcome || { error: { message: 'The connection was lost before the reply finished.', retryable: true } }; })
        .then(function () {
          inFlight = false;
          restore();
          if (outcome && outcome.done) {
            li.setAttribute('aria-busy', 'false');
            li.setAttribute('data-status', 'complete');
            // The turn is in the transcript now: the box no longer needs to keep it.
            var turn = li.previousElementSibling && li.previousElementSibling.querySelector('.text');
            if (turn && textarea.value === turn.textContent) {
              textarea.value = '';
              textarea.dispatchEvent(new Event('input'));
            }
            backToComposer();
            announce(personaName + ': ' + text.textContent);
            return;
          }
          var error = (outcome && outcome.error) || { message: 'The reply ended early.' };
          if (outcome && outcome.refused && payload) {
            // Refused before anything was saved: take the turn back out; the text box still has it.
            li.previousElementSibling.remove();
            li.remove();
            showAlert(alertBox, error.message);
            backToComposer();
            return;
          }
          if (outcome && outcome.refused) showAlert(alertBox, error.message);
          failed(li, error);
          announce('The reply failed: ' + error.message);
        });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var value = textarea.value;
      if (!value.trim()) {
        showAlert(alertBox, 'Type what you want to say first.');
        textarea.focus();
        return;
      }
      if (inFlight) return;
      message('user', value);
      streamInto(message('persona', ''), base + '/messages', { text: value });
    });

    textarea.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    document.querySelectorAll('.retry-form').forEach(function (retryForm) {
      retryForm.addEventListener('submit', function (event) {
        event.preventDefault();
        var li = retryForm.closest('li');
        retryForm.remove();
        streamInto(li, base + '/retry', null);
      });
    });

    // One hint per click: the button is disabled, and further submits ignored, until the hint is in.
    var hintForm = document.getElementById('hint-form');
    hintForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (hintPending) return;
      hintPending = true;
      var restore = busy(hintButton, 'Thinking…');
      callApi(base + '/hint', { method: 'POST', headers: { accept: 'application/json' } }).then(function (r) {
        hintPending = false;
        restore();
        if (!r.ok) return showAlert(alertBox, r.error.message);
        message('coach', r.body.hint.content);
        backToComposer();
        announce('Coach hint: ' + r.body.hint.content);
      });
    });

    var endForm = document.getElementById('end-form');
    endForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var restore = busy(event.submitter, 'Preparing your feedback…');
      announce('Preparing your feedback…');
      callApi(base + '/end', { method: 'POST', headers: { accept: 'application/json' } }).then(function (r) {
        if (r.ok) {
          // A fresh load, not a reload at the old scroll position: the debrief from its top, focus on its heading.
          try {
            sessionStorage.setItem(FOCUS_KEY, 'feedback-h');
          } catch (e) {}
          history.scrollRestoration = 'manual';
          return location.assign(location.pathname);
        }
        restore();
        showAlert(alertBox, r.error.message);
      });
    });
  }

  focusAfterLoad();
  counters();
  checkLinks();
  copyButtons();
  draftForm();
  apiForms();
  newSessionForm();
  rehearsal();
})();
`;
