package org.editprofile.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user typed into the edit form, kept in the session across a step-up round trip or a
 * temporary failure, so nothing typed is lost.
 */
record ProfileDraft(LinkedHashMap<String, String> values, String notice) implements Serializable {

  static final String ATTRIBUTE = "web.profileDraft";

  static ProfileDraft of(Map<String, String> values, String notice) {
    return new ProfileDraft(new LinkedHashMap<>(values), notice);
  }
}
