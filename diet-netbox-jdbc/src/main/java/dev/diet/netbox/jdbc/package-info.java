/**
 * The JDBC backend: {@link dev.diet.netbox.jdbc.JdbcNetBoxBackend} observes and writes NetBox's own
 * tables, on NetBox 4.4's PostgreSQL schema or on DIET's embedded H2 schema, one transaction per
 * apply. See {@code docs/jdbc-backend.md} for what an apply writes.
 */
package dev.diet.netbox.jdbc;
