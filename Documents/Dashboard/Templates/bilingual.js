// Texts made by a page's script in both languages, as the page's own texts are: the language switch shows one.
var GenderPlanText = {
  both: function (vi, en) {
    var fragment = document.createDocumentFragment();
    [['vi', vi], ['en', en]].forEach(function (pair) {
      var span = document.createElement('span');
      span.setAttribute('lang', pair[0]);
      span.textContent = pair[1];
      fragment.appendChild(span);
    });
    return fragment;
  }
};
