/**
 * The window: the application ({@code TuneScopeApp}), the main view that composes the features' views
 * (fx:include) with its menu bar, tabs and message line, and the view model that joins the features into a study.
 */
package org.tunescope.ui.main;
