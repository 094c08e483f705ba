/**
 * Studies and trials: directions, budgets, fold scores, the multi-worker {@code StudyRunner} and its trial
 * ledger ({@code TrialLedger}, where a store plugs in), and the objective and sampler contracts.
 */
package org.tunescope.engine.study;
