// The time-off calendar: clicking a day with free slots fills the request form's date instead of reloading.
(function () {
  'use strict';
  var calendar = document.querySelector('[data-testid=calendar]');
  var date = document.getElementById('date');
  if (!calendar || !date) {
    return;
  }
  calendar.addEventListener('click', function (e) {
    var day = e.target.closest('[data-pick]');
    if (!day) {
      return;
    }
    e.preventDefault();
    calendar.querySelectorAll('[aria-selected=true]').forEach(function (d) { d.removeAttribute('aria-selected'); });
    day.setAttribute('aria-selected', 'true');
    date.value = day.getAttribute('data-date');
    date.removeAttribute('aria-invalid');
    document.getElementById('request').scrollIntoView({ behavior: 'smooth', block: 'start' });
    date.focus({ preventScroll: true });
  });
  // typing hours, minutes, from or to means part of the shift
  var part = date.form.querySelector('input[name=length][value=hours]');
  date.form.addEventListener('input', function (e) {
    if (part && ['hours', 'minutes', 'from', 'to'].indexOf(e.target.id) >= 0 && e.target.value !== '') {
      part.checked = true;
    }
  });
})();
