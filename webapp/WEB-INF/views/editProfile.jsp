<%@ include file="_page.jspf" %>
<%@ include file="_top.jspf" %>
<h1>${msg['edit.heading']}</h1>
<c:if test="${not empty notice}">
  <p class="notice" role="status"><c:out value="${notice}"/></p>
</c:if>
<c:if test="${not empty errors}">
  <div class="error-summary" role="alert">
    <h2>${msg['edit.correct']}</h2>
    <ul>
      <c:forEach var="e" items="${errors}">
        <li><c:out value="${e.value}"/></li>
      </c:forEach>
    </ul>
  </div>
</c:if>
<c:if test="${not empty profile}">
<dl class="profile">
  <dt>${msg['profile.id']}</dt><dd><c:out value="${profile.id}"/></dd>
  <dt>${msg['profile.email']}</dt><dd><c:out value="${profile.mail}" default="-"/></dd>
</dl>
</c:if>
<c:set var="requiredMark" value="${msg['edit.required']}"/>
<form id="profile-form" method="post" action="${routes.saveProfile}">
  <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
  <%-- What the fields showed when the form was opened: a save sends only what the user changed. --%>
  <input type="hidden" name="shown" value="<c:out value='${shown}'/>">
  <c:forEach var="field" items="${fields}">
    <div class="field">
      <label for="${field.name}">${msg[field.labelKey]}<c:if test="${field.required}">&#32;${requiredMark}</c:if></label>
      <c:choose>
        <c:when test="${field.name == 'streetAddress'}">
          <textarea id="${field.name}" name="${field.name}" maxlength="${field.maxLength}" rows="2"
            <c:if test="${not empty errors[field.name]}">aria-invalid="true" aria-describedby="${field.name}-error"</c:if>><c:out value="${values[field.name]}"/></textarea>
        </c:when>
        <c:otherwise>
          <input type="text" id="${field.name}" name="${field.name}" maxlength="${field.maxLength}"
            value="<c:out value='${values[field.name]}'/>"
            <c:if test="${field.required}">required</c:if>
            <c:if test="${field.language}">pattern="<c:out value='${field.pattern}'/>" placeholder="${msg['field.preferredLanguage.example']}"</c:if>
            <c:if test="${not empty errors[field.name]}">aria-invalid="true" aria-describedby="${field.name}-error"</c:if>>
        </c:otherwise>
      </c:choose>
      <c:if test="${not empty errors[field.name]}">
        <p class="field-error" id="${field.name}-error"><c:out value="${errors[field.name]}"/></p>
      </c:if>
    </div>
  </c:forEach>
  <c:forEach var="input" items="${customInputs}">
    <div class="field">
      <label for="${input.name}"><c:out value="${input.label}"/></label>
      <c:choose>
        <c:when test="${input.kind == 'boolean'}">
          <select id="${input.name}" name="${input.name}"
            <c:if test="${not empty errors[input.name]}">aria-invalid="true" aria-describedby="${input.name}-error"</c:if>>
            <option value="" <c:if test="${empty values[input.name]}">selected</c:if>>${msg['value.unset']}</option>
            <option value="true" <c:if test="${values[input.name] == 'true'}">selected</c:if>>${msg['value.yes']}</option>
            <option value="false" <c:if test="${values[input.name] == 'false'}">selected</c:if>>${msg['value.no']}</option>
          </select>
        </c:when>
        <c:when test="${input.kind == 'number'}">
          <input type="number" step="1" id="${input.name}" name="${input.name}"
            value="<c:out value='${values[input.name]}'/>"
            <c:if test="${not empty input.min}">min="${input.min}"</c:if>
            <c:if test="${not empty input.max}">max="${input.max}"</c:if>
            <c:if test="${not empty errors[input.name]}">aria-invalid="true" aria-describedby="${input.name}-error"</c:if>>
        </c:when>
        <c:otherwise>
          <input type="text" id="${input.name}" name="${input.name}" maxlength="${input.maxLength}"
            value="<c:out value='${values[input.name]}'/>"
            <c:if test="${not empty errors[input.name]}">aria-invalid="true" aria-describedby="${input.name}-error"</c:if>>
        </c:otherwise>
      </c:choose>
      <c:if test="${not empty errors[input.name]}">
        <p class="field-error" id="${input.name}-error"><c:out value="${errors[input.name]}"/></p>
      </c:if>
    </div>
  </c:forEach>
  <div class="form-actions">
    <button type="submit" class="button">${msg['edit.save']}</button>
    <a href="${routes.showProfile}">${msg['edit.cancel']}</a>
  </div>
</form>
<c:if test="${not empty readOnlyCustom}">
  <h2>${msg['edit.moreDetails']}</h2>
  <p>${msg['edit.customReadOnly']}</p>
  <dl class="profile">
    <c:forEach var="row" items="${readOnlyCustom}">
      <dt><c:out value="${row.label}"/></dt><dd><c:out value="${row.value}" default="-"/></dd>
    </c:forEach>
  </dl>
</c:if>
<%@ include file="_bottom.jspf" %>
