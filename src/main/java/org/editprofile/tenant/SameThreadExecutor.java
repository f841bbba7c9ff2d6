package org.editprofile.tenant;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs MSAL4J's "async" work on the calling request thread. MSAL4J otherwise hands every call to
 * the common fork-join pool, whose parallelism is one on a two-core server: every signed-in request
 * would queue behind one thread and the caller would spin waiting for it.
 */
final class SameThreadExecutor extends AbstractExecutorService {

  static final SameThreadExecutor INSTANCE = new SameThreadExecutor();

  private SameThreadExecutor() {}

  @Override
  public void execute(Runnable command) {
    command.run();
  }

  /** Shared by every request: it cannot be shut down. */
  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return false;
  }
}
