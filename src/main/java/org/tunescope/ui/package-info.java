/**
 * The desktop app's shared pieces, below every feature: notifications, the scheduler that keeps work off the
 * JavaFX thread, throttles, themes and PNG export. One package per feature sits beside it; the window is ui.main.
 */
package org.tunescope.ui;
