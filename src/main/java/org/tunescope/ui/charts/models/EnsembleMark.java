package org.tunescope.ui.charts.models;

/**
 * An ensemble of several models' trials, drawn as one more candidate beside the models' trials: a diamond in the
 * cost view at its members' summed cost, a level from where its last member finished in the history.
 *
 * @param label      how the views name it ("vote of 5")
 * @param fitSeconds its members' fit seconds summed; NaN when unknown (it is then not drawn in the cost view)
 * @param score      its mean validation score
 * @param trialX     where its last member finished, as a trial number
 * @param timeX      where its last member finished, in seconds since its study started
 */
public record EnsembleMark(String label, double fitSeconds, double score, double trialX, double timeX) {
}
