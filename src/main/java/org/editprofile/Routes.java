package org.editprofile;

/**
 * Every path this WAR serves, once. The URLs are the Node sample's, so its docs and bookmarks still
 * apply; the class serving each is named after what it does.
 */
public final class Routes {

  private Routes() {}

  public static final String HOME = "/";
  public static final String SIGN_IN = "/auth/signin";

  /** Set on a sign-in that restarts one the session no longer knows, so it cannot loop. */
  public static final String SIGN_IN_RESTART = SIGN_IN + "?restart=1";

  /** The redirect URI registered with the tenant: the authorization response arrives here. */
  public static final String SIGN_IN_CALLBACK = "/auth/redirect";

  public static final String SIGN_OUT = "/auth/signout";

  /** The ID token's claims. */
  public static final String CLAIMS = "/users/id";

  /** The read-only profile (the Node sample's name for it). */
  public static final String SHOW_PROFILE = "/users/gatedUpdateProfile";

  /** The edit form, behind the MFA step-up. */
  public static final String EDIT_PROFILE_FORM = "/users/updateProfile";

  /** Where the edit form posts. */
  public static final String SAVE_PROFILE = "/users/update";

  /** The password change, behind the MFA step-up (GET the form, POST the change). */
  public static final String CHANGE_PASSWORD = "/users/changePassword";

  /** The account deletion page: GET shows it, POST deletes. */
  public static final String DELETE_ACCOUNT = "/users/deleteAccount";

  /** Pages under here need a signed-in user. */
  public static final String SIGNED_IN_PAGES = "/users/";

  /** The edit profile service's bearer-token API: no session, no CSRF token, JSON errors. */
  public static final String API = "/api/";

  /** The language switcher posts here. */
  public static final String LANGUAGE = "/language";

  public static final String UPDATE_USER_INFO = API + "updateUserInfo";

  /** The service's deletion route, beside UPDATE_USER_INFO. */
  public static final String DELETE_ACCOUNT_API = API + "deleteAccount";

  public static final String HEALTH = "/health";

  /** Prometheus scrape endpoint: only with the configured bearer token, else 404. */
  public static final String METRICS = "/metrics";

  public static final String ERROR = "/error";
  public static final String STATIC = "/static/";

  /** Whether a servlet path belongs to the bearer-token API. */
  public static boolean isApi(String servletPath) {
    return servletPath.startsWith(API);
  }

  public static boolean isStatic(String servletPath) {
    return servletPath.startsWith(STATIC);
  }
}
