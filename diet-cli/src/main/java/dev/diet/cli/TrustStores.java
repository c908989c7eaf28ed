package dev.diet.cli;

import dev.diet.DietException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Turns {@code --ca-cert} PEM files into the PKCS12 trust store the REST backend takes. */
final class TrustStores {
  /** Password of the generated store; it holds only public certificates. */
  static final char[] PASSWORD = "diet-ca-certs".toCharArray();

  private TrustStores() {}

  /** A temporary PKCS12 store (deleted when the JVM exits) with every certificate of {@code pem}. */
  static Path fromPem(Path pem, String shown) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new DietException("--ca-cert " + shown + " holds no certificate", "give a PEM file with -----BEGIN CERTIFICATE----- blocks");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, PASSWORD);
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      Path file = Files.createTempFile("diet-ca", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD);
      }
      return file;
    } catch (NoSuchFileException e) {
      throw new DietException("--ca-cert " + shown + " does not exist", "give the PEM file of the CA that signed NetBox's certificate");
    } catch (IOException | GeneralSecurityException e) {
      throw new DietException("--ca-cert " + shown + " is not a PEM certificate file: " + e.getMessage(),
          "give a PEM file with -----BEGIN CERTIFICATE----- blocks");
    }
  }
}
