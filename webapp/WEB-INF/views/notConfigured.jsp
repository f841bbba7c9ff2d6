<%@ include file="_page.jspf" %>
<%-- Nothing but this page runs while the app is not configured: no language switch either. --%>
<c:set var="hideLanguages" value="${true}"/>
<%@ include file="_top.jspf" %>
<h1>${msg['notConfigured.heading']}</h1>
<p>${msg['notConfigured.intro']}</p>
<%-- The page is public: setting names only. What is wrong with each is in the log, under the
     reference below. --%>
<ul class="problems" lang="en">
  <c:forEach var="setting" items="${settings}">
    <li><code><c:out value="${setting}"/></code></li>
  </c:forEach>
</ul>
<p><c:out value="${msg['notConfigured.reference']}"/> <code lang="en"><c:out value="${reference}"/></code></p>
<%@ include file="_bottom.jspf" %>
