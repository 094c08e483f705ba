/**
 * The model catalog: Smile's models and XGBoost behind one {@code Trainer} contract, each with its declared
 * hyperparameters and default ranges ({@code ModelSpec}); our own SMO for the SVM classifier.
 */
package org.tunescope.ml.models;
