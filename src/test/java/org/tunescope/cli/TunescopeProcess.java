package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code tunescope} process (this build's classes, a JVM of its own) whose {@code --log-trials} lines and
 * output are collected as they come.
 */
final class TunescopeProcess {

  private static final Pattern LOGGED = Pattern.compile("trial (\\d+) (\\w+) validation (\\S+)");

  final Process process;
  final Map<Integer, String> logged = new ConcurrentHashMap<>();
  final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  /**
   * @param env         extra environment variables
   * @param properties  system properties, {@code -Dname=value} each
   */
  TunescopeProcess(List<String> args, Map<String, String> env, List<String> properties) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx384m", "-XX:TieredStopAtLevel=1"));
    command.addAll(properties);
    command.add("org.tunescope.Launcher");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    process = builder.start();
    read(process.getErrorStream());
    read(process.getInputStream());
  }

  private void read(java.io.InputStream stream) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
          Matcher m = LOGGED.matcher(line);
          if (m.matches()) {
            logged.put(Integer.parseInt(m.group(1)), m.group(2));
          }
        }
      } catch (IOException ignored) {
        // The process was killed.
      }
    });
    t.setDaemon(true);
    t.start();
    readers.add(t);
  }

  /** Waits for the process to end (at most {@code seconds}) and gives its exit code. */
  int exit(int seconds) throws InterruptedException {
    assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "process did not end: " + String.join("\n", lines));
    for (Thread t : readers) {
      t.join(5000);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs, its running trial stays running in the store. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
