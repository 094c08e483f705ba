/** Keeping studies: results files now, the study database later. Knows no user interface. */
package org.tunescope.store;
