<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1><c:out value="${pageTitle}"/></h1>
<p>${msg['claims.intro']}</p>
<div class="table-wrap">
<table>
  <caption class="visually-hidden"><c:out value="${pageTitle}"/></caption>
  <thead><tr><th scope="col">${msg['claims.claim']}</th><th scope="col">${msg['claims.value']}</th></tr></thead>
  <tbody>
  <c:forEach var="claim" items="${claims}">
    <tr><th scope="row"><c:out value="${claim.name}"/></th><td><c:out value="${claim.value}"/><c:if test="${not empty claim.when}"> <span class="when">(<c:out value="${claim.when}"/> UTC)</span></c:if></td></tr>
  </c:forEach>
  </tbody>
</table>
</div>
<p><a href="${routes.home}">${msg['back.home']}</a></p>
<%@ include file="_bottom.jspf" %>
