package org.editprofile.profile;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.editprofile.graph.GraphException;
import org.editprofile.graph.UserProfile;
import org.editprofile.i18n.Text;

/** What a profile request leads to; the profile servlets turn it into HTTP. */
public sealed interface ProfileOutcome {

  /** The read-only profile page, with a one-time message (after a save) if there is one. */
  record ShowProfile(UserProfile profile, Optional<Text> flash) implements ProfileOutcome {}

  /**
   * The edit form.
   *
   * @param profile the current profile; null when the form is shown before it was read
   * @param values what the fields show: the profile's values, a kept draft, or what was posted
   * @param errors field name (or "") to a message
   * @param notice a note above the form (a draft was kept)
   * @param status 200, or 400 when the values were refused
   */
  record ShowForm(
      UserProfile profile,
      Map<String, String> values,
      Map<String, Text> errors,
      Optional<Text> notice,
      int status)
      implements ProfileOutcome {}

  /** Saved (or nothing to save): back to the profile page, which shows the flash message. */
  record BackToProfile() implements ProfileOutcome {}

  /** The tenant needs the user: the browser goes to this authorize URL and comes back. */
  record GoToTenant(URI authorizeUrl) implements ProfileOutcome {}

  /** The step-up was asked for too often: "verification not completed". */
  record StepUpCapped() implements ProfileOutcome {}

  /** Graph or the edit profile service failed in a way editing the form cannot fix. */
  record Failed(GraphException failure) implements ProfileOutcome {}
}
