// Resource search: "Use my location", and clean URLs for live searches.
// The position is asked for only on a click, rounded to two decimals of a degree (about 1 km)
// before it leaves this function, and only ever placed in the search form: never stored.
(function () {
  'use strict';
  var form = document.getElementById('resource-search');
  if (!form) return;

  var fieldset = document.getElementById('near-me');
  var button = form.querySelector('[data-near-me]');
  var status = document.getElementById('near-me-status');
  if (fieldset && button && status && 'geolocation' in navigator) {
    fieldset.hidden = false;
    var setField = function (name, value) {
      var input = form.elements.namedItem(name);
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        fieldset.appendChild(input);
      }
      input.value = value;
    };
    button.addEventListener('click', function () {
      status.textContent = button.getAttribute('data-working');
      navigator.geolocation.getCurrentPosition(
        function (position) {
          setField('lat', position.coords.latitude.toFixed(2));
          setField('lon', position.coords.longitude.toFixed(2));
          form.elements.namedItem('sort').value = 'distance';
          status.textContent = button.getAttribute('data-active');
          form.requestSubmit();
        },
        function () {
          status.textContent = button.getAttribute('data-denied');
        },
        { enableHighAccuracy: false, maximumAge: 600000, timeout: 20000 },
      );
    });
  }

  // htmx sends every field; leave out the empty ones so the pushed URL stays short and readable.
  document.addEventListener('htmx:config:request', function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (!ctx || !ctx.sourceElement || !form.contains(ctx.sourceElement)) return;
    var body = ctx.request.body;
    if (!body || typeof body.forEach !== 'function') return;
    var empty = [];
    body.forEach(function (value, key) {
      if (value === '' || (key === 'sort' && value === 'relevance')) empty.push(key);
    });
    empty.forEach(function (key) {
      body.delete(key);
    });
  });
})();
