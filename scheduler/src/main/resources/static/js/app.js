// Shared behaviour of every page (the CSP allows no inline script: page scripts are files next to this one).
(function () {
  'use strict';

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  // what the Content-Security-Policy blocked, for the browser tests (it should stay empty)
  window.wfmCspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.wfmCspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
  });

  // htmx requests carry the CSRF token like forms do
  document.addEventListener('htmx:configRequest', function (e) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      e.detail.headers[header] = token;
    }
  });

  // An htmx request whose answer the page cannot show (a 403 once the session has ended, a 404, a 500) or that got no
  // answer: said above the page in the page's language, rather than the click doing nothing. Refusals the page
  // can show (400, 409, 422) are swapped in with their reasons (htmx-config in the layout).
  function requestFailed() {
    var text = meta('wfm-htmx-note');
    var main = document.querySelector('main');
    if (!text || !main) {
      return;
    }
    var note = document.querySelector('[data-testid=htmx-error]');
    if (!note) {
      var area = document.createElement('div');
      area.className = 'container flash-area';
      note = document.createElement('p');
      note.className = 'flash error';
      note.setAttribute('role', 'alert');
      note.setAttribute('data-testid', 'htmx-error');
      area.appendChild(note);
      main.parentNode.insertBefore(area, main);
    }
    note.textContent = text;
    note.scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('htmx:responseError', requestFailed);
  document.addEventListener('htmx:sendError', requestFailed);

  // Irreversible actions ask first: a plain form (or its submit button) with data-confirm="question".
  // htmx elements use hx-confirm instead.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = (e.submitter && e.submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (question && !form.hasAttribute('hx-post') && !window.confirm(question)) {
      e.preventDefault();
    }
  }, true);

  // <select data-autosubmit> (filters such as the statement's month) submit their form when changed
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-autosubmit]') && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });
})();
