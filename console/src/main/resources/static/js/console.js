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
