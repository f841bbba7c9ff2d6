<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['password.heading']}</h1>
<c:if test="${not empty notice}">
  <p class="notice" role="status"><c:out value="${notice}"/></p>
</c:if>
<c:if test="${not empty errors}">
  <div class="error-summary" role="alert">
    <h2>${msg['edit.correct']}</h2>
    <ul>
      <c:forEach var="e" items="${errors}">
        <li><c:out value="${e.value}"/></li>
      </c:forEach>
    </ul>
  </div>
</c:if>
<p id="password-rules"><c:out value="${rules}"/></p>
<%-- Never prefilled: a password typed once does not come back from the server. --%>
<form id="password-form" method="post" action="${routes.changePassword}">
  <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
  <div class="field">
    <label for="currentPassword">${msg['password.current']}</label>
    <input type="password" id="currentPassword" name="currentPassword" autocomplete="current-password" required
      <c:if test="${not empty errors['currentPassword']}">aria-invalid="true" aria-describedby="currentPassword-error"</c:if>>
    <c:if test="${not empty errors['currentPassword']}">
      <p class="field-error" id="currentPassword-error"><c:out value="${errors['currentPassword']}"/></p>
    </c:if>
  </div>
  <div class="field">
    <label for="newPassword">${msg['password.new']}</label>
    <input type="password" id="newPassword" name="newPassword" autocomplete="new-password" required
      minlength="${minLength}" maxlength="${maxLength}" data-kinds="${kinds}"
      data-kinds-message="<c:out value='${kindsMessage}'/>"
      aria-describedby="password-rules<c:if test="${not empty errors['newPassword']}"> newPassword-error</c:if>"
      <c:if test="${not empty errors['newPassword']}">aria-invalid="true"</c:if>>
    <c:if test="${not empty errors['newPassword']}">
      <p class="field-error" id="newPassword-error"><c:out value="${errors['newPassword']}"/></p>
    </c:if>
  </div>
  <div class="field">
    <label for="confirmPassword">${msg['password.confirm']}</label>
    <input type="password" id="confirmPassword" name="confirmPassword" autocomplete="new-password" required
      minlength="${minLength}" maxlength="${maxLength}"
      data-mismatch-message="<c:out value='${mismatchMessage}'/>"
      <c:if test="${not empty errors['confirmPassword']}">aria-invalid="true" aria-describedby="confirmPassword-error"</c:if>>
    <c:if test="${not empty errors['confirmPassword']}">
      <p class="field-error" id="confirmPassword-error"><c:out value="${errors['confirmPassword']}"/></p>
    </c:if>
  </div>
  <div class="form-actions">
    <button type="submit" class="button">${msg['password.submit']}</button>
    <a href="${routes.showProfile}">${msg['edit.cancel']}</a>
  </div>
</form>
<script src="${routes.assets}/password-rules.js"></script>
<%@ include file="_bottom.jspf" %>
