package app.backbone.logging.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import app.backbone.logging.config.LoggingConfig;

/**
 * What an erasure keeps of a member instead of their id: HMAC-SHA256 of {@code tenantId/memberId} keyed with the
 * configured secret ({@code backbone.logging.erasure.salt}), in hex. Without the secret the hash cannot be traced
 * back to a member id by trying ids.
 */
@ApplicationScoped
public class MemberHashes {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public MemberHashes(LoggingConfig config) {
        this.key = new SecretKeySpec(config.erasure().salt().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A hasher for one thread; reuse it for a batch of members. */
    public Hasher hasher() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new Hasher(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The hash of one member. */
    public String of(Member member) {
        return hasher().of(member);
    }

    /** Hashes members with one {@link Mac}; not thread-safe. */
    public static final class Hasher {

        private final Mac mac;

        private Hasher(Mac mac) {
            this.mac = mac;
        }

        public String of(Member member) {
            return HexFormat.of().formatHex(mac.doFinal((member.tenantId() + "/" + member.memberId())
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }
}
