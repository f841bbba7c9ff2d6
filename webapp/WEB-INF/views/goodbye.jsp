<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['goodbye.heading']}</h1>
<p class="notice" role="status">${msg['goodbye.message']}</p>
<p><a href="${routes.home}">${msg['back.home']}</a></p>
<%@ include file="_bottom.jspf" %>
