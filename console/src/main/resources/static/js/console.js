// The console's only script, loaded from the console itself (the Content-Security-Policy allows no
// inline script). Everything works without it; it adds the browser-side SHA-256 of evidence files.
(function () {
  'use strict';

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  function fieldOf(row, name) {
    return row.querySelector('[name$=".' + name + '"]');
  }

  // The file is read and hashed here; it is never sent (the input has no name, so the form omits it).
  async function hashEvidence(input) {
    var row = input.closest('fieldset.evidence');
    var status = row.querySelector('[data-hash-status]');
    var file = input.files && input.files[0];
    if (!file || !window.crypto || !window.crypto.subtle) {
      return;
    }
    status.textContent = document.documentElement.lang === 'ar' ? '…' : '…';
    var digest = await window.crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    fieldOf(row, 'sha256').value = hex(digest);
    fieldOf(row, 'fileName').value = file.name;
    if (file.type) {
      fieldOf(row, 'mediaType').value = file.type;
    }
    fieldOf(row, 'sizeBytes').value = String(file.size);
    status.textContent = hex(digest);
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input.hash-file')) {
      hashEvidence(event.target);
    }
  });
})();

// New notifications as they happen: the console's server relays the user's stream (the browser holds
// no token); each is added at the top of the page's notification area, as text, never as markup.
(function () {
  'use strict';

  var area = document.querySelector('[data-notice-stream]');
  if (!area || !window.EventSource) {
    return;
  }
  var list = area.querySelector('ul');
  var source = new EventSource(area.getAttribute('data-notice-stream'));
  source.addEventListener('notice', function (event) {
    var notice;
    try {
      notice = JSON.parse(event.data);
    } catch (unreadable) {
      return;
    }
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.setAttribute('href', typeof notice.link === 'string' && notice.link.charAt(0) === '/' ? notice.link : '/notifications');
    link.textContent = notice.text;
    item.appendChild(link);
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 5) {
      list.removeChild(list.lastChild);
    }
    area.hidden = false;
  });
})();
