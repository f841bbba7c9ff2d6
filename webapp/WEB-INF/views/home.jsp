<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<c:choose>
  <c:when test="${not empty user}">
    <h1><c:out value="${heading}"/></h1>
    <ul class="actions">
      <li><a href="${routes.claims}">${msg['home.claims']}</a></li>
      <li><a href="${routes.showProfile}">${msg['home.profile']}</a></li>
    </ul>
  </c:when>
  <c:otherwise>
    <h1>${msg['home.welcome']}</h1>
    <p>${msg['home.intro']}</p>
    <p><a class="button" href="${routes.signIn}">${msg['nav.signIn']}</a></p>
  </c:otherwise>
</c:choose>
<%@ include file="_bottom.jspf" %>
