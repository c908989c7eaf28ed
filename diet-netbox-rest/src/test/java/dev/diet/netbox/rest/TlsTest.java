package dev.diet.netbox.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diet.netbox.rest.fake.FakeNetBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is verified: a NetBox with a certificate the JVM does not trust is refused unless a trust store holds it. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  static Path dir;

  @BeforeAll
  static void certificates() throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "keytool is not in this JDK");
    keytool(keytool, "-genkeypair", "-alias", "netbox", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve("server.p12").toString(),
        "-storepass", "changeit");
    keytool(keytool, "-exportcert", "-rfc", "-alias", "netbox", "-keystore", dir.resolve("server.p12").toString(), "-storepass", "changeit",
        "-file", dir.resolve("netbox.pem").toString());
    keytool(keytool, "-importcert", "-noprompt", "-alias", "netbox", "-file", dir.resolve("netbox.pem").toString(), "-storetype", "PKCS12",
        "-keystore", dir.resolve("trust.p12").toString(), "-storepass", "changeit");
  }

  private static void keytool(Path keytool, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  private static FakeNetBox start() throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      ks.load(in, PASSWORD);
    }
    return FakeNetBox.startTls(ks, PASSWORD);
  }

  @Test
  void anUntrustedCertificateIsRefused() throws Exception {
    try (FakeNetBox netbox = start()) {
      assertThat(netbox.uri().getScheme()).isEqualTo("https");
      assertThatThrownBy(() -> RestNetBoxBackend.connect(RestTesting.config(netbox).maxRetries(0).build()))
          .isInstanceOf(NetBoxUnreachableException.class)
          .hasMessageContaining("TLS");
    }
  }

  @Test
  void aTrustStoreHoldingTheCertificateIsUsed() throws Exception {
    try (FakeNetBox netbox = start();
        RestNetBoxBackend backend = RestNetBoxBackend.connect(
            RestTesting.config(netbox).trustStore(dir.resolve("trust.p12"), PASSWORD).build())) {
      assertThat(backend.describe()).startsWith("NetBox 4.4.10 at https://");
    }
  }
}
