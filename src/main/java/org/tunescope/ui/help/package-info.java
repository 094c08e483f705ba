/** The Help menu's windows: keyboard shortcuts, the offline guide and About. */
package org.tunescope.ui.help;
