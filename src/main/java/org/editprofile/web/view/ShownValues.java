package org.editprofile.web.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;
import org.editprofile.profile.ProfileField;

/**
 * The edit form's record of what its fields showed when it was opened, carried in one hidden input
 * ({@value #PARAMETER}) as form-encoded text ("displayName=Ada&city=Paris"). The save compares the
 * posted fields with it, so it sends only what the user changed without reading the profile again.
 * One input rather than one per field, so the view prints it with a single expression.
 */
public final class ShownValues {

  /** The hidden input's name. */
  public static final String PARAMETER = "shown";

  private static final String CUSTOM_ATTRIBUTE_PREFIX = "extension_";

  private ShownValues() {}

  /** Field name to value (null for an empty field), as the hidden input's value. */
  public static String encode(Map<String, String> shown) {
    List<NameValuePair> pairs = new ArrayList<>(shown.size());
    shown.forEach(
        (name, value) -> pairs.add(new BasicNameValuePair(name, value == null ? "" : value)));
    return WWWFormCodec.format(pairs, StandardCharsets.UTF_8);
  }

  /**
   * The hidden input's value as field name to value, for allow-listed fields and custom attributes
   * (Graph's {@code extension_} names) only, the first occurrence of a name winning; empty when the
   * post carried none, so every posted field counts as changed.
   */
  public static Map<String, String> decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    Map<String, String> shown = new LinkedHashMap<>();
    for (NameValuePair pair : WWWFormCodec.parse(encoded, StandardCharsets.UTF_8)) {
      if (ProfileField.byGraphName(pair.getName()).isPresent()
          || pair.getName().startsWith(CUSTOM_ATTRIBUTE_PREFIX)) {
        shown.putIfAbsent(pair.getName(), pair.getValue() == null ? "" : pair.getValue());
      }
    }
    return Collections.unmodifiableMap(shown);
  }
}
