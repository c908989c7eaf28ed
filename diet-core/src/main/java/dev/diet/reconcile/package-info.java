/**
 * DIET's front door for keeping NetBox in step with a plan: {@link dev.diet.reconcile.Reconciler}
 * observes, diffs, previews ({@link dev.diet.reconcile.Preview}: text like {@code terraform plan},
 * JSON schema {@code diet.plan/v1}) and applies, refusing a stale preview.
 */
package dev.diet.reconcile;
