<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="Home"/>
<%@ include file="_top.jspf" %>
<c:choose>
  <c:when test="${not empty user}">
    <h1>Hi <c:out value="${user.greetingName}"/>!</h1>
    <ul class="actions">
      <li><a href="${routes.claims}">View ID token claims</a></li>
      <li><a href="${routes.showProfile}">Profile</a></li>
    </ul>
  </c:when>
  <c:otherwise>
    <h1>Welcome</h1>
    <p>Sign in to see your profile and edit it. Editing asks for an extra verification step.</p>
    <p><a class="button" href="${routes.signIn}">Sign in</a></p>
  </c:otherwise>
</c:choose>
<%@ include file="_bottom.jspf" %>
