<%@ include file="_page.jspf" %>
<c:set var="pageTitle" value="Signing you in"/>
<%@ include file="_top.jspf" %>
<h1>Signing you in&hellip;</h1>
<form id="form-post-relay" method="post" action="${routes.signInCallback}">
  <c:forEach var="field" items="${fields}">
    <input type="hidden" name="${fn:escapeXml(field.key)}" value="${fn:escapeXml(field.value)}">
  </c:forEach>
  <p>If nothing happens, select Continue.</p>
  <button type="submit" class="button">Continue</button>
</form>
<script src="${routes.assets}/form-post-relay.js"></script>
<%@ include file="_bottom.jspf" %>
