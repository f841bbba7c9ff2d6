package org.editprofile.web.view;

import java.util.Optional;

/**
 * The app's pages: each one's JSP ({@code /WEB-INF/views/<file>.jsp}, declared in web.xml as the
 * servlet {@code view-<file>} and compiled at deploy) and the text of its title. {@link
 * Views#render} puts the title in the page's header, so no view spends a tag on setting it.
 */
public enum View {
  FORM_POST_RELAY("formPostRelay", "relay.title"),
  HOME("home", "home.title"),
  PROFILE("profile", "profile.title"),
  EDIT_PROFILE("editProfile", "edit.title"),
  CHANGE_PASSWORD("changePassword", "password.title"),
  DELETE_ACCOUNT("deleteAccount", "delete.title"),
  GOODBYE("goodbye", "goodbye.title"),
  CLAIMS("claims", "claims.title"),
  /** Its title is the error's own, set by {@link Views#error}. */
  ERROR("error", null),
  NOT_CONFIGURED("notConfigured", "notConfigured.title");

  private final String file;
  private final String titleKey;

  View(String file, String titleKey) {
    this.file = file;
    this.titleKey = titleKey;
  }

  /** The JSP's name without {@code .jsp}. */
  public String file() {
    return file;
  }

  /** The servlet web.xml declares for it. */
  String servletName() {
    return "view-" + file;
  }

  /** The message key of its title, unless the page is given one when it is rendered. */
  public Optional<String> titleKey() {
    return Optional.ofNullable(titleKey);
  }
}
