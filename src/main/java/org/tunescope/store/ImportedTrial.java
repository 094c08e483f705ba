package org.tunescope.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an imported trial holds beyond a TuneScope {@code Trial} of the same number: every objective's value,
 * its intermediate values (the learning curve a pruner watched: pruned trials end where they stopped), its
 * user attributes and when it completed in the source.
 *
 * @param values         one value per objective of the source; NaN where the trial has none
 * @param intermediate   the reported values by step, in step order
 * @param userAttributes each user attribute's value as JSON text
 */
public record ImportedTrial(int number, Optional<String> sourceId, Optional<Instant> completed, List<Double> values,
                            List<Step> intermediate, Map<String, String> userAttributes) {

  /** One intermediate value: the step (an epoch, a number of trees...) and the value reported there. */
  public record Step(long step, double value) {
  }

  public ImportedTrial {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(completed, "completed");
    values = Collections.unmodifiableList(new ArrayList<>(values));
    intermediate = List.copyOf(intermediate);
    userAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(userAttributes));
  }
}
