package org.tunescope.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The --ensemble choice: the four words it always took mean what they meant, and greedy joins by name or list. */
class EnsembleKindTest {

  @Test
  void theOldChoicesMeanWhatTheyMeant() {
    assertEquals(EnumSet.noneOf(EnsembleKind.class), EnsembleKind.choice("none"));
    assertEquals(EnumSet.of(EnsembleKind.VOTE), EnsembleKind.choice("vote"));
    assertEquals(EnumSet.of(EnsembleKind.STACK), EnsembleKind.choice("stack"));
    assertEquals(EnumSet.of(EnsembleKind.VOTE, EnsembleKind.STACK), EnsembleKind.choice("both"));
  }

  @Test
  void greedyAloneOrInACommaList() {
    assertEquals(EnumSet.of(EnsembleKind.GREEDY), EnsembleKind.choice("greedy"));
    assertEquals(EnumSet.of(EnsembleKind.VOTE, EnsembleKind.GREEDY), EnsembleKind.choice("vote,greedy"));
    assertEquals(EnumSet.allOf(EnsembleKind.class), EnsembleKind.choice("both, greedy"));
    assertEquals(EnumSet.allOf(EnsembleKind.class), EnsembleKind.choice("stack,vote,greedy"));
  }

  @Test
  void badChoicesSayWhatIsAccepted() {
    for (String bad : new String[] {"bagging", "", "vote,", "none,vote", "VOTE"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnsembleKind.choice(bad));
      assertTrue(e.getMessage().contains("greedy"), e.getMessage());
    }
  }
}
