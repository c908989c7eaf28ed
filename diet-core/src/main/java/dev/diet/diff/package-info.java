/**
 * The three-way differ ({@link dev.diet.diff.Differ}: last applied, desired, current per managed
 * field) and its output: the {@link dev.diet.diff.ChangeSet} (plain data that backends execute),
 * conflicts with their resolutions, the drift report and deletions awaiting approval.
 */
package dev.diet.diff;
