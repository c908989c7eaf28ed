package dev.diet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where NetBox is and how to reach it: the options every command that touches NetBox shares. */
final class TargetOptions {
  @Option(
      names = {"-t", "--target"},
      paramLabel = "TARGET",
      description = "NetBox to work on: a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:h2:...) or the NetBox API"
          + " (https://netbox.example.com). Default: the environment variable DIET_TARGET, else an embedded H2 database"
          + " in ./.diet/, created on first use.")
  String target;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user for a jdbc: target; the password comes from PGPASSWORD.")
  String dbUser;

  @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the NetBox API token for an http(s): target (default: NETBOX_TOKEN).")
  Path tokenFile;

  @Option(names = "--ca-cert", paramLabel = "FILE", description = "For an https: target, trust only the PEM certificate(s) in FILE (e.g. your internal CA) instead of Java's defaults.")
  Path caCert;

  @Option(names = "--trust-store", paramLabel = "FILE", description = "For an https: target, trust the certificates of this PKCS12 or JKS key store (password: DIET_TRUST_STORE_PASSWORD) instead of Java's defaults.")
  Path trustStore;

  @Option(names = "--chunk-size", paramLabel = "N", description = "Most objects per database batch or API request (default: ${DEFAULT-VALUE}).", defaultValue = "500")
  int chunkSize;
}
