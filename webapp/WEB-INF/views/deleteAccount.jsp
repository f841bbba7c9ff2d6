<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['delete.heading']}</h1>
<c:if test="${not empty notice}">
  <p class="notice" role="status"><c:out value="${notice}"/></p>
</c:if>
<c:if test="${not empty error}">
  <div class="error-summary" role="alert">
    <p><c:out value="${error}"/></p>
  </div>
</c:if>
<p>${msg['delete.explain']}</p>
<p>${msg['delete.freshSignIn']}</p>
<form id="delete-form" method="post" action="${routes.deleteAccount}">
  <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
  <div class="field">
    <label for="confirmation">${msg['delete.confirmation']}</label>
    <p id="confirmation-hint"><c:out value="${wordPrompt}"/></p>
    <%-- Never prefilled: the word is typed on each attempt. --%>
    <input type="text" id="confirmation" name="confirmation" autocomplete="off" required
      aria-describedby="confirmation-hint" <c:if test="${not empty error}">aria-invalid="true"</c:if>>
  </div>
  <div class="form-actions">
    <button type="submit" class="button danger">${msg['delete.submit']}</button>
    <a href="${routes.showProfile}">${msg['edit.cancel']}</a>
  </div>
</form>
<%@ include file="_bottom.jspf" %>
