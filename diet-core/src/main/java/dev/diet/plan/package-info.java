/**
 * The DIET plan model: reference data, switch and server classes, port zones, NICs, connections and
 * naming templates, read from a plan file by {@link dev.diet.plan.PlanReader}.
 *
 * <p>Value types are written as abstract {@code *Def} types; Immutables generates the public
 * immutable class without the suffix (for example {@code SwitchClass.builder()}).
 */
@Value.Style(
    typeAbstract = "*Def",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    jdkOnly = false,
    allParameters = false)
package dev.diet.plan;

import org.immutables.value.Value;
