package org.tunescope.store;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a trial: its pid, host and start time. A trial left running by an owner that is
 * gone is marked interrupted; an owner is gone when it is on this host and its pid is not alive (or
 * belongs to a process started at another time: a reused pid), or, on another host, when it has not
 * sent a heartbeat for a while.
 */
public record Owner(long pid, String host, Instant started) {

  /**
   * How long a process on another host may stay silent before its running trials count as abandoned
   * (system property {@code tunescope.staleAfter}, in seconds; 60 by default).
   */
  public static final Duration STALE_AFTER = seconds("tunescope.staleAfter", 60);

  /** Every this often a store refreshes its owners' heartbeat (system property {@code tunescope.heartbeat}, s; 10). */
  public static final Duration HEARTBEAT = seconds("tunescope.heartbeat", 10);

  private static final String HOST = hostName();

  /** This process. */
  public static Owner current() {
    ProcessHandle self = ProcessHandle.current();
    Instant started = self.info().startInstant()
        .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    return new Owner(self.pid(), HOST, started);
  }

  /** The owner's id in a store: pid, host and start time, unique even when a pid is reused. */
  public String id() {
    return pid + "@" + host + "@" + started.toEpochMilli();
  }

  /** Reads an id made by {@link #id()}. */
  public static Optional<Owner> parse(String id) {
    int first = id.indexOf('@');
    int last = id.lastIndexOf('@');
    if (first <= 0 || last <= first) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Owner(Long.parseLong(id.substring(0, first)), id.substring(first + 1, last),
          Instant.ofEpochMilli(Long.parseLong(id.substring(last + 1)))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the owner is certainly gone, so that its running trials can be marked interrupted.
   *
   * @param lastHeartbeat when the owner last said it was alive
   */
  public boolean isGone(Instant lastHeartbeat, Instant now) {
    if (isLocal()) {
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return true;
      }
      Optional<Instant> start = process.get().info().startInstant();
      return start.isPresent() && Math.abs(start.get().toEpochMilli() - started.toEpochMilli()) > 2000;
    }
    return Duration.between(lastHeartbeat, now).compareTo(STALE_AFTER) > 0;
  }

  /** Whether the owner runs on this host, where its pid says whether it is alive. */
  public boolean isLocal() {
    return host.equals(HOST);
  }

  private static Duration seconds(String property, double otherwise) {
    String value = System.getProperty(property);
    double s = otherwise;
    if (value != null) {
      try {
        s = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        s = otherwise;
      }
    }
    return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }
}
