<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="Profile"/>
<%@ include file="_top.jspf" %>
<h1>Your profile</h1>
<c:if test="${not empty flash}">
  <p class="notice" role="status"><c:out value="${flash}"/></p>
</c:if>
<dl class="profile">
  <dt>Id</dt><dd><c:out value="${profile.id}"/></dd>
  <dt>Email</dt><dd><c:out value="${profile.mail}" default="-"/></dd>
  <c:forEach var="field" items="${fields}">
    <dt><c:out value="${field.label}"/></dt><dd><c:out value="${profile.values[field.name]}" default="-"/></dd>
  </c:forEach>
</dl>
<p><a class="button" href="${routes.editProfileForm}">Edit profile</a></p>
<p><a href="${routes.home}">Back to home</a></p>
<%@ include file="_bottom.jspf" %>
