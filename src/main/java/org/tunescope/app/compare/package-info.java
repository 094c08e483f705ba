/**
 * Comparing studies of several models on the same data, target, metric and folds: which studies can be
 * compared, the leaderboard of their best trials, the Pareto front of score against cost, and the paired
 * per-fold comparison of two models, stated in words. No front end: the app's Compare window and exports read it.
 */
package org.tunescope.app.compare;
