package org.tunescope.ui.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.Column;
import org.tunescope.ml.data.ColumnSummary;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.TaskInference;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

/**
 * The data step: which file is loaded, its columns with their detected types, the target column and
 * the task. Files load in the background; a problem with the file becomes a message, never a crash.
 */
public final class DataViewModel {

  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final RecentFiles recent;

  private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
  private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description",
      "No data yet: open a CSV, ARFF or LibSVM file, drop one here, or pick a sample.");
  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ObservableList<ColumnSummary> summaries = FXCollections.observableArrayList();
  private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
  private final ObjectProperty<Task> task = new SimpleObjectProperty<>(this, "task");
  private final ReadOnlyStringWrapper targetSummary = new ReadOnlyStringWrapper(this, "targetSummary", "");
  /** How the preview writes each numeric column's numbers, by column index; empty for a categorical column. */
  private List<Optional<ColumnNumberFormat>> numberFormats = List.of();

  public DataViewModel(UiScheduler scheduler, Notifications notifications, RecentFiles recent) {
    this.scheduler = scheduler;
    this.notifications = notifications;
    this.recent = recent;
    target.addListener((obs, old, now) -> onTargetChanged(now));
    task.addListener((obs, old, now) -> updateTargetSummary());
  }

  /** Loads a file in the background; when done, it becomes the current data set. */
  public void load(Path file) {
    load(file, loaded -> { });
  }

  /** Loads a file in the background, then runs {@code then} on the UI thread if it loaded. */
  public void load(Path file, Consumer<LoadedData> then) {
    scheduler.background(() -> {
      try {
        LoadedData loaded = DataLoader.load(file);
        List<ColumnSummary> columnSummaries = loaded.table().columns().stream().map(ColumnSummary::of).toList();
        // Worked out here, with the reading: a column of 100,000 rows takes a while, and the preview only shows them.
        List<Optional<ColumnNumberFormat>> formats = loaded.table().columns().stream()
            .map(DataViewModel::numberFormat).toList();
        scheduler.ui(() -> {
          numberFormats = formats;
          show(loaded, columnSummaries);
          recent.add(file);
          then.accept(loaded);
        });
      } catch (DataException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
      } catch (RuntimeException | OutOfMemoryError e) {
        scheduler.ui(() -> notifications.error("cannot load " + file.getFileName() + ": "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
      }
    });
  }

  private void show(LoadedData loaded, List<ColumnSummary> columnSummaries) {
    target.set(null);
    summaries.setAll(columnSummaries);
    columns.setAll(loaded.table().names());
    data.set(loaded);
    description.set(loaded.file().getFileName() + ": " + loaded.table().rowCount() + " rows, "
        + loaded.table().columnCount() + " columns" + (loaded.notes().isEmpty() ? "" : " (" + String.join("; ",
        loaded.notes()) + ")"));
    target.set(defaultTarget(loaded.table().names()));
  }

  private static Optional<ColumnNumberFormat> numberFormat(Column column) {
    return column instanceof NumericColumn n ? Optional.of(ColumnNumberFormat.of(n.values())) : Optional.empty();
  }

  /**
   * How the preview writes the numbers of the loaded data's column at {@code index}, worked out when the file
   * was read; empty for a categorical column.
   */
  public Optional<ColumnNumberFormat> numberFormat(int index) {
    return index < numberFormats.size() ? numberFormats.get(index) : Optional.empty();
  }

  /** A column named "target", "class", "label" or "y" if there is one, else the last column. */
  static String defaultTarget(List<String> names) {
    for (String preferred : List.of("target", "class", "label", "y")) {
      for (String n : names) {
        if (n.equalsIgnoreCase(preferred)) {
          return n;
        }
      }
    }
    return names.get(names.size() - 1);
  }

  private void onTargetChanged(String column) {
    Optional<Column> c = column(column);
    task.set(c.map(TaskInference::inferTask).orElse(null));
    updateTargetSummary();
  }

  private Optional<Column> column(String name) {
    LoadedData d = data.get();
    return d == null || name == null ? Optional.empty() : d.table().column(name);
  }

  /** Class balance for classification ("benign 357 · malignant 212"), range for regression. */
  private void updateTargetSummary() {
    Optional<ColumnSummary> s = summaries.stream().filter(c -> c.name().equals(target.get())).findFirst();
    if (s.isEmpty() || task.get() == null) {
      targetSummary.set("");
      return;
    }
    ColumnSummary summary = s.get();
    if (task.get() == Task.CLASSIFICATION) {
      List<ColumnSummary.LevelCount> levels = column(target.get())
          .map(c -> ColumnSummary.of(c, 12).topLevels()).orElse(List.of());
      String classes = summary.distinct() + " classes: "
          + levels.stream().map(l -> l.level() + " " + l.count()).collect(Collectors.joining(" · "))
          + (summary.distinct() > levels.size() ? " · ..." : "");
      targetSummary.set(summary.type() == ColumnSummary.ColumnType.NUMERIC && levels.isEmpty()
          ? summary.distinct() + " classes" : classes);
    } else {
      targetSummary.set(String.format(java.util.Locale.ROOT, "numeric target from %.4g to %.4g, mean %.4g",
          summary.min().orElse(Double.NaN), summary.max().orElse(Double.NaN), summary.mean().orElse(Double.NaN)));
    }
  }

  /** An end of a column's range: three significant digits, but 2501 as 2501, not 2.50e+03 beside 144. */
  static String rangeEnd(double v) {
    return Math.abs(v) >= 100 && Math.abs(v) < 1e6 ? String.format(java.util.Locale.ROOT, "%.0f", v)
        : String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  /** The distribution hint shown under a column's name in the preview. */
  public static String hint(ColumnSummary s) {
    String missing = s.missing() > 0 ? ", " + s.missing() + " missing" : "";
    if (s.type() == ColumnSummary.ColumnType.NUMERIC) {
      return "number " + rangeEnd(s.min().orElse(Double.NaN)) + ".." + rangeEnd(s.max().orElse(Double.NaN)) + missing;
    }
    return s.distinct() + " categories: " + s.topLevels().stream().limit(3).map(ColumnSummary.LevelCount::level)
        .collect(Collectors.joining(", ")) + (s.distinct() > 3 ? ", ..." : "") + missing;
  }

  public ReadOnlyObjectProperty<LoadedData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  public Optional<LoadedData> data() {
    return Optional.ofNullable(data.get());
  }

  public ReadOnlyStringProperty descriptionProperty() {
    return description.getReadOnlyProperty();
  }

  public ObservableList<String> columns() {
    return columns;
  }

  public ObservableList<ColumnSummary> summaries() {
    return summaries;
  }

  public ObjectProperty<String> targetProperty() {
    return target;
  }

  public ObjectProperty<Task> taskProperty() {
    return task;
  }

  public ReadOnlyStringProperty targetSummaryProperty() {
    return targetSummary.getReadOnlyProperty();
  }

  public RecentFiles recent() {
    return recent;
  }
}
