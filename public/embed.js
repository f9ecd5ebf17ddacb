/* Sizes explainer iframes (marked data-explainer-embed) to their content.
   Reads the AMP-style {sentinel:"amp",type:"embed-size",height} message, only
   from one of those iframes' windows and from that iframe's own origin;
   ignores every other message. Asks each frame for its height when this
   script starts and when a frame loads (pym.js's "width" message). */
(function (w, d) {
  if (w.explainerEmbed) return;
  w.explainerEmbed = 1;
  var SEL = "iframe[data-explainer-embed]";
  function origin(f) {
    try { return new URL(f.src, location.href).origin; } catch (e) { return ""; }
  }
  function ask(f) {
    var id = (/[?&]childId=([^&#]*)/.exec(f.src) || [])[1] || "";
    try { f.contentWindow.postMessage("pymxPYMx" + id + "xPYMxwidthxPYMx" + f.offsetWidth, origin(f)); } catch (e) {}
  }
  w.addEventListener("message", function (e) {
    var m = e.data, fs = d.querySelectorAll(SEL), i, f, h;
    for (i = 0; i < fs.length; i++) {
      f = fs[i];
      if (e.source !== f.contentWindow) continue;
      if (e.origin !== origin(f) || !m || m.sentinel !== "amp" || m.type !== "embed-size") return;
      h = Math.ceil(+m.height);
      if (h > 0 && h < 1e6) f.style.height = h + "px";
      return;
    }
  });
  d.addEventListener("load", function (e) {
    if (e.target.matches && e.target.matches(SEL)) ask(e.target);
  }, true);
  [].forEach.call(d.querySelectorAll(SEL), ask);
})(window, document);
