<%@ include file="_page.jspf" %>
<fmt:message var="pageTitle" key="claims.title"/>
<%@ include file="_top.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<p><fmt:message key="claims.intro"/></p>
<div class="table-wrap">
<table>
  <caption class="visually-hidden"><c:out value="${pageTitle}"/></caption>
  <thead><tr><th scope="col"><fmt:message key="claims.claim"/></th><th scope="col"><fmt:message key="claims.value"/></th></tr></thead>
  <tbody>
  <c:forEach var="claim" items="${user.claimRows}">
    <tr><th scope="row"><c:out value="${claim.name}"/></th><td><c:out value="${claim.value}"/><c:if test="${not empty claimTimes[claim.name]}"> <span class="when">(<c:out value="${claimTimes[claim.name]}"/> UTC)</span></c:if></td></tr>
  </c:forEach>
  </tbody>
</table>
</div>
<p><a href="${routes.home}"><fmt:message key="back.home"/></a></p>
<%@ include file="_bottom.jspf" %>
