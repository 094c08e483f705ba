package org.tunescope.ui.watch;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tunescope.app.OpenStore;
import org.tunescope.app.Settings;
import org.tunescope.store.StoreException;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;
import org.tunescope.ui.studies.StudiesViewModel;

/**
 * File > Open store...: opens an SQLite file or a PostgreSQL server in the background (connecting may take
 * seconds), asks for a password when the server wants one that PGPASSWORD and ~/.pgpass do not have, and
 * works on it from then on. The store's address is remembered as "store" in the settings; a password never
 * is: it stays in memory, in the {@link OpenStore}, for opening the same server again.
 */
public final class StoreViewModel {

  /** The settings' name of the last store opened. */
  public static final String SETTING = "store";

  private final OpenStore store;
  private final RunViewModel run;
  private final StudiesViewModel studies;
  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final Supplier<Settings> settings;
  /** Whether a store is being opened: a second Open store... meanwhile does nothing. UI thread only. */
  private boolean opening;
  /** Asks the user for a server's password, on the UI thread (given the address); empty when cancelled. */
  private Function<String, Optional<String>> askPassword = address -> Optional.empty();

  public StoreViewModel(OpenStore store, RunViewModel run, StudiesViewModel studies, UiScheduler scheduler,
      Notifications notifications, Supplier<Settings> settings) {
    this.store = store;
    this.run = run;
    this.studies = studies;
    this.scheduler = scheduler;
    this.notifications = notifications;
    this.settings = settings;
  }

  /** How to ask for a password (the view's dialog). */
  public void setPasswordPrompt(Function<String, Optional<String>> ask) {
    this.askPassword = ask;
  }

  /** What the Open store dialog offers first: the store in use. */
  public String address() {
    return store.address();
  }

  /** Opens the store at {@code where}, an SQLite file or {@code postgresql://user@host:port/db}; call on the UI thread. */
  public void open(String where) {
    if (where == null || where.isBlank()) {
      notifications.error("give an SQLite file or a PostgreSQL address (postgresql://user@host:port/db)");
      return;
    }
    if (run.busy().isBusy()) {
      notifications.error(run.busy().refusal("before opening another store"));
      return;
    }
    if (opening) {
      return;
    }
    opening = true;
    notifications.info("Opening " + where.strip() + "...");
    openInBackground(where.strip(), Optional.empty());
  }

  private void openInBackground(String where, Optional<String> password) {
    scheduler.background(() -> {
      OpenStore.Opened opened;
      try {
        opened = OpenStore.open(where, password);
      } catch (StoreException e) {
        scheduler.ui(() -> {
          if (e.reason() == StoreException.Reason.PASSWORD_NEEDED) {
            Optional<String> typed = askPassword.apply(where);
            if (typed.isPresent()) {
              openInBackground(where, typed);
              return;
            }
          }
          opening = false;
          notifications.error(e.reason() == StoreException.Reason.PASSWORD_NEEDED
              ? "not opened: " + e.getMessage() : e.getMessage());
        });
        return;
      } catch (RuntimeException e) {
        scheduler.ui(() -> {
          opening = false;
          notifications.error("cannot open the store " + where + ": " + e.getMessage());
        });
        return;
      }
      scheduler.ui(() -> {
        opening = false;
        if (run.busy().isBusy()) {
          // A study or a comparison started while the store opened: it keeps the store it runs in.
          scheduler.background(() -> opened.store().close());
          notifications.error(run.busy().refusal("before opening another store"));
          return;
        }
        run.clear();
        scheduler.background(() -> {
          store.use(opened);
          settings.get().put(SETTING, opened.address());
          studies.refresh();
          scheduler.ui(() -> notifications.info("Opened the store " + opened.address()
              + ": its studies are in the Studies tab."));
        });
      });
    });
  }
}
