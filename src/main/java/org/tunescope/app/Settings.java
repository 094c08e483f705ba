package org.tunescope.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tunescope.store.HomeFolder;

/**
 * What the app remembers between runs (theme, window, last folder, last store, chart choices): a flat
 * JSON object of names to strings in {@code settings.json} under the TuneScope folder. Every change is
 * written at once (to a temporary file moved into place), so a crash keeps what was set. An unreadable
 * file is set aside as {@code settings.json.bad} and the defaults are used: settings are never a reason
 * not to start.
 */
public final class Settings {

  private static final Logger LOG = Logger.getLogger(Settings.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Optional<Path> file;
  private final Map<String, String> values = new TreeMap<>();

  private Settings(Optional<Path> file) {
    this.file = file;
  }

  /** Settings kept in memory only (tests, and a window without a home folder). */
  public static Settings inMemory() {
    return new Settings(Optional.empty());
  }

  /** The settings in {@code settings.json} under the TuneScope folder. */
  public static Settings load() {
    return load(HomeFolder.path().resolve("settings.json"));
  }

  /** The settings in a file (none yet: empty). */
  public static Settings load(Path file) {
    Settings settings = new Settings(Optional.of(file));
    if (Files.isRegularFile(file)) {
      try {
        settings.values.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
      } catch (IOException e) {
        LOG.log(Level.WARNING, "settings file " + file + " is unreadable; starting from the defaults", e);
        try {
          Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailed) {
          LOG.log(Level.WARNING, "cannot set aside " + file, moveFailed);
        }
      }
    }
    return settings;
  }

  public synchronized Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public Optional<Double> getDouble(String name) {
    return get(name).flatMap(v -> {
      try {
        return Optional.of(Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  public boolean getBoolean(String name, boolean otherwise) {
    return get(name).map(Boolean::parseBoolean).orElse(otherwise);
  }

  /** Sets a value (null removes it) and writes the file. */
  public void put(String name, Object value) {
    Map<String, Object> one = new HashMap<>();
    one.put(name, value);
    putAll(one);
  }

  /** Sets several values (a null removes one) and writes the file once, if any of them changed. */
  public synchronized void putAll(Map<String, ?> changes) {
    boolean changed = false;
    for (Map.Entry<String, ?> e : changes.entrySet()) {
      String text = e.getValue() == null ? null : e.getValue().toString();
      if (!Objects.equals(values.get(e.getKey()), text)) {
        changed = true;
        if (text == null) {
          values.remove(e.getKey());
        } else {
          values.put(e.getKey(), text);
        }
      }
    }
    if (changed) {
      save();
    }
  }

  private void save() {
    if (file.isEmpty()) {
      return;
    }
    Path target = file.get();
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), values);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // A read-only home: the settings last for this run.
      LOG.log(Level.WARNING, "cannot write the settings to " + target, e);
    }
  }
}
