package org.editprofile.config;

import java.util.List;

/** The outcome of reading the settings: either usable settings or the list of what is wrong. */
public sealed interface Configuration {

  record Ready(AppSettings settings) implements Configuration {}

  /** Each problem names a setting and what is wrong with it, never its value. */
  record NotConfigured(List<String> problems) implements Configuration {}
}
