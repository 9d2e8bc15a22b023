package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Throwaway key material made at test time with the JDK's {@code keytool}: a certificate
 * authority, a broker certificate for {@code localhost} and {@code 127.0.0.1}, and a client
 * certificate, each signed by the authority. All stores are PKCS12 and share one random password.
 *
 * <ul>
 *   <li>{@link #truststore()}: the authority's certificate; clients and the broker trust it.</li>
 *   <li>{@link #brokerKeystore()}: the broker's key and certificate chain.</li>
 *   <li>{@link #clientKeystore()}: the client's key and certificate chain, for mutual TLS.</li>
 * </ul>
 */
public final class TestCertificates {

    private static final String VALIDITY_DAYS = "2";
    private static final String AUTHORITY = "authority";

    private final Path dir;
    private final String password;

    private TestCertificates(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Creates {@code dir} and generates the authority, the broker's and the client's stores in it. */
    public static TestCertificates generate(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
        TestCertificates certificates = new TestCertificates(dir.toAbsolutePath(), randomPassword());
        certificates.generateAll(new Keytool(dir));
        return certificates;
    }

    /** The PKCS12 store holding the authority's certificate. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** The PKCS12 store holding the broker's key and certificate. */
    public Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    /** The PKCS12 store holding the client's key and certificate. */
    public Path clientKeystore() {
        return dir.resolve("client.p12");
    }

    /** The password of every store and key; random for each generation. */
    public String password() {
        return password;
    }

    private void generateAll(Keytool keytool) {
        keytool.run("-genkeypair", "-alias", AUTHORITY, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=kafka-spool test authority", "-ext", "bc:c", "-validity", VALIDITY_DAYS,
                "-storetype", "PKCS12", "-keystore", "authority.p12", "-storepass", password);
        keytool.run("-exportcert", "-rfc", "-alias", AUTHORITY, "-keystore", "authority.p12",
                "-storepass", password, "-file", "authority.pem");
        importAuthority(keytool, truststore());
        signedKeystore(keytool, "broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        signedKeystore(keytool, "client", "CN=app", "EKU=clientAuth");
    }

    /** A keystore {@code <name>.p12} with a key whose certificate the authority signed with {@code extension}. */
    private void signedKeystore(Keytool keytool, String name, String distinguishedName, String extension) {
        String keystore = name + ".p12";
        keytool.run("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", distinguishedName, "-validity", VALIDITY_DAYS,
                "-storetype", "PKCS12", "-keystore", keystore, "-storepass", password);
        keytool.run("-certreq", "-alias", name, "-keystore", keystore, "-storepass", password,
                "-file", name + ".csr");
        keytool.run("-gencert", "-rfc", "-alias", AUTHORITY, "-keystore", "authority.p12", "-storepass", password,
                "-infile", name + ".csr", "-outfile", name + ".pem", "-ext", extension, "-validity", VALIDITY_DAYS);
        importAuthority(keytool, dir.resolve(keystore));
        keytool.run("-importcert", "-noprompt", "-alias", name, "-file", name + ".pem",
                "-keystore", keystore, "-storepass", password);
    }

    private void importAuthority(Keytool keytool, Path store) {
        keytool.run("-importcert", "-noprompt", "-alias", AUTHORITY, "-file", "authority.pem",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", password);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "store-" + HexFormat.of().formatHex(bytes);
    }
}
