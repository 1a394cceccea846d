// htmx, loaded once the page has loaded and its first paint is on screen. Parsing and running its
// 37 KB is the longest script task of a page that uses it; started here, it never delays the
// first paint, nor shares a task with the page's own layout, nor competes with what the first
// paint needs. Until it arrives, the page works as it does without JavaScript: links and forms
// load whole pages.
(function () {
  'use strict';
  var src = document.currentScript && document.currentScript.getAttribute('data-htmx');
  if (!src) return;
  function load() {
    var script = document.createElement('script');
    script.src = src;
    document.head.appendChild(script);
  }
  // The browser records the first contentful paint once the frame is shown (a page in a
  // background tab paints when it is first shown). Without paint timing: two frames later.
  function afterFirstPaint() {
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf('paint') === -1) {
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          setTimeout(load, 0);
        });
      });
      return;
    }
    var observer = new PerformanceObserver(function (entries) {
      if (!entries.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      setTimeout(load, 0);
    });
    observer.observe({ type: 'paint', buffered: true });
  }
  if (document.readyState === 'complete') afterFirstPaint();
  else window.addEventListener('load', afterFirstPaint);
})();
