package app.backbone.dashboard.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Local-only mode signs every visitor in: never in production, never beside a real provider. */
class LocalModeTest {

    @Test
    void isRefusedInTheProdProfile() {
        assertThatThrownBy(() -> LocalMode.check(List.of("prod"), true, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused in the prod profile");
        assertThatThrownBy(() -> LocalMode.check(List.of("prod", "local"), true, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isRefusedBesideAnEnabledProvider() {
        assertThatThrownBy(() -> LocalMode.check(List.of("local"), true, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus.oidc.tenant-enabled=false");
    }

    @Test
    void runsInTheLocalDevAndTestProfiles() {
        assertThatCode(() -> LocalMode.check(List.of("local"), true, false)).doesNotThrowAnyException();
        assertThatCode(() -> LocalMode.check(List.of("dev"), true, false)).doesNotThrowAnyException();
        assertThatCode(() -> LocalMode.check(List.of("test"), true, false)).doesNotThrowAnyException();
    }

    @Test
    void productionWithoutItStarts() {
        assertThatCode(() -> LocalMode.check(List.of("prod"), false, true)).doesNotThrowAnyException();
    }
}
