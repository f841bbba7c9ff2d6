package org.editprofile.flow;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.editprofile.graph.GraphException;
import org.editprofile.i18n.Text;

/** What a password page request leads to; its servlet turns it into HTTP. */
public sealed interface PasswordOutcome {

  /**
   * The form, always empty: a password typed once is never sent back to the browser.
   *
   * @param errors field name to a message
   * @param notice a note above the form
   * @param status 200, 400 when the passwords were refused, 429 when Graph is throttling
   */
  record ShowForm(Map<String, Text> errors, Optional<Text> notice, int status)
      implements PasswordOutcome {}

  /** Changed: back to the profile, which says so. */
  record Changed() implements PasswordOutcome {}

  /** The tenant needs the user: the browser goes to this authorize URL and comes back. */
  record GoToTenant(URI authorizeUrl) implements PasswordOutcome {}

  /** The step-up was asked for too often: "verification not completed". */
  record StepUpCapped() implements PasswordOutcome {}

  /** Graph failed in a way the form cannot fix. */
  record Failed(GraphException failure) implements PasswordOutcome {}
}
