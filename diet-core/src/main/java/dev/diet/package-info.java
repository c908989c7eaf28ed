/**
 * DIET for Java: expands a network-fabric plan into the NetBox devices, interfaces and cables it
 * needs and keeps NetBox in step. Start at {@link dev.diet.plan.PlanReader}, then {@code
 * dev.diet.generate.Generator} and {@code dev.diet.reconcile.Reconciler}.
 */
package dev.diet;
