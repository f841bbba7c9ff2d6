<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="ID token claims"/>
<%@ include file="_top.jspf" %>
<h1>ID token claims</h1>
<p>The claims of the ID token you signed in with, checked by this app.</p>
<div class="table-wrap">
<table>
  <caption class="visually-hidden">ID token claims</caption>
  <thead><tr><th scope="col">Claim</th><th scope="col">Value</th></tr></thead>
  <tbody>
  <c:forEach var="claim" items="${user.claimRows}">
    <tr><th scope="row"><c:out value="${claim.name}"/></th><td><c:out value="${claim.value}"/></td></tr>
  </c:forEach>
  </tbody>
</table>
</div>
<p><a href="${routes.home}">Back to home</a></p>
<%@ include file="_bottom.jspf" %>
