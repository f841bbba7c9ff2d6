package org.editprofile.flow;

import java.net.URI;
import java.util.Optional;
import org.editprofile.graph.GraphException;
import org.editprofile.i18n.Text;

/** What a request of the account deletion page leads to; its servlet turns it into HTTP. */
public sealed interface DeleteOutcome {

  /**
   * The page: what deletion means, and the confirmation word to type.
   *
   * @param error why the last post did nothing (a wrong word), if it did nothing
   * @param notice a note above the form
   * @param status 200, 400 for a wrong word, 429 when Graph is throttling
   */
  record ShowForm(Optional<Text> error, Optional<Text> notice, int status)
      implements DeleteOutcome {}

  /** The account is gone (now, or already): end the session here and at the tenant. */
  record Deleted() implements DeleteOutcome {}

  /** The tenant needs the user: the browser goes to this authorize URL and comes back. */
  record GoToTenant(URI authorizeUrl) implements DeleteOutcome {}

  /** The step-up was asked for too often: "verification not completed". */
  record StepUpCapped() implements DeleteOutcome {}

  /** The service or Graph failed; the account is as it was. */
  record Failed(GraphException failure) implements DeleteOutcome {}
}
