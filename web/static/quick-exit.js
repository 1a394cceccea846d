// Quick exit: leave for a neutral site with location.replace, so Back does not return here.
// A click on the link, or Shift pressed three times on its own within two seconds.
(function () {
  'use strict';
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var target = link.href;
  // In a partner's frame (an embed), the link says target="_top": leave the whole tab, so the
  // partner's page about this subject goes too. A browser lets a frame move its top window only
  // on a click or key press, and a partner may forbid it (a sandboxed frame): then the frame
  // itself leaves, already blank.
  var whole = link.target === '_top' && window.top !== window.self;
  function leave() {
    // Hide the page at once: the next site may take a moment to load.
    document.body.hidden = true;
    document.title = '';
    if (whole) {
      try {
        window.top.location.replace(target);
        return;
      } catch (error) {
        // Not allowed: fall through to this frame alone.
      }
    }
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
