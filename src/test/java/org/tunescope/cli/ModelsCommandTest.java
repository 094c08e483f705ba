package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelsCommandTest {

  @Test
  void modelsListsXGBoostForBothTasksWithWhenToPickIt() {
    CliRun run = CliRun.of("models");
    assertEquals(0, run.exitCode(), run.err());
    String out = run.out();
    int regression = out.indexOf("REGRESSION");
    assertTrue(regression > 0, out);
    for (String part : new String[] {out.substring(0, regression), out.substring(regression)}) {
      assertTrue(part.contains("  xgboost "), part);
      assertTrue(part.contains("the pick for thousands of rows or more"), part);
      for (String name : new String[] {"min_child_weight", "colsample_bytree", "reg_lambda", "reg_alpha",
          "min_split_loss", "max_bin"}) {
        assertTrue(part.contains(name), name + " in:\n" + part);
      }
    }
  }
}
