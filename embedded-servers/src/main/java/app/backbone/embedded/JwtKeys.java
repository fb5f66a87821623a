package app.backbone.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair that signs Backbone's tokens where no identity provider does: PEM files
 * {@code privateKey.pem} (PKCS#8) and {@code publicKey.pem} (X.509), generated once and then reused.
 */
public final class JwtKeys {

    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    public static final String PUBLIC_KEY_FILE = "publicKey.pem";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private JwtKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh 2048-bit RSA key pair, kept in memory only. */
    public static JwtKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Reads the key pair from {@code dir}, generating and writing it first if it is not there. */
    public static JwtKeys loadOrCreate(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return load(dir);
        }
        Files.createDirectories(dir);
        JwtKeys keys = generate();
        Files.writeString(privateFile, keys.privateKeyPem());
        Files.writeString(publicFile, keys.publicKeyPem());
        return keys;
    }

    /** Reads an existing key pair from {@code dir}. */
    public static JwtKeys load(Path dir) throws IOException {
        try {
            return fromPem(Files.readString(dir.resolve(PRIVATE_KEY_FILE)),
                    Files.readString(dir.resolve(PUBLIC_KEY_FILE)));
        } catch (IllegalArgumentException e) {
            throw new IOException("Unreadable JWT key pair in " + dir, e);
        }
    }

    /** The key pair from its two PEM documents. */
    public static JwtKeys fromPem(String privateKeyPem, String publicKeyPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new JwtKeys(rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyPem))),
                    rsa.generatePublic(new X509EncodedKeySpec(der(publicKeyPem))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA key pair", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The private key as a PKCS#8 PEM document. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The public key as a PEM document, the form {@code mp.jwt.verify.publickey} accepts. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
