/**
 * {@link dev.diet.netbox.rest.fake.FakeNetBox}: an in-process NetBox 4.4 REST API for tests, with
 * fault injection and request counting; published in this module's test jar.
 */
package dev.diet.netbox.rest.fake;
