package org.editprofile.web.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.editprofile.flow.EditProfileFlow;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.ProfileField;
import org.editprofile.web.session.HttpSessionStore;
import org.editprofile.web.view.ShownValues;

/**
 * {@code POST /users/update} ({@link org.editprofile.Routes#SAVE_PROFILE}, CSRF-checked): saves the
 * edit form's allow-listed fields, then back to the profile; see {@link EditProfileFlow#save}.
 */
public final class SaveProfileServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final transient EditProfileFlow flow;

  public SaveProfileServlet(EditProfileFlow flow) {
    this.flow = flow;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Map<String, String> submitted = new LinkedHashMap<>();
    for (ProfileField field : ProfileField.values()) {
      put(submitted, request, field.graphName());
    }
    CustomAttributes writable = flow.writableAttributes();
    for (CustomAttributes.Attribute attribute : writable.attributes()) {
      put(submitted, request, writable.graphName(attribute));
    }
    ProfileResponses.send(
        flow.save(
            HttpSessionStore.userSession(request, response),
            submitted,
            ShownValues.decode(request.getParameter(ShownValues.PARAMETER))),
        request,
        response);
  }

  private static void put(Map<String, String> submitted, HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value != null) {
      submitted.put(name, value);
    }
  }
}
