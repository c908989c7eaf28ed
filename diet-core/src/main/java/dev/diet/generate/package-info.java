/**
 * Generation: sizes the switch classes of a plan, allocates ports and expands the plan into the
 * desired-state graph ({@link dev.diet.generate.Generator}), with the plan fingerprint, the
 * generation check preflight uses, and the {@code diet generate --json} form.
 */
package dev.diet.generate;
