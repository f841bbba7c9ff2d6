<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="Not configured"/>
<%@ include file="_top.jspf" %>
<h1>This app is not configured yet</h1>
<p>An administrator needs to fix these settings (environment variables, system properties or
  context parameters) and restart the app:</p>
<ul class="problems">
  <c:forEach var="problem" items="${problems}">
    <li><c:out value="${problem}"/></li>
  </c:forEach>
</ul>
<%@ include file="_bottom.jspf" %>
