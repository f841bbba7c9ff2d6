// The tenant's password rules, checked as the customer types (the server checks them again):
// enough kinds of character in the new password, and the same password twice.
(function () {
  var proposed = document.getElementById("newPassword");
  var confirmation = document.getElementById("confirmPassword");
  if (!proposed || !confirmation) {
    return;
  }
  function kinds(text) {
    return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u]
      .filter(function (kind) { return kind.test(text); }).length;
  }
  function check() {
    var wanted = Number(proposed.dataset.kinds);
    proposed.setCustomValidity(
      proposed.value && kinds(proposed.value) < wanted ? proposed.dataset.kindsMessage : "");
    confirmation.setCustomValidity(
      confirmation.value && confirmation.value !== proposed.value
        ? confirmation.dataset.mismatchMessage : "");
  }
  proposed.addEventListener("input", check);
  confirmation.addEventListener("input", check);
})();
