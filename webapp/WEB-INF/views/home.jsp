<%@ include file="_page.jspf" %>
<fmt:message var="pageTitle" key="home.title"/>
<%@ include file="_top.jspf" %>
<c:choose>
  <c:when test="${not empty user}">
    <h1><fmt:message key="home.greeting"><fmt:param value="${fn:escapeXml(user.greetingName)}"/></fmt:message></h1>
    <ul class="actions">
      <li><a href="${routes.claims}"><fmt:message key="home.claims"/></a></li>
      <li><a href="${routes.showProfile}"><fmt:message key="home.profile"/></a></li>
    </ul>
  </c:when>
  <c:otherwise>
    <h1><fmt:message key="home.welcome"/></h1>
    <p><fmt:message key="home.intro"/></p>
    <p><a class="button" href="${routes.signIn}"><fmt:message key="nav.signIn"/></a></p>
  </c:otherwise>
</c:choose>
<%@ include file="_bottom.jspf" %>
