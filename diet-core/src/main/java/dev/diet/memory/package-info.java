/**
 * {@link dev.diet.memory.InMemoryNetBox}: a NetBox held in memory with NetBox's rules, the reference
 * backend every other backend is measured against, and a test harness that can act like a person
 * at NetBox's UI.
 */
package dev.diet.memory;
