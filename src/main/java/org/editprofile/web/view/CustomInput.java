package org.editprofile.web.view;

import org.editprofile.i18n.Language;
import org.editprofile.profile.CustomAttributes;

/**
 * One custom attribute's input on the edit form: its Graph name (the input's name), its label in
 * the page's language and what the browser should check (a length, a range, yes or no).
 */
public final class CustomInput {

  private final String name;
  private final String label;
  private final CustomAttributes.Attribute attribute;

  public CustomInput(CustomAttributes custom, CustomAttributes.Attribute attribute, Language in) {
    this.name = custom.graphName(attribute);
    this.label = attribute.label(in);
    this.attribute = attribute;
  }

  public String getName() {
    return name;
  }

  public String getLabel() {
    return label;
  }

  /** {@code text}, {@code number} or {@code boolean}: which input the view draws. */
  public String getKind() {
    return switch (attribute.type()) {
      case STRING -> "text";
      case INTEGER -> "number";
      case BOOLEAN -> "boolean";
    };
  }

  public int getMaxLength() {
    return attribute.maxLength();
  }

  /** The smallest number allowed, or null. */
  public Long getMin() {
    return attribute.min().orElse(null);
  }

  /** The largest number allowed, or null. */
  public Long getMax() {
    return attribute.max().orElse(null);
  }
}
