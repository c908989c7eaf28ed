/**
 * The REST backend: {@link dev.diet.netbox.rest.RestNetBoxBackend} observes and changes NetBox
 * through its API with bulk requests, parallel pages and bounded retries, configured by {@link
 * dev.diet.netbox.rest.RestConfig}. Not atomic, but a re-run after any failure converges.
 */
package dev.diet.netbox.rest;
