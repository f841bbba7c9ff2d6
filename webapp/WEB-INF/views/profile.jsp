<%@ include file="_page.jspf" %>
<fmt:message var="pageTitle" key="profile.title"/>
<%@ include file="_top.jspf" %>
<h1><fmt:message key="profile.heading"/></h1>
<c:if test="${not empty flash}">
  <p class="notice" role="status"><c:out value="${flash}"/></p>
</c:if>
<dl class="profile">
  <dt><fmt:message key="profile.id"/></dt><dd><c:out value="${profile.id}"/></dd>
  <dt><fmt:message key="profile.email"/></dt><dd><c:out value="${profile.mail}" default="-"/></dd>
  <c:forEach var="field" items="${fields}">
    <dt><fmt:message key="${field.labelKey}"/></dt><dd><c:out value="${profile.values[field.name]}" default="-"/></dd>
  </c:forEach>
</dl>
<p><a class="button" href="${routes.editProfileForm}"><fmt:message key="profile.edit"/></a></p>
<p><a href="${routes.home}"><fmt:message key="back.home"/></a></p>
<%@ include file="_bottom.jspf" %>
