/**
 * TuneScope's launcher: the desktop app with no arguments, else the command line. The layers live below:
 * {@code engine} <- {@code ml}, {@code store} <- {@code app} <- {@code cli}, {@code ui}.
 */
package org.tunescope;
