package org.editprofile.session;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.editprofile.i18n.Text;

/**
 * What the user typed into the edit form, and what that form showed when it was opened, kept in the
 * session across a step-up round trip or a temporary failure: nothing typed is lost, and the form
 * that comes back still sends only what the user changed, even if the profile changed meanwhile.
 *
 * @param shown null in a draft kept before drafts carried it (a session from an older build)
 */
public record ProfileDraft(
    LinkedHashMap<String, String> values, LinkedHashMap<String, String> shown, Text notice)
    implements Serializable {

  public static ProfileDraft of(
      Map<String, String> values, Map<String, String> shown, Text notice) {
    return new ProfileDraft(new LinkedHashMap<>(values), new LinkedHashMap<>(shown), notice);
  }

  /** What the form showed, when the draft knows it. */
  public Optional<Map<String, String>> shownWhenKept() {
    return Optional.ofNullable(shown);
  }
}
