<%@ include file="_page.jspf" %>
<%-- Nothing but this page runs while the app is not configured: no language switch either. --%>
<c:set var="hideLanguages" value="${true}"/>
<%@ include file="_top.jspf" %>
<h1>${msg['notConfigured.heading']}</h1>
<p>${msg['notConfigured.intro']}</p>
<%-- The problems name settings and are the log's own lines, so an operator can search for them. --%>
<ul class="problems" lang="en">
  <c:forEach var="problem" items="${problems}">
    <li><c:out value="${problem}"/></li>
  </c:forEach>
</ul>
<%@ include file="_bottom.jspf" %>
