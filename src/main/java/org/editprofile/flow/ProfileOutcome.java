package org.editprofile.flow;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.editprofile.graph.GraphException;
import org.editprofile.i18n.Text;
import org.editprofile.profile.CustomAttributes;
import org.editprofile.profile.UserProfile;

/** What a profile request leads to; the profile servlets turn it into HTTP. */
public sealed interface ProfileOutcome {

  /** The read-only profile page, with a one-time message (after a save) if there is one. */
  record ShowProfile(UserProfile profile, Optional<Text> flash) implements ProfileOutcome {}

  /**
   * The edit form.
   *
   * @param profile the profile just read, for its read-only lines; null when the form comes back
   *     after a post, which reads no profile
   * @param values what the fields show: the profile's values, a kept draft, or what was posted
   * @param shown what the form was opened with (the profile's values), carried by the form so a
   *     save sends only the fields the user changed; when the form comes back after a post or with
   *     a kept draft, what the user's form had been opened with
   * @param errors field name (or "") to a message
   * @param notice a note above the form (a draft was kept)
   * @param status 200, or 400 when the values were refused
   * @param writable the custom attributes the form lets the user change (by their Graph names in
   *     values); the others are shown read-only
   */
  record ShowForm(
      UserProfile profile,
      Map<String, String> values,
      Map<String, String> shown,
      Map<String, Text> errors,
      Optional<Text> notice,
      int status,
      CustomAttributes writable)
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
