package org.tunescope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items from any thread and hands them to the UI thread in batches: at most one UI update is
 * pending at a time, however fast the items come, so eight workers finishing tiny trials cannot flood
 * the JavaFX thread.
 */
public final class UiBatcher<T> {

  private final UiScheduler scheduler;
  private final Consumer<List<T>> onUi;
  private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public UiBatcher(UiScheduler scheduler, Consumer<List<T>> onUi) {
    this.scheduler = scheduler;
    this.onUi = onUi;
  }

  /** Adds an item; called from worker threads. */
  public void offer(T item) {
    queue.add(item);
    if (scheduled.compareAndSet(false, true)) {
      scheduler.ui(this::drain);
    }
  }

  private void drain() {
    scheduled.set(false);
    List<T> batch = new ArrayList<>();
    for (T item = queue.poll(); item != null; item = queue.poll()) {
      batch.add(item);
    }
    if (!batch.isEmpty()) {
      onUi.accept(batch);
    }
  }
}
