// Open every collapsed block while printing, so the paper copy shows what was skipped and why.
(function () {
  "use strict";
  var reopened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (block) {
      block.open = true;
      reopened.push(block);
    });
  });
  window.addEventListener("afterprint", function () {
    reopened.forEach(function (block) { block.open = false; });
    reopened = [];
  });
})();
