package dev.diet.cli;

import dev.diet.DietException;
import dev.diet.netbox.jdbc.JdbcNetBoxBackend;
import dev.diet.netbox.rest.RestConfig;
import dev.diet.netbox.rest.RestNetBoxBackend;
import dev.diet.spi.NetBoxBackend;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns a TARGET string and its options into an open {@link NetBoxBackend}. */
final class Targets {
  /** Directory of the embedded default database, relative to the working directory. */
  static final String DEFAULT_DIR = ".diet";

  private static final String FORMS =
      "use no --target for the embedded database in ./.diet/, jdbc:postgresql://HOST:5432/netbox, jdbc:h2:FILE, or https://netbox.example.com";

  private Targets() {}

  /** The target string in force: --target, else DIET_TARGET, else null (the embedded default). */
  static String chosen(TargetOptions options, Env env) {
    return options.target != null ? options.target : env.var("DIET_TARGET").orElse(null);
  }

  static NetBoxBackend open(TargetOptions options, Env env) {
    String target = chosen(options, env);
    if (env.backends().isPresent()) {
      return env.backends().get().apply(target);
    }
    if (target == null || target.isBlank()) {
      return embedded(env.resolve(Path.of(DEFAULT_DIR)));
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:")) {
      return jdbc(target, options.dbUser, env.var("PGPASSWORD").orElse(null));
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return rest(target, token(options, env), options, env);
    }
    if (lower.startsWith("memory:")) {
      throw new DietException("target memory: keeps nothing between two diet runs", "leave out --target to use the embedded database in ./.diet/");
    }
    throw new DietException("unknown target '" + target + "'", FORMS);
  }

  /** The embedded H2 database in {@code dir}, created on first use. */
  static NetBoxBackend embedded(Path dir) {
    return JdbcNetBoxBackend.embedded(dir);
  }

  /** A NetBox database (PostgreSQL) or an H2 database by JDBC URL. */
  static NetBoxBackend jdbc(String url, String user, String password) {
    return JdbcNetBoxBackend.connect(url, user, password);
  }

  /** The NetBox REST API; checks the version and the token on connect. */
  static NetBoxBackend rest(String url, String token, TargetOptions options, Env env) {
    RestConfig.Builder config;
    try {
      config = RestConfig.builder(URI.create(url), token);
    } catch (IllegalArgumentException e) {
      throw new DietException("bad NetBox URL '" + url + "': " + e.getMessage(), "give NetBox's base URL, e.g. https://netbox.example.com");
    }
    config.chunkSize(options.chunkSize);
    if (options.caCert != null) {
      config.trustStore(TrustStores.fromPem(env.resolve(options.caCert), options.caCert.toString()), TrustStores.PASSWORD);
    } else if (options.trustStore != null) {
      Path store = env.resolve(options.trustStore);
      if (!Files.isRegularFile(store)) {
        throw new DietException("trust store " + options.trustStore + " does not exist", "give a PKCS12 or JKS file, or --ca-cert FILE with PEM certificates");
      }
      config.trustStore(store, env.var("DIET_TRUST_STORE_PASSWORD").map(String::toCharArray).orElse(null));
    }
    return RestNetBoxBackend.connect(config.build());
  }

  /** The API token: the first line of --token-file, else NETBOX_TOKEN. Never printed. */
  static String token(TargetOptions options, Env env) {
    if (options.tokenFile != null) {
      Path file = env.resolve(options.tokenFile);
      try {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int newline = text.indexOf('\n');
        String token = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (token.isEmpty()) {
          throw new DietException("token file " + options.tokenFile + " is empty", "put the NetBox API token on its first line");
        }
        return token;
      } catch (NoSuchFileException e) {
        throw new DietException("token file " + options.tokenFile + " does not exist", "create it with the NetBox API token on its first line, or export NETBOX_TOKEN");
      } catch (IOException e) {
        throw new DietException("cannot read token file " + options.tokenFile + ": " + e.getMessage(), "check the file's permissions");
      }
    }
    return env.var("NETBOX_TOKEN").orElseThrow(() -> new DietException(
        "no NetBox API token for an http(s) target",
        "export NETBOX_TOKEN=<token> or pass --token-file FILE (NetBox: User menu > API Tokens)"));
  }
}
