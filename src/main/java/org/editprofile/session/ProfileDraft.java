package org.editprofile.session;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.editprofile.i18n.Text;

/**
 * What the user typed into the edit form, kept in the session across a step-up round trip or a
 * temporary failure, so nothing typed is lost.
 */
public record ProfileDraft(LinkedHashMap<String, String> values, Text notice)
    implements Serializable {

  public static ProfileDraft of(Map<String, String> values, Text notice) {
    return new ProfileDraft(new LinkedHashMap<>(values), notice);
  }
}
