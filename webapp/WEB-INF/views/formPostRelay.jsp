<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['relay.heading']}</h1>
<form id="form-post-relay" method="post" action="${routes.signInCallback}">
  <c:forEach var="field" items="${fields}">
    <input type="hidden" name="<c:out value='${field.key}'/>" value="<c:out value='${field.value}'/>">
  </c:forEach>
  <p>${msg['relay.hint']}</p>
  <button type="submit" class="button">${msg['relay.continue']}</button>
</form>
<script src="${routes.assets}/form-post-relay.js"></script>
<%@ include file="_bottom.jspf" %>
