/**
 * The desired-state graph the generator produces: NetBox objects keyed by stable {@link
 * dev.diet.state.ObjectKey}s, each with the fields DIET manages, in dependency order.
 */
package dev.diet.state;
