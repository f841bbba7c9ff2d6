package org.editprofile.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The routes the benchmark loads, by the name its reports give them. */
final class BenchRoutes {

  static final String GRAPH_DIRECT = "GET Graph /me (direct)";

  /** A small static file through the app's container, connector and filters. */
  static final String STATIC_FLOOR = "GET /static/app.css (floor)";

  /** The web app beside the app's that serves the same static file without it. */
  static final String CONTAINER_ALONE_CONTEXT = "bare";

  static final String CONTAINER_ALONE = "GET /bare/app.css (container alone)";

  static final String HOME_SIGNED_OUT = "GET / (signed out)";
  static final String HOME_SIGNED_IN = "GET / (signed in)";
  static final String PROFILE = "GET /users/gatedUpdateProfile";

  private BenchRoutes() {}

  /**
   * A request to load: to the app (with a signed-in session's cookie or none) or, with a bearer,
   * elsewhere.
   */
  record Route(String method, String url, boolean signedIn, String bearer) {
    static Route app(String method, String path, boolean signedIn) {
      return new Route(method, path, signedIn, null);
    }
  }

  /** A signed-in browser as the load sends it: its session cookie and its CSRF token. */
  record Session(String cookie, String csrf) {}

  /** The app's routes, the container alone and the floor first. */
  static Map<String, Route> app() {
    Map<String, Route> routes = new LinkedHashMap<>();
    routes.put(
        CONTAINER_ALONE, Route.app("GET", "/" + CONTAINER_ALONE_CONTEXT + "/app.css", false));
    routes.put(STATIC_FLOOR, Route.app("GET", "/static/app.css", false));
    routes.put(HOME_SIGNED_OUT, Route.app("GET", "/", false));
    routes.put(HOME_SIGNED_IN, Route.app("GET", "/", true));
    routes.put("GET /users/id", Route.app("GET", "/users/id", true));
    routes.put(PROFILE, Route.app("GET", "/users/gatedUpdateProfile", true));
    routes.put("GET /users/updateProfile", Route.app("GET", "/users/updateProfile", true));
    routes.put("POST /users/update", Route.app("POST", "/users/update", true));
    return routes;
  }

  /**
   * The routes a side-by-side comparison loads: those whose names contain one of {@code wanted}
   * (all when it is empty), so that more rounds of the routes in question fit in a run; the
   * container alone stays first, as the comparison's calibration.
   */
  static Map<String, Route> compared(List<String> wanted) {
    Map<String, Route> routes = new LinkedHashMap<>();
    app()
        .forEach(
            (name, route) -> {
              if (wanted.isEmpty()
                  || name.equals(CONTAINER_ALONE)
                  || wanted.stream().anyMatch(name::contains)) {
                routes.put(name, route);
              }
            });
    return routes;
  }
}
