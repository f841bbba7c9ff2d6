<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['profile.heading']}</h1>
<c:if test="${not empty flash}">
  <p class="notice" role="status"><c:out value="${flash}"/></p>
</c:if>
<dl class="profile">
  <dt>${msg['profile.id']}</dt><dd><c:out value="${profile.id}"/></dd>
  <dt>${msg['profile.email']}</dt><dd><c:out value="${profile.mail}" default="-"/></dd>
  <c:forEach var="row" items="${rows}">
    <dt>${row.label}</dt><dd><c:out value="${row.value}" default="-"/></dd>
  </c:forEach>
</dl>
<p><a class="button" href="${routes.editProfileForm}">${msg['profile.edit']}</a></p>
<c:if test="${not empty account}">
  <h2>${msg['profile.account']}</h2>
  <dl class="profile account">
    <c:forEach var="row" items="${account}">
      <dt>${row.label}</dt><dd><c:out value="${row.value}"/></dd>
    </c:forEach>
  </dl>
</c:if>
<c:if test="${localAccount}">
  <p><a href="${routes.changePassword}">${msg['password.link']}</a></p>
</c:if>
<c:if test="${deletesAccounts}">
  <p><a href="${routes.deleteAccount}">${msg['delete.link']}</a></p>
</c:if>
<p><a href="${routes.home}">${msg['back.home']}</a></p>
<%@ include file="_bottom.jspf" %>
