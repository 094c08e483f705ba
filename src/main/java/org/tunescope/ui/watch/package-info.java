/**
 * The store the window works on and the studies other machines run in it: File > Open store... (an SQLite
 * file or a PostgreSQL server, with a password prompt), following a study that workers run (its trials live
 * in the table and charts, how many workers are at it) and the banner of a lost connection that retries.
 */
package org.tunescope.ui.watch;
