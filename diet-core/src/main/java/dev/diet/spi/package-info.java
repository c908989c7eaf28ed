/**
 * The backend SPI: {@link dev.diet.spi.NetBoxBackend} observes what NetBox holds for a plan and
 * executes change sets. Implementations: {@code dev.diet.memory.InMemoryNetBox}, the JDBC backend
 * and the REST backend; all pass the contract suite in diet-core's test jar.
 */
package dev.diet.spi;
