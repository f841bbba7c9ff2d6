package org.editprofile.config;

/**
 * What the edit profile service may do with Microsoft Graph's application permission {@code
 * User.ReadWrite.All} (admin consent) on its own registration: write the declared custom attributes
 * and delete accounts, always for the user whose validated token it received. The web app reads the
 * same settings to offer those parts of the account page.
 *
 * @param granted EDIT_PROFILE_SERVICE_APP_ACCESS: the operator gave the service the permission
 * @param deletion ACCOUNT_DELETION: what "delete my account" does
 */
public record AppOnlyAccess(boolean granted, AccountDeletion deletion) {

  public static final AppOnlyAccess NONE = new AppOnlyAccess(false, AccountDeletion.KEEP);

  /** What deleting an account means for the directory. */
  public enum AccountDeletion {
    /** No deletion offered. */
    OFF,
    /** Deleted, kept in the tenant's deleted items for its 30-day restore window. */
    KEEP,
    /** Deleted, then removed from the deleted items: nothing can restore it. */
    PURGE
  }

  /** Whether customers may delete their account here. */
  public boolean deletesAccounts() {
    return granted && deletion != AccountDeletion.OFF;
  }
}
