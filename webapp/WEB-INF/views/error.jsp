<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1><c:out value="${errorTitle}"/></h1>
<p class="error-message"><c:out value="${errorMessage}"/></p>
<p><a href="${routes.home}">${msg['back.home']}</a></p>
<c:if test="${not empty errorReference}">
<p class="reference"><c:out value="${errorReference}"/></p>
</c:if>
<%@ include file="_bottom.jspf" %>
