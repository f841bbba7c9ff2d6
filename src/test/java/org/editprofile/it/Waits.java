package org.editprofile.it;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waiting in a browser test: for a condition, never a fixed time, with a generous limit. */
public final class Waits {

  private Waits() {}

  /** Waits for a condition outside a browser, polling; fails naming what it waited for. */
  public static void forCondition(
      Duration limit, java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Waits, and on timeout says where the browser is and what it shows. */
  public static <T> T until(ChromeDriver driver, ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "Timed out at "
              + driver.getCurrentUrl()
              + " showing:\n"
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }
}
