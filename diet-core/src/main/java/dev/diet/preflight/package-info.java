/**
 * Preflight: static validation of a {@link dev.diet.plan.Plan} before anything is generated or
 * any backend is touched. {@link dev.diet.preflight.Preflight} runs a list of {@link
 * dev.diet.preflight.PlanCheck}s and reports every {@link dev.diet.plan.Problem} at once.
 */
package dev.diet.preflight;
