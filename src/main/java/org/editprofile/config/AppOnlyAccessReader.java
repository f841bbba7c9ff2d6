package org.editprofile.config;

import static org.editprofile.config.SettingsLoader.ACCOUNT_DELETION;
import static org.editprofile.config.SettingsLoader.SERVICE_APP_ACCESS;

import java.util.Locale;
import java.util.Optional;
import org.editprofile.config.AppOnlyAccess.AccountDeletion;

/** EDIT_PROFILE_SERVICE_APP_ACCESS and ACCOUNT_DELETION, each mistake a named problem. */
final class AppOnlyAccessReader {

  private final SettingReader settings;

  AppOnlyAccessReader(SettingReader settings) {
    this.settings = settings;
  }

  AppOnlyAccess read() {
    boolean granted = granted();
    AccountDeletion deletion = deletion();
    return new AppOnlyAccess(granted, deletion);
  }

  private boolean granted() {
    Optional<String> value = settings.optional(SERVICE_APP_ACCESS);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        settings.problem(SERVICE_APP_ACCESS + " must be true or false");
        yield false;
      }
    };
  }

  private AccountDeletion deletion() {
    Optional<String> value = settings.optional(ACCOUNT_DELETION);
    if (value.isEmpty()) {
      return AccountDeletion.KEEP;
    }
    return switch (value.get().strip().toLowerCase(Locale.ROOT)) {
      case "keep" -> AccountDeletion.KEEP;
      case "purge" -> AccountDeletion.PURGE;
      case "off" -> AccountDeletion.OFF;
      default -> {
        settings.problem(ACCOUNT_DELETION + " must be keep, purge or off");
        yield AccountDeletion.KEEP;
      }
    };
  }
}
