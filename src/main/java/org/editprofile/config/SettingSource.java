package org.editprofile.config;

import java.util.Optional;

/** Where a named setting comes from: environment, system properties, servlet context parameters. */
@FunctionalInterface
public interface SettingSource {

  Optional<String> get(String name);

  /** The first source that has a non-blank value wins. */
  static SettingSource firstOf(SettingSource... sources) {
    return name -> {
      for (SettingSource source : sources) {
        Optional<String> value = source.get(name).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isPresent()) {
          return value;
        }
      }
      return Optional.empty();
    };
  }

  static SettingSource environment() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  static SettingSource systemProperties() {
    return name -> Optional.ofNullable(System.getProperty(name));
  }
}
