package io.teamsmeet;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The builder's {@link TeamsListener}s as one: each call goes to every listener in order, and a
 * listener that throws is logged (WARNING the first time, DEBUG after) and never breaks the call it
 * observes. Thread-safe.
 */
final class Listeners implements TeamsListener {

  private static final System.Logger LOG = System.getLogger(Loggers.LISTENER);

  /** No listener: every method does nothing. */
  static final TeamsListener NONE = new TeamsListener() {};

  private final List<TeamsListener> listeners;
  private final Set<TeamsListener> warned = ConcurrentHashMap.newKeySet();

  private Listeners(List<TeamsListener> listeners) {
    this.listeners = listeners;
  }

  static TeamsListener of(List<TeamsListener> listeners) {
    return listeners.isEmpty() ? NONE : new Listeners(List.copyOf(listeners));
  }

  private void each(String method, Consumer<TeamsListener> call) {
    for (TeamsListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        if (warned.add(listener)) {
          LOG.log(
              Level.WARNING,
              "listener {0} threw {1} from {2}; ignored (this is logged once per listener at"
                  + " WARNING, then at DEBUG)",
              listener.getClass().getName(),
              e.getClass().getName(),
              method);
        } else {
          LOG.log(
              Level.DEBUG,
              "listener {0} threw {1} from {2}; ignored",
              listener.getClass().getName(),
              e.getClass().getName(),
              method);
        }
      }
    }
  }

  @Override
  public void connectCompleted(String userId) {
    each("connectCompleted", l -> l.connectCompleted(userId));
  }

  @Override
  public void connectDenied(String userId, AuthorizationDeniedException denial) {
    each("connectDenied", l -> l.connectDenied(userId, denial));
  }

  @Override
  public void tokenRefreshed(
      String userId, RefreshTrigger trigger, RefreshOutcome outcome, Duration duration) {
    each("tokenRefreshed", l -> l.tokenRefreshed(userId, trigger, outcome, duration));
  }

  @Override
  public void applicationTokenRequested(
      String tenant, RefreshTrigger trigger, ApplicationTokenOutcome outcome, Duration duration) {
    each(
        "applicationTokenRequested",
        l -> l.applicationTokenRequested(tenant, trigger, outcome, duration));
  }

  @Override
  public void refreshAheadQueued(String userId) {
    each("refreshAheadQueued", l -> l.refreshAheadQueued(userId));
  }

  @Override
  public void refreshAheadSkipped(String userId) {
    each("refreshAheadSkipped", l -> l.refreshAheadSkipped(userId));
  }

  @Override
  public void retrying(
      String operation, int attempt, RetryReason reason, int status, Duration wait) {
    each("retrying", l -> l.retrying(operation, attempt, reason, status, wait));
  }

  @Override
  public void throttled(String operation, Optional<Duration> retryAfter) {
    each("throttled", l -> l.throttled(operation, retryAfter));
  }

  @Override
  public void grantDeleted(String userId, DeletionReason reason) {
    each("grantDeleted", l -> l.grantDeleted(userId, reason));
  }

  @Override
  public void storeConflict(String userId, String change) {
    each("storeConflict", l -> l.storeConflict(userId, change));
  }
}
