<%@ include file="_page.jspf" %>
<fmt:message var="pageTitle" key="notConfigured.title"/>
<%-- Nothing but this page runs while the app is not configured: no language switch either. --%>
<c:set var="hideLanguages" value="${true}"/>
<%@ include file="_top.jspf" %>
<h1><fmt:message key="notConfigured.heading"/></h1>
<p><fmt:message key="notConfigured.intro"/></p>
<%-- The problems name settings and are the log's own lines, so an operator can search for them. --%>
<ul class="problems" lang="en">
  <c:forEach var="problem" items="${problems}">
    <li><c:out value="${problem}"/></li>
  </c:forEach>
</ul>
<%@ include file="_bottom.jspf" %>
