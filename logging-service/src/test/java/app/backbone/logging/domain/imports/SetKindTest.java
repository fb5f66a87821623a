package app.backbone.logging.domain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetKindTest {

    @Test
    void theAppsSpellingsOfSetKindsAreRead() {
        assertThat(SetKind.of("W")).contains(SetKind.WARMUP);
        assertThat(SetKind.of("Warm-up")).contains(SetKind.WARMUP);
        assertThat(SetKind.of("warm_up")).contains(SetKind.WARMUP);
        assertThat(SetKind.of("d")).contains(SetKind.DROP);
        assertThat(SetKind.of("drop_set")).contains(SetKind.DROP);
        assertThat(SetKind.of("Drop Set")).contains(SetKind.DROP);
        assertThat(SetKind.of("F")).contains(SetKind.FAILURE);
        assertThat(SetKind.of("Failure")).contains(SetKind.FAILURE);
        assertThat(SetKind.of("normal")).contains(SetKind.NORMAL);
        assertThat(SetKind.of("")).contains(SetKind.NORMAL);
    }

    @Test
    void anUnknownMarkIsNoKind() {
        assertThat(SetKind.of("X")).isEmpty();
        assertThat(SetKind.of("superset")).isEmpty();
    }
}
