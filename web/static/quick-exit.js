// Quick exit: leave for a neutral site with location.replace, so Back does not return here.
// A click on the link, or Shift pressed three times on its own within two seconds.
(function () {
  'use strict';
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var target = link.href;
  function leave() {
    // Hide the page at once: the next site may take a moment to load.
    document.body.hidden = true;
    document.title = '';
    window.location.replace(target);
  }
  link.addEventListener('click', function (event) {
    if (event.defaultPrevented) return;
    event.preventDefault();
    leave();
  });
  var presses = [];
  document.addEventListener('keydown', function (event) {
    // Any other key resets the count, so typing capital letters never triggers an exit.
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    if (event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (at) {
      return now - at < 2000;
    });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
