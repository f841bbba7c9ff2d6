package org.editprofile.i18n;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A message for a page, as a bundle key and its arguments: it is put into words only when the
 * page's language is known, so logic and session state stay language-free. An argument may itself
 * be a {@code Text} (a field's label inside a field error).
 *
 * @param key the key in {@code org/editprofile/i18n/messages*.properties}
 * @param args the pattern's arguments, {0} first
 */
public record Text(String key, List<Serializable> args) implements Serializable {

  public Text {
    Objects.requireNonNull(key, "key");
    args = List.copyOf(args);
  }

  public static Text of(String key, Serializable... args) {
    return new Text(key, List.of(args));
  }
}
