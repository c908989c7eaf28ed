/** The three-way differ and its output, the {@link dev.diet.diff.ChangeSet}: plain data that backends execute. */
package dev.diet.diff;
