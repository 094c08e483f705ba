package org.tunescope.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;

/** A store in memory, for tests and throwaway runs: gone with the process. Thread-safe. */
public final class InMemoryStudyStore implements StudyStore {

  private final Map<String, Entry> studies = new LinkedHashMap<>();
  private final Map<String, Instant> heartbeats = new HashMap<>();
  /** Copies of data files by SHA-256. */
  private final Map<String, StoredData> data = new HashMap<>();

  /** A study and its trials: finished ones by number, and the owner of each running claim. */
  private static final class Entry {
    StudyRecord record;
    final TreeMap<Integer, Trial> finished = new TreeMap<>();
    final TreeMap<Integer, Claim> running = new TreeMap<>();
    Optional<TestScore> test = Optional.empty();
    Optional<ImportRecord> origin = Optional.empty();
    final TreeMap<Integer, ImportedTrial> extras = new TreeMap<>();

    Entry(StudyRecord record) {
      this.record = record;
    }
  }

  /** A running trial's owner, and what it evaluates once its sampler has chosen. */
  private record Claim(Owner owner, Instant started, Optional<RunningTrial> trial) {
  }

  @Override
  public synchronized StudyRecord createIfAbsent(StudyRecord study) {
    return studies.computeIfAbsent(study.name(), n -> new Entry(study)).record;
  }

  @Override
  public synchronized Optional<StudyRecord> find(String name) {
    return Optional.ofNullable(studies.get(name)).map(e -> e.record);
  }

  @Override
  public synchronized List<StudySummary> list() {
    List<StudySummary> out = new ArrayList<>();
    for (Entry e : studies.values()) {
      out.add(StudySummary.of(e.record, List.copyOf(e.finished.values()), e.running.size()));
    }
    return out;
  }

  @Override
  public synchronized List<Trial> trials(String name) {
    return List.copyOf(entry(name).finished.values());
  }

  @Override
  public synchronized void addTrials(String name, List<Trial> trials) {
    Entry e = entry(name);
    for (Trial t : trials) {
      e.running.remove(t.number());
      e.finished.put(t.number(), t);
    }
  }

  @Override
  public synchronized boolean delete(String name) {
    boolean deleted = studies.remove(name) != null;
    data.keySet().removeIf(sha -> studies.values().stream().noneMatch(e -> e.record.info().sha256().equals(sha)));
    return deleted;
  }

  @Override
  public synchronized void saveData(StoredData copy) {
    data.putIfAbsent(copy.sha256(), copy);
  }

  @Override
  public synchronized boolean hasData(String sha256) {
    return data.containsKey(sha256);
  }

  @Override
  public synchronized Optional<StoredData> data(String sha256) {
    return Optional.ofNullable(data.get(sha256));
  }

  @Override
  public synchronized void markFinished(String name) {
    Entry e = entry(name);
    StudyRecord r = e.record;
    e.record = new StudyRecord(r.info(), r.request(), r.provenance(), r.plannedTrials(), Optional.of(Instant.now()));
  }

  @Override
  public synchronized void saveTestScore(String name, TestScore score) {
    entry(name).test = Optional.of(score);
  }

  @Override
  public synchronized Optional<TestScore> testScore(String name) {
    return entry(name).test;
  }

  @Override
  public synchronized TrialLedger ledger(String name, Owner owner) {
    entry(name);
    heartbeats.put(owner.id(), Instant.now());
    return new Ledger(name, owner);
  }

  @Override
  public synchronized int markInterruptedOfGoneOwners() {
    Instant now = Instant.now();
    int marked = 0;
    for (Entry e : studies.values()) {
      for (var it = e.running.entrySet().iterator(); it.hasNext(); ) {
        var claim = it.next();
        // Read the entry before removing it: a TreeMap may reuse the entry object for its successor.
        int number = claim.getKey();
        Claim c = claim.getValue();
        Owner owner = c.owner();
        if (owner.isGone(heartbeats.getOrDefault(owner.id(), Instant.EPOCH), now)) {
          it.remove();
          e.finished.put(number, Interrupted.trial(e.record, number, owner, c.started()));
          marked++;
        }
      }
    }
    return marked;
  }

  @Override
  public synchronized void saveImport(ImportedStudy imported) {
    Entry e = studies.get(imported.name());
    if (e != null && !e.origin.map(o -> o.sameSource(imported.origin())).orElse(false)) {
      throw ImportConflict.of(imported, e.origin);
    }
    StudyRecord r = imported.study();
    if (e == null) {
      e = new Entry(r);
      studies.put(r.name(), e);
    } else {
      e.record = new StudyRecord(r.info(), r.request(), e.record.provenance(), r.plannedTrials(), r.finished());
    }
    e.origin = Optional.of(imported.origin());
    e.finished.clear();
    e.extras.clear();
    for (Trial t : imported.trials()) {
      e.finished.put(t.number(), t);
    }
    for (ImportedTrial x : imported.extras()) {
      e.extras.put(x.number(), x);
    }
  }

  @Override
  public synchronized Optional<ImportRecord> importRecord(String name) {
    return entry(name).origin;
  }

  @Override
  public synchronized List<ImportedTrial> importedTrials(String name) {
    return List.copyOf(entry(name).extras.values());
  }

  @Override
  public void close() {
  }

  private Entry entry(String name) {
    Entry e = studies.get(name);
    if (e == null) {
      throw StoreException.unknownStudy(name);
    }
    return e;
  }

  /** The ledger of one owner on one study; it works on the store's maps under the store's lock. */
  private final class Ledger implements TrialLedger {
    private final String name;
    private final Owner owner;

    Ledger(String name, Owner owner) {
      this.name = name;
      this.owner = owner;
    }

    @Override
    public OptionalInt claim(Study study, Instant deadline) {
      synchronized (InMemoryStudyStore.this) {
        Entry e = entry(name);
        heartbeats.put(owner.id(), Instant.now());
        Set<Integer> taken = new HashSet<>(e.running.keySet());
        e.finished.values().stream().filter(t -> t.state() != TrialState.INTERRUPTED).forEach(t -> taken.add(t.number()));
        OptionalInt number = TrialLedger.nextNumber(study, deadline, taken, 0);
        number.ifPresent(n -> {
          e.finished.remove(n);
          e.running.put(n, new Claim(owner, Instant.now(), Optional.empty()));
        });
        return number;
      }
    }

    @Override
    public void release(int number) {
      synchronized (InMemoryStudyStore.this) {
        Entry e = entry(name);
        Claim c = e.running.get(number);
        if (c != null && c.owner().equals(owner)) {
          e.running.remove(number);
        }
      }
    }

    @Override
    public void finish(Trial trial) {
      synchronized (InMemoryStudyStore.this) {
        Entry e = entry(name);
        heartbeats.put(owner.id(), Instant.now());
        e.running.remove(trial.number());
        e.finished.put(trial.number(), trial);
      }
    }

    @Override
    public List<Trial> finished() {
      return trials(name);
    }

    @Override
    public void started(int number, Map<String, Object> params, double budget) {
      synchronized (InMemoryStudyStore.this) {
        Entry e = entry(name);
        Claim c = e.running.get(number);
        if (c != null && c.owner().equals(owner)) {
          e.running.put(number, new Claim(owner, c.started(), Optional.of(new RunningTrial(number, params, budget))));
        }
      }
    }

    @Override
    public List<RunningTrial> running() {
      synchronized (InMemoryStudyStore.this) {
        return entry(name).running.values().stream().flatMap(c -> c.trial().stream()).toList();
      }
    }
  }
}
