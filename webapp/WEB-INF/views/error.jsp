<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="${errorTitle}"/>
<%@ include file="_top.jspf" %>
<h1><c:out value="${errorTitle}"/></h1>
<p class="error-message"><c:out value="${errorMessage}"/></p>
<p><a href="${routes.home}">Back to home</a></p>
<c:if test="${not empty requestId}">
<p class="reference">Reference: <c:out value="${requestId}"/> &middot; <c:out value="${errorTime}"/></p>
</c:if>
<%@ include file="_bottom.jspf" %>
