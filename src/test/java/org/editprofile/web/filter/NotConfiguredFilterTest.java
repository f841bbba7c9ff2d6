package org.editprofile.web.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NotConfiguredFilterTest {

  @Test
  void settingsNamedInWhenProblemsCarryDetailsThenOnlyTheNamesRemainOnceEach() {
    assertEquals(
        List.of("SESSION_STORE_URL", "AUTHORITY", "CLIENT_SECRET", "CLIENT_SECRET_FILE"),
        NotConfiguredFilter.settingsNamedIn(
            List.of(
                "SESSION_STORE_URL: the session store at redis://10.0.0.5:6379 could not be used:"
                    + " NOAUTH Authentication required",
                "The discovery document of AUTHORITY names the issuer https://login.example/x",
                "Set CLIENT_SECRET or CLIENT_SECRET_FILE, not both",
                "SESSION_STORE_URL must use rediss:// (TLS) for a store on another host")));
  }
}
