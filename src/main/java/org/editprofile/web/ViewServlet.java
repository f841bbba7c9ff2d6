package org.editprofile.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A page that needs nothing but the signed-in user: {@code GET /} (the "home" view: welcome and
 * "Sign in", or a greeting and links). One instance per route, registered in {@link
 * org.editprofile.EditProfileApp}.
 */
public final class ViewServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private final View view;

  public ViewServlet(View view) {
    this.view = view;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Views.render(request, response, view);
  }
}
