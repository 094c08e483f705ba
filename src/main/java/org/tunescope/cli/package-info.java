/**
 * The {@code tunescope} command line (picocli): each command parses its flags and calls the application
 * layer ({@code app}); errors are worded here ({@code ErrorWords}), progress is printed here.
 */
package org.tunescope.cli;
