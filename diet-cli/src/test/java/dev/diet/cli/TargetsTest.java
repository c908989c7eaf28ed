package dev.diet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target strings and credentials the person gets wrong, resolved by the real {@link Targets}. */
class TargetsTest {
  private static final String LAB = "examples/lab-two-tor.yaml";

  @TempDir Path dir;

  @Test
  void unknownTargetsNameTheFormsToUse() {
    Cli cli = Cli.real(dir);
    Cli.Run run = cli.run("plan", LAB, "--target", "ftp://netbox");
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("Error: unknown target 'ftp://netbox'", "What to do: use no --target for the embedded database", "jdbc:postgresql://");
    Cli.Run memory = cli.run("plan", LAB, "--target", "memory:");
    assertThat(memory.code).isEqualTo(1);
    assertThat(memory.err).contains("keeps nothing between two diet runs");
    Cli.Run fromEnv = cli.run(cli.env.withVars(Map.of("DIET_TARGET", "gopher://x")), "status", LAB);
    assertThat(fromEnv.code).isEqualTo(1);
    assertThat(fromEnv.err).contains("unknown target 'gopher://x'");
  }

  @Test
  void anApiTargetNeedsATokenFromTheEnvironmentOrAFile() throws IOException {
    Cli cli = Cli.real(dir);
    Cli.Run none = cli.run("plan", LAB, "--target", "https://netbox.example.com");
    assertThat(none.code).isEqualTo(1);
    assertThat(none.err).contains("no NetBox API token", "export NETBOX_TOKEN=<token> or pass --token-file FILE");
    Cli.Run missing = cli.run("plan", LAB, "--target", "https://netbox.example.com", "--token-file", "token.txt");
    assertThat(missing.code).isEqualTo(1);
    assertThat(missing.err).contains("token file token.txt does not exist");
    Files.writeString(dir.resolve("empty.txt"), "\n\n");
    Cli.Run empty = cli.run("plan", LAB, "--target", "https://netbox.example.com", "--token-file", "empty.txt");
    assertThat(empty.code).isEqualTo(1);
    assertThat(empty.err).contains("token file empty.txt is empty");
  }

  @Test
  void theTokenComesFromTheFilesFirstLine() throws IOException {
    Files.writeString(dir.resolve("token.txt"), "  0123456789abcdef0123456789abcdef01234567 \nsecond line\n");
    TargetOptions options = new TargetOptions();
    options.tokenFile = Path.of("token.txt");
    Env env = Env.in(dir).withVars(Map.of("NETBOX_TOKEN", "from-env"));
    assertThat(Targets.token(options, env)).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(Targets.token(new TargetOptions(), env)).isEqualTo("from-env");
  }
}
